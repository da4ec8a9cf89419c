/**
 * This process does not (or no longer) hold the account's lease: it must not load or write the
 * account. Thrown by the fence check inside a write's transaction, which then rolls back.
 */
export class LeaseLostError extends Error {
  constructor(readonly accountId: string) {
    super(`this instance does not hold the lease of account ${accountId}`);
    this.name = 'LeaseLostError';
  }
}
