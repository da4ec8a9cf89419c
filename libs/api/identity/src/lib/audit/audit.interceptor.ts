import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCOUNT_TARGET, type AccountTarget, AUDIT_ACTION, principalOf } from '@ptp/api/shared';
import type { Request, Response } from 'express';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import { targetAccountOf } from '../guard/account-target';
import { clientIp } from '../guard/request-credentials';
import { AuditLogService } from './audit-log.service';

/** A login names the user in its body: the only request whose caller is not yet known. */
function bodyUserName(request: Request): string | undefined {
  const name: unknown = (request.body as { username?: unknown } | undefined)?.username;
  return typeof name === 'string' ? name.slice(0, 64) : undefined;
}

/**
 * Writes one audit row per call of a route marked `@Audited`: who (user, token), what (action,
 * method, path, account), when, from where (client address) and how it ended (status), refusals
 * included. The row is written before the answer leaves, so a client that saw the answer can find it.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string | undefined>(AUDIT_ACTION, context.getHandler());
    if (!action) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const write = (status: number) => {
      const principal = principalOf(request);
      const target = this.reflector.getAllAndOverride<AccountTarget | undefined>(ACCOUNT_TARGET, [
        context.getHandler(),
        context.getClass(),
      ]);
      return this.audit.record({
        userName:
          principal && principal.kind !== 'local'
            ? principal.userName
            : (bodyUserName(request) ?? principal?.userName ?? 'anonymous'),
        tokenId: principal?.tokenId ?? null,
        action,
        method: request.method,
        path: request.originalUrl,
        accountId: target ? (targetAccountOf(request, target, principal) ?? null) : null,
        status,
        ip: clientIp(request),
      });
    };
    return next.handle().pipe(
      switchMap((value: unknown) =>
        from(write(context.switchToHttp().getResponse<Response>().statusCode)).pipe(
          switchMap(() => [value]),
        ),
      ),
      catchError((error: unknown) =>
        from(write(error instanceof HttpException ? error.getStatus() : 500)).pipe(
          switchMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}
