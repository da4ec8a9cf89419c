import { ApiPropertyOptional } from '@nestjs/swagger';
import { AccountQueryDto, SymbolListField } from '@ptp/api/shared';
import { STRATEGY_NAMES, type StrategyName } from '@ptp/domain';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

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
  @SymbolListField(MAX_SESSION_SYMBOLS, 'each symbol must be a ticker like AAPL or BRK.B')
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
