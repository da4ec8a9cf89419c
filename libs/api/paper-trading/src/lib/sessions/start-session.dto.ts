import { ApiPropertyOptional } from '@nestjs/swagger';
import { AccountQueryDto } from '@ptp/api/shared';
import { SYMBOL_PATTERN } from '@ptp/contracts';
import { STRATEGY_NAMES, type StrategyName } from '@ptp/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

export const MAX_SESSION_SYMBOLS = 50;

export class StartSessionDto extends AccountQueryDto {
  @ApiPropertyOptional({
    enum: STRATEGY_NAMES,
    example: 'ma-crossover',
    description: 'Default: the configured strategy.',
  })
  @IsOptional()
  @IsIn(STRATEGY_NAMES)
  strategy?: StrategyName;

  @ApiPropertyOptional({
    example: { fast: 10, slow: 30 },
    description: 'Strategy parameters; missing ones take the configured values, then the defaults.',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: ['AAPL', 'MSFT'],
    description: 'Default: the configured watchlist.',
  })
  @IsOptional()
  @Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((s) => (typeof s === 'string' ? s.trim().toUpperCase() : s))
      : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_SYMBOLS)
  @ArrayUnique()
  @Matches(SYMBOL_PATTERN, {
    each: true,
    message: 'each symbol must be a ticker like AAPL or BRK.B',
  })
  symbols?: string[];

  @ApiPropertyOptional({
    example: 60,
    minimum: 1,
    maximum: 86_400,
    description:
      'Seconds of market time between ticks (default: the configured interval). With a sped-up simulated or replayed market, the wall-clock period is this divided by the speed.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  signalIntervalSec?: number;
}
