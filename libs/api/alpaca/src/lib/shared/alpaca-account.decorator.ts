import {
  applyDecorators,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  UseFilters,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import { ActsOnAccount, ApiError, principalOf } from '@ptp/api/shared';
import { AlpacaExceptionFilter } from './alpaca-error.filter';

/**
 * The paper account an Alpaca request trades: the API token's account, or the default account for
 * a token without one and in local mode. AccessGuard has already checked the caller may use it.
 */
export const AlpacaAccount = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const principal = principalOf(context.switchToHttp().getRequest<object>());
    if (!principal) throw ApiError.unauthenticated();
    return principal.accountId ?? DEFAULT_ACCOUNT_ID;
  },
);

/**
 * A controller of Alpaca's API: under `/v2`, on the caller's own account, with Alpaca's error
 * body. Its handlers answer raw JSON (`@RawResponse()`), not the `/api` envelope.
 */
export function AlpacaController(tag: string, path = 'v2'): ClassDecorator {
  return applyDecorators(
    ApiTags(`alpaca: ${tag}`),
    Controller(path),
    ActsOnAccount('principal'),
    UseFilters(AlpacaExceptionFilter),
  );
}
