export type LedgerErrorCode = 'INSUFFICIENT_CASH' | 'NO_SHORT_POSITIONS' | 'INVALID_FILL';

/**
 * A fill the ledger refuses because it would break an invariant (no margin, no shorts, sane
 * numbers).
 */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
