import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountEntity } from '@ptp/api/persistence';
import {
  ACCOUNT_TARGET,
  type AccountTarget,
  ApiError,
  assertAccountAccess,
  MIN_ROLE,
  type Principal,
  principalOf,
  PUBLIC_ROUTE,
} from '@ptp/api/shared';
import { ROLES, type Role } from '@ptp/contracts';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { targetAccountOf } from './account-target';
import { presentedToken } from './request-credentials';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Last guard: 401 without a caller where one is needed, 403 when the role is too low, when a trader
 * reaches for an account that is not theirs, or when a token limited to one account names another.
 * Viewers read every account; admins do everything.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(request);
    if (!principal)
      throw ApiError.unauthenticated(
        presentedToken(request)
          ? 'The API token is not valid or has been revoked.'
          : 'Log in, or send an API token as Authorization: Bearer <token>.',
      );
    const needed =
      this.reflector.getAllAndOverride<Role>(MIN_ROLE, targets) ??
      (READ_METHODS.has(request.method) ? 'viewer' : 'trader');
    if (ROLES.indexOf(principal.role) < ROLES.indexOf(needed))
      throw ApiError.forbidden(
        `This needs the ${needed} role; ${principal.userName} is a ${principal.role}.`,
        {
          role: principal.role,
          needed,
        },
      );
    const target = this.reflector.getAllAndOverride<AccountTarget>(ACCOUNT_TARGET, targets);
    if (target) await this.checkAccount(principal, targetAccountOf(request, target, principal));
    return true;
  }

  private async checkAccount(principal: Principal, accountId: string | undefined): Promise<void> {
    if (accountId === undefined || (principal.accountId === null && principal.role !== 'trader'))
      return;
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOne({ select: { id: true, ownerUserId: true }, where: { id: accountId } });
    // An unknown account is the handler's 404 (a token limited to another one is refused anyway).
    if (account || principal.accountId !== null)
      assertAccountAccess(principal, accountId, account?.ownerUserId ?? null);
  }
}
