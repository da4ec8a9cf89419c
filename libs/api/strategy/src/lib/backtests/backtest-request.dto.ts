import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExecutionPatchDto, FeesPatchDto, RiskLimitsPatchDto } from '@ptp/api/runtime-config';
import { ACCOUNT_ID_PATTERN, FINITE_NUMBER, SymbolListField } from '@ptp/api/shared';
import { STRATEGY_NAMES } from '@ptp/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const BACKTEST_SOURCE_TYPES = ['simulated', 'polygon', 'csv'] as const;
export const SIZING_MODES = ['auto', 'quantity', 'notional'] as const;
/** The JSON body limit (server.bodyLimit) bounds a CSV sent inline; a multipart upload may be this large. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** One class for the three source kinds: each field applies to (and is only checked for) its kind. */
export class BacktestSourceDto {
  @ApiProperty({ enum: BACKTEST_SOURCE_TYPES, example: 'simulated' })
  @IsIn(BACKTEST_SOURCE_TYPES)
  type!: (typeof BACKTEST_SOURCE_TYPES)[number];

  @ApiPropertyOptional({
    description: 'simulated: the seed (same seed, same bars)',
    minimum: 0,
    maximum: 2 ** 31 - 1,
    example: 42,
  })
  @ValidateIf(
    (source: BacktestSourceDto) => source.type === 'simulated' || source.seed !== undefined,
  )
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;

  @ApiPropertyOptional({
    description: 'polygon: bar size (default day)',
    enum: ['minute', 'hour', 'day'],
  })
  @IsOptional()
  @IsIn(['minute', 'hour', 'day'])
  timespan?: 'minute' | 'hour' | 'day';

  @ApiPropertyOptional({
    description: 'csv: Yahoo daily CSV text (Date,Open,High,Low,Close,Adj Close,Volume)',
    example: 'Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,100,101,99,100.5,100.5,1000000',
  })
  @ValidateIf((source: BacktestSourceDto) => source.type === 'csv' || source.csv !== undefined)
  @IsString()
  @MaxLength(MAX_CSV_BYTES)
  csv?: string;

  @ApiPropertyOptional({ description: 'csv: use Adj Close instead of raw prices', example: false })
  @IsOptional()
  @IsBoolean()
  adjusted?: boolean;
}

export class BacktestSizingDto {
  @ApiProperty({ enum: SIZING_MODES, example: 'auto' })
  @IsIn(SIZING_MODES)
  mode!: (typeof SIZING_MODES)[number];

  @ApiPropertyOptional({ description: 'quantity mode: shares per entry', example: 10 })
  @ValidateIf(
    (sizing: BacktestSizingDto) => sizing.mode === 'quantity' || sizing.quantity !== undefined,
  )
  @IsNumber(FINITE_NUMBER)
  @Min(0.000001)
  @Max(1_000_000_000)
  quantity?: number;

  @ApiPropertyOptional({ description: 'notional mode: dollars per entry', example: 50 })
  @ValidateIf(
    (sizing: BacktestSizingDto) => sizing.mode === 'notional' || sizing.notional !== undefined,
  )
  @IsNumber(FINITE_NUMBER)
  @Min(0.01)
  @Max(1_000_000_000)
  notional?: number;
}

/** POST /api/backtests. Omitted fees, slippage, risk limits and capital come from the account's runtime config. */
export class BacktestRequestDto {
  @ApiProperty({ type: [String], example: ['SPY', 'AAPL'] })
  @SymbolListField(20, 'symbols must be tickers like AAPL or BRK.B')
  symbols!: string[];

  @ApiProperty({ enum: STRATEGY_NAMES, example: 'ma-crossover' })
  @IsIn(STRATEGY_NAMES)
  strategy!: string;

  @ApiPropertyOptional({
    description: 'Strategy params (GET /api/strategies); defaults fill the rest',
    example: { fast: 5, slow: 20 },
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, number>;

  @ApiProperty({ description: 'First New York date, inclusive', example: '2025-03-03' })
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ description: 'Last New York date, inclusive', example: '2025-03-07' })
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    description: 'Starting capital in dollars',
    minimum: 1,
    maximum: 1_000_000_000,
    example: 500,
  })
  @IsOptional()
  @IsNumber(FINITE_NUMBER)
  @Min(1)
  @Max(1_000_000_000)
  capital?: number;

  @ApiPropertyOptional({ type: BacktestSizingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BacktestSizingDto)
  sizing?: BacktestSizingDto;

  @ApiPropertyOptional({ type: FeesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeesPatchDto)
  fees?: FeesPatchDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, example: 5 })
  @IsOptional()
  @IsNumber(FINITE_NUMBER)
  @Min(0)
  @Max(1000)
  slippageBps?: number;

  @ApiPropertyOptional({
    description:
      'false: every rule off except enough cash; true or omitted: the account limits; an object overrides some limits',
    oneOf: [{ type: 'boolean' }, { $ref: '#/components/schemas/RiskLimitsPatchDto' }],
    example: { maxPositionPct: 20 },
  })
  @ValidateIf(
    (request: BacktestRequestDto) =>
      request.risk !== undefined && typeof request.risk !== 'boolean',
  )
  @ValidateNested()
  @Type(() => RiskLimitsPatchDto)
  risk?: boolean | RiskLimitsPatchDto;

  @ApiPropertyOptional({
    description:
      'Splits and dividends of raw-price bars: {"splits": […], "dividends": […]} with ' +
      "Polygon's fields (docs/data-formats.md), at most 10,000 items",
    example: {
      splits: [{ ticker: 'NVDA', execution_date: '2024-06-10', split_from: 1, split_to: 10 }],
      dividends: [],
    },
  })
  @IsOptional()
  @IsObject()
  corporateActions?: Record<string, unknown>;

  @ApiPropertyOptional({ type: ExecutionPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExecutionPatchDto)
  execution?: ExecutionPatchDto;

  @ApiProperty({ type: BacktestSourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BacktestSourceDto)
  source!: BacktestSourceDto;

  @ApiPropertyOptional({
    description: 'Account whose runtime config fills omitted fields',
    example: 'default',
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'accountId must be 1-64 letters, digits, _ or -' })
  accountId?: string;
}
