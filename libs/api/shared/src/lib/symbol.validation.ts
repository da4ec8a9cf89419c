import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { SYMBOL_PATTERN } from '@ptp/contracts';
import { IsOptional, IsString, Matches } from 'class-validator';

const upperCase = Transform(({ value }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value,
);

/** A symbol query filter, upper-cased before it is checked. */
export function SymbolQueryField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'Ticker symbol', example: 'AAPL' }),
    IsOptional(),
    upperCase,
    IsString(),
    Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker like AAPL or BRK.B' }),
  );
}

/** A required symbol in a request body, upper-cased before it is checked. */
export function SymbolBodyField(): PropertyDecorator {
  return applyDecorators(
    upperCase,
    IsString(),
    Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker like AAPL or BRK.B' }),
  );
}
