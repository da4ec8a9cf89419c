import { DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import type { AccountTarget, Principal } from '@ptp/api/shared';
import type { Request } from 'express';

/**
 * The account a request acts on, read the way the handlers read it: the `:id` parameter, or the
 * body's then the query's `accountId` with the default account when neither names one, or the
 * token's own account (`principal`: else the query's `accountId`, else the default one). Undefined
 * when the value is not a string (validation refuses the request later).
 */
export function targetAccountOf(
  request: Request,
  target: AccountTarget,
  principal: Principal | undefined,
): string | undefined {
  if (target === 'param') return request.params['id'];
  const body: unknown = request.body;
  const fromBody =
    typeof body === 'object' && body !== null && 'accountId' in body
      ? (body as { accountId: unknown }).accountId
      : undefined;
  const fromQuery = (request.query as Record<string, unknown>)['accountId'];
  // A token limited to one account always acts on it, whatever the request names.
  if (target === 'principal' && principal?.accountId) return principal.accountId;
  const value = target === 'principal' ? fromQuery : (fromBody ?? fromQuery);
  if (value === undefined) return DEFAULT_ACCOUNT_ID;
  return typeof value === 'string' ? value : undefined;
}
