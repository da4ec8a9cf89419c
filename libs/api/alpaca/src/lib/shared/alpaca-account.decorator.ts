import {
  applyDecorators,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  UseFilters,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { targetAccountOf } from '@ptp/api/identity';
import { ActsOnAccount, ApiError, principalOf } from '@ptp/api/shared';
import type { Request } from 'express';
import { AlpacaExceptionFilter } from './alpaca-error.filter';

/**
 * The paper account an Alpaca request trades: the API token's account; for a token without one, a
 * login or local mode, `?accountId=` or the default account. AccessGuard has already checked the
 * caller may use it.
 */
export const AlpacaAccount = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(request);
    if (!principal) throw ApiError.unauthenticated();
    const accountId = targetAccountOf(request, 'principal', principal);
    if (accountId === undefined)
      throw ApiError.unprocessable('INVALID_QUERY', 'accountId must be a single account id');
    return accountId;
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
