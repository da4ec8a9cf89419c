import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MARKET_TIMESPANS, type MarketTimespan } from '@ptp/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  Matches,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { DAY_MS } from '@ptp/domain';

/** Ticker syntax (upper-case letters, digits and dots), as in the platform config's watchlist. */
const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;
const TICKER_MESSAGE = 'each symbol must be a ticker like AAPL or BRK.B';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const upperCase = (value: unknown) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** `YYYY-MM-DD`, an ISO date-time or epoch ms → UTC ms; a date-only `to` means the end of that day. */
export function parseTimeParam(value: unknown, endOfDay: boolean): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const text = value.trim();
  if (/^\d{10,}$/.test(text)) return Number(text);
  const ms = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) return value;
  return DATE_ONLY.test(text) && endOfDay ? ms + DAY_MS - 1 : ms;
}

@ValidatorConstraint({ name: 'utcMs' })
class IsUtcMs implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date (YYYY-MM-DD), an ISO date-time or epoch milliseconds`;
  }
}

export class QuotesQueryDto {
  @ApiProperty({
    description: 'Comma-separated tickers (at most 100)',
    example: 'AAPL,MSFT',
    type: String,
  })
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map(upperCase)
          .filter((s) => s !== '')
      : value,
  )
  @IsArray()
  @ArrayMinSize(1, { message: 'symbols must name at least one ticker' })
  @ArrayMaxSize(100)
  @Matches(TICKER, { each: true, message: TICKER_MESSAGE })
  symbols!: string[];
}

export class BarsQueryDto {
  @ApiProperty({ example: 'AAPL' })
  @Transform(({ value }) => upperCase(value))
  @Matches(TICKER, { message: TICKER_MESSAGE })
  symbol!: string;

  @ApiPropertyOptional({ enum: MARKET_TIMESPANS, default: 'minute' })
  @IsOptional()
  @IsIn(MARKET_TIMESPANS)
  timespan?: MarketTimespan;

  @ApiPropertyOptional({
    description:
      'Start: YYYY-MM-DD, ISO date-time or epoch ms (default: one day, ten days or a year before `to` for minute, hour and day bars)',
    example: '2025-06-02',
  })
  @IsOptional()
  @Transform(({ value }) => parseTimeParam(value, false))
  @Validate(IsUtcMs)
  from?: number;

  @ApiPropertyOptional({
    description:
      'End (inclusive): YYYY-MM-DD (whole day), ISO date-time or epoch ms (default: now)',
    example: '2025-06-06',
  })
  @IsOptional()
  @Transform(({ value }) => parseTimeParam(value, true))
  @Validate(IsUtcMs)
  to?: number;
}
