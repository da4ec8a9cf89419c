import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@ptp/api/shared';
import { MARKET_ERROR_CODES } from '@ptp/contracts';
import { ProviderError } from '../provider/provider-error';

/** 422 UNKNOWN_SYMBOL naming the symbols outside the tradable universe (or without data). */
export function unknownSymbolsError(symbols: readonly string[]): ApiError {
  return ApiError.unprocessable(
    MARKET_ERROR_CODES.unknownSymbol,
    `unknown symbol${symbols.length > 1 ? 's' : ''}: ${symbols.join(', ')}`,
    { symbols },
  );
}

/** Upstream failures are the provider's, not ours: 503 with a code, never a 500 (and never the key). */
export function providerFailure(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  return error.kind === 'unauthorized'
    ? new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        MARKET_ERROR_CODES.providerUnauthorized,
        'market data key invalid or plan not entitled',
      )
    : new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        MARKET_ERROR_CODES.providerUnavailable,
        `market data provider unavailable: ${error.message}`,
      );
}
