import { ApiError } from '../api-error';
import type { Principal } from './principal';

/**
 * Refuses a token limited to another account, and a trader reaching for an account that is not
 * theirs (`ownerUserId` null: made in local mode, the admins'). Viewers read every account; the
 * role check that keeps them from changing one happens before this.
 */
export function assertAccountAccess(
  principal: Principal,
  accountId: string,
  ownerUserId: string | null,
): void {
  if (principal.accountId !== null && principal.accountId !== accountId)
    throw ApiError.forbidden(`This token is limited to account ${principal.accountId}.`, {
      accountId,
      tokenAccountId: principal.accountId,
    });
  if (principal.role === 'trader' && ownerUserId !== principal.userId)
    throw ApiError.forbidden(`Account ${accountId} belongs to another user.`, { accountId });
}
