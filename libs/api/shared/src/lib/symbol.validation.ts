import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { SYMBOL_PATTERN } from '@ptp/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';

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

const upperCaseEach = Transform(({ value }) =>
  Array.isArray(value)
    ? value.map((s) => (typeof s === 'string' ? s.trim().toUpperCase() : s))
    : value,
);

/** A list of 1 to `max` distinct symbols, each upper-cased before it is checked. */
export function SymbolListField(max: number, message: string): PropertyDecorator {
  return applyDecorators(
    upperCaseEach,
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(max),
    ArrayUnique(),
    Matches(SYMBOL_PATTERN, { each: true, message }),
  );
}
