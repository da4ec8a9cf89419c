/**
 * Why an upstream call failed. `unauthorized` is final (401/403: bad key or plan); the others are
 * transient and leave the last good prices in place, marked stale.
 */
export type ProviderErrorKind = 'unauthorized' | 'rate_limited' | 'unavailable' | 'bad_response';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
