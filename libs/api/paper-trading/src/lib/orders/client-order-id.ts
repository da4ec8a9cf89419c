import { createHash } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { OrderRequest } from '@ptp/domain';
import { IsOptional, IsString, Matches } from 'class-validator';

const CLIENT_ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** An optional `clientOrderId`, in the body of a new order or the query that looks one up. */
export function ClientOrderIdField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      example: 'rebalance-2026-01-05:AAPL',
      pattern: CLIENT_ORDER_ID_PATTERN.source,
      minLength: 1,
      maxLength: 128,
    }),
    IsOptional(),
    IsString(),
    Matches(CLIENT_ORDER_ID_PATTERN, {
      message: 'clientOrderId must be 1-128 characters of A-Z a-z 0-9 . _ : -',
    }),
  );
}

/**
 * SHA-256 of the order as the engine would take it: keys sorted, absent fields left out and the
 * engine's default time in force filled in, so a retry spelled differently is still the same order.
 */
export function requestHash(request: OrderRequest): string {
  const normalized: Record<string, unknown> = { timeInForce: 'gtc', ...request };
  const fields = Object.keys(normalized)
    .filter((key) => normalized[key] !== undefined)
    .sort()
    .map((key) => [key, normalized[key]]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
