import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  LIMIT_FILL_RULE_VALUES,
  type ExecutionSettings,
  type FeeSettings,
  type LimitFillRuleName,
  type RiskLimits,
  type RuntimeConfigPatch,
} from '@ptp/contracts';
import { FINITE_NUMBER, SymbolListField } from '@ptp/api/shared';
import { STRATEGY_NAMES } from '@ptp/domain';

/** Omitted is fine, but an explicit null is not a value for these keys (IsOptional would let it through). */
const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
/** Omitted or null (null switches the default stop-loss / take-profit off). */
const Nullable = (): PropertyDecorator =>
  ValidateIf((_, value) => value !== undefined && value !== null);

export class RiskLimitsPatchDto implements Partial<RiskLimits> {
  @ApiPropertyOptional({
    description: 'Max position size, % of equity',
    minimum: 0.01,
    maximum: 100,
    example: 10,
  })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0.01)
  @Max(100)
  maxPositionPct?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, example: 8 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxOpenPositions?: number;

  @ApiPropertyOptional({
    description: '% of start-of-day equity',
    minimum: 0.01,
    maximum: 100,
    example: 5,
  })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0.01)
  @Max(100)
  dailyLossLimitPct?: number;

  @ApiPropertyOptional({ example: false })
  @Omittable()
  @IsBoolean()
  flattenOnDailyLossLimit?: boolean;

  @ApiPropertyOptional({ description: 'Dollars', minimum: 0, maximum: 1_000_000, example: 1 })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(1_000_000)
  minOrderNotional?: number;

  @ApiPropertyOptional({ example: false })
  @Omittable()
  @IsBoolean()
  enforceMarketHours?: boolean;

  @ApiPropertyOptional({
    description: '% below entry; null = none',
    minimum: 0.01,
    maximum: 100,
    nullable: true,
    example: 2,
  })
  @Nullable()
  @IsNumber(FINITE_NUMBER)
  @Min(0.01)
  @Max(100)
  defaultStopLossPct?: number | null;

  @ApiPropertyOptional({
    description: '% above entry; null = none',
    minimum: 0.01,
    maximum: 1000,
    nullable: true,
    example: null,
  })
  @Nullable()
  @IsNumber(FINITE_NUMBER)
  @Min(0.01)
  @Max(1000)
  defaultTakeProfitPct?: number | null;

  @ApiPropertyOptional({
    description: 'Refuse a 4th day trade in 5 business days under $25,000 equity (RISK_PDT)',
    example: false,
  })
  @Omittable()
  @IsBoolean()
  patternDayTrader?: boolean;
}

/** execution.* of PATCH /api/config and POST /api/backtests (docs/engine.md). */
export class ExecutionPatchDto implements Partial<ExecutionSettings> {
  @ApiPropertyOptional({
    description: 'An order fills at most this % of each bar volume; null = whole fills',
    minimum: 0.000001,
    maximum: 100,
    nullable: true,
    example: 5,
  })
  @Nullable()
  @IsNumber(FINITE_NUMBER)
  @Min(0.000001)
  @Max(100)
  maxVolumePct?: number | null;

  @ApiPropertyOptional({ enum: LIMIT_FILL_RULE_VALUES, example: 'touch' })
  @Omittable()
  @IsIn(LIMIT_FILL_RULE_VALUES)
  limitFillRule?: LimitFillRuleName;
}

export class FeesPatchDto implements Partial<FeeSettings> {
  @ApiPropertyOptional({ description: '% of notional', minimum: 0, maximum: 10, example: 0.05 })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(10)
  percent?: number;

  @ApiPropertyOptional({ description: 'Dollars per share', minimum: 0, maximum: 1, example: 0.005 })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(1)
  perShare?: number;

  @ApiPropertyOptional({
    description: 'Dollars per order when charged per share',
    minimum: 0,
    maximum: 100,
    example: 1,
  })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(100)
  perShareMinimum?: number;

  @ApiPropertyOptional({ description: 'Dollars per order', minimum: 0, maximum: 100, example: 0 })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(100)
  flat?: number;

  @ApiPropertyOptional({ description: 'SEC/FINRA sell-side fees', example: false })
  @Omittable()
  @IsBoolean()
  regulatory?: boolean;
}

/** PATCH /api/config. Strategy params are checked by the trading core's registry after merging. */
export class RuntimeConfigPatchDto implements RuntimeConfigPatch {
  @ApiPropertyOptional({ type: RiskLimitsPatchDto })
  @Omittable()
  @ValidateNested()
  @Type(() => RiskLimitsPatchDto)
  risk?: RiskLimitsPatchDto;

  @ApiPropertyOptional({
    description: 'Default strategy of /paper-trading/start',
    enum: STRATEGY_NAMES,
    example: 'rsi-mean-reversion',
  })
  @Omittable()
  @IsIn(STRATEGY_NAMES)
  strategy?: string;

  @ApiPropertyOptional({
    description: 'Strategy name → params to change (see GET /api/strategies for keys and ranges)',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    example: { 'ma-crossover': { fast: 5, slow: 20 } },
  })
  @Omittable()
  @IsObject()
  strategies?: Record<string, Record<string, number>>;

  @ApiPropertyOptional({ type: [String], example: ['SPY', 'AAPL', 'MSFT'] })
  @Omittable()
  @SymbolListField(100, 'watchlist entries must be tickers like AAPL or BRK.B')
  watchlist?: string[];

  @ApiPropertyOptional({
    description: 'Seconds of market time between session ticks (whole seconds, as at start)',
    minimum: 1,
    maximum: 86_400,
    example: 60,
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(86_400)
  signalIntervalSec?: number;

  @ApiPropertyOptional({ type: FeesPatchDto })
  @Omittable()
  @ValidateNested()
  @Type(() => FeesPatchDto)
  fees?: FeesPatchDto;

  @ApiPropertyOptional({
    description: 'Adverse slippage, basis points',
    minimum: 0,
    maximum: 1000,
    example: 5,
  })
  @Omittable()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(1000)
  slippageBps?: number;

  @ApiPropertyOptional({ type: ExecutionPatchDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ExecutionPatchDto)
  execution?: ExecutionPatchDto;
}
