import { ApiError } from '@ptp/api/shared';

/** 422 for a query parameter Alpaca would refuse. */
export function invalidQuery(message: string): ApiError {
  return ApiError.unprocessable('INVALID_QUERY', message);
}

/** An RFC 3339 time (or date) parameter in UTC ms; undefined when absent. */
export function queryTime(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw invalidQuery(`${name} must be an RFC 3339 time or date`);
  return parsed;
}
