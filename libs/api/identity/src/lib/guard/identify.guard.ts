import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { LOCAL_PRINCIPAL, type Principal, setPrincipal } from '@ptp/api/shared';
import type { Role } from '@ptp/contracts';
import type { Request } from 'express';
import { AuthModeService } from '../auth-mode.service';
import { LoginSessionsService } from '../sessions/login-sessions.service';
import { ApiTokensService, tokenPrincipal } from '../tokens/api-tokens.service';
import { presentedToken, sessionSecret } from './request-credentials';

const SESSION_EXPIRY = Symbol('sessionExpiry');

/** When the caller's dashboard login ends, for GET /api/auth/me. */
export function sessionExpiryOf(request: object): number | null {
  return (request as { [SESSION_EXPIRY]?: number })[SESSION_EXPIRY] ?? null;
}

/**
 * First guard: works out who is calling and never refuses anyone itself, so the rate limiter that
 * follows can count per user or token, and AccessGuard after it decides.
 */
@Injectable()
export class IdentifyGuard implements CanActivate {
  constructor(
    private readonly mode: AuthModeService,
    private readonly sessions: LoginSessionsService,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    if ((await this.mode.state()) === 'local') {
      setPrincipal(request, LOCAL_PRINCIPAL);
      return true;
    }
    const principal = await this.fromToken(request);
    if (principal) setPrincipal(request, principal);
    else await this.fromSession(request);
    return true;
  }

  private async fromToken(request: Request): Promise<Principal | null> {
    const presented = presentedToken(request);
    const found = presented ? await this.tokens.find(presented.secret) : null;
    if (!found || (presented?.keyId !== undefined && presented.keyId !== found.token.id))
      return null;
    return tokenPrincipal(found);
  }

  private async fromSession(request: Request): Promise<void> {
    const secret = sessionSecret(request);
    const login = secret ? await this.sessions.find(secret) : null;
    if (!login) return;
    setPrincipal(request, {
      kind: 'session',
      userId: login.user.id,
      userName: login.user.name,
      role: login.user.role as Role,
      tokenId: null,
      accountId: null,
    });
    (request as { [SESSION_EXPIRY]?: number })[SESSION_EXPIRY] = login.expiresAt;
  }
}
