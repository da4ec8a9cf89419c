import 'reflect-metadata';
import {
  LIMIT_FILL_RULE_VALUES,
  PROCESS_ROLES,
  type LimitFillRuleName,
  type ProcessRole,
  SYMBOL_PATTERN,
} from '@ptp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const PROVIDER_CHOICES = ['auto', 'simulated', 'polygon', 'replay'] as const;
export const STRATEGY_NAMES = [
  'ma-crossover',
  'rsi-mean-reversion',
  'momentum-breakout',
  'mixed',
] as const;

/** `host` or `host:port`; an IPv6 literal in brackets. Matched case-insensitively against Host. */
export const ALLOWED_HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d{1,5})?$/i;

class RateLimitSchema {
  @IsInt() @Min(1) @Max(3600) ttlSec!: number;
  @IsInt() @Min(1) @Max(1_000_000) limit!: number;
}

export const AUTH_MODES = ['auto', 'off', 'required'] as const;

class AuthSchema {
  @IsIn(AUTH_MODES) mode!: (typeof AUTH_MODES)[number];
  /** A dashboard login lasts this long; logging in again starts a new session. */
  @IsInt() @Min(60) @Max(30 * 86_400) sessionTtlSec!: number;
}

class MetricsSchema {
  /** GET /metrics without a login even when logins are required (a scraper on a trusted network). */
  @IsBoolean() public!: boolean;
}

class HealthSchema {
  /** A full or readiness check answered within this many ms of the last one reuses its result. */
  @IsInt() @Min(0) @Max(60_000) maxAgeMs!: number;
}

class ServerSchema {
  @IsString() host!: string;
  @IsInt() @Min(1) @Max(65535) port!: number;
  @IsArray() @IsString({ each: true }) corsOrigins!: string[];
  @IsArray()
  @Matches(ALLOWED_HOST_PATTERN, {
    each: true,
    message: 'each entry must be a host name or host:port (no scheme, path or spaces)',
  })
  allowedHosts!: string[];
  @ValidateNested() @Type(() => RateLimitSchema) rateLimit!: RateLimitSchema;
  @Matches(/^\d+(kb|mb)$/) bodyLimit!: string;
  @ValidateNested() @Type(() => AuthSchema) auth!: AuthSchema;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (client address, https). */
  @IsBoolean() trustProxy!: boolean;
  @IsIn(PROCESS_ROLES) role!: ProcessRole;
  @ValidateNested() @Type(() => MetricsSchema) metrics!: MetricsSchema;
  @ValidateNested() @Type(() => HealthSchema) health!: HealthSchema;
}

class FeesSchema {
  @IsNumber() @Min(0) @Max(10) percent!: number;
  @IsNumber() @Min(0) @Max(1) perShare!: number;
  @IsNumber() @Min(0) @Max(100) perShareMinimum!: number;
  @IsNumber() @Min(0) @Max(100) flat!: number;
  @IsBoolean() regulatory!: boolean;
}

class TradingSchema {
  @IsNumber() @Min(1) @Max(1_000_000_000) startingCapital!: number;
  @IsIn(STRATEGY_NAMES) defaultStrategy!: (typeof STRATEGY_NAMES)[number];
  @IsInt() @Min(1) @Max(86_400) signalIntervalSec!: number;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(SYMBOL_PATTERN, { each: true })
  watchlist!: string[];
  @IsNumber() @Min(0) @Max(1000) slippageBps!: number;
  @ValidateNested() @Type(() => FeesSchema) fees!: FeesSchema;
}

class RiskSchema {
  @IsNumber() @Min(0.01) @Max(100) maxPositionPct!: number;
  @IsInt() @Min(1) @Max(1000) maxOpenPositions!: number;
  @IsNumber() @Min(0.01) @Max(100) dailyLossLimitPct!: number;
  @IsBoolean() flattenOnDailyLossLimit!: boolean;
  @IsNumber() @Min(0) @Max(1_000_000) minOrderNotional!: number;
  @IsBoolean() enforceMarketHours!: boolean;
  @IsOptional() @IsNumber() @Min(0.01) @Max(100) defaultStopLossPct!: number | null;
  @IsOptional() @IsNumber() @Min(0.01) @Max(1000) defaultTakeProfitPct!: number | null;
  @IsBoolean() patternDayTrader!: boolean;
}

class ExecutionSchema {
  @IsOptional() @IsNumber() @Min(0.000001) @Max(100) maxVolumePct!: number | null;
  @IsIn(LIMIT_FILL_RULE_VALUES) limitFillRule!: LimitFillRuleName;
}

class PolygonSchema {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) baseUrl!: string;
  @IsNumber() @Min(0.1) @Max(100_000) requestsPerMinute!: number;
  @IsInt() @Min(100) @Max(120_000) timeoutMs!: number;
  @IsInt() @Min(0) @Max(10) maxRetries!: number;
  @IsBoolean() websocket!: boolean;
  @IsUrl({ require_tld: false, protocols: ['ws', 'wss'] }) websocketUrl!: string;
}

class SimulatedCorporateActionsSchema {
  @IsBoolean() splits!: boolean;
  @IsBoolean() dividends!: boolean;
}

class SimulatedSchema {
  @IsInt() @Min(0) @Max(2 ** 31 - 1) seed!: number;
  @IsNumber() @Min(0.01) @Max(100_000) speed!: number;
  @IsBoolean() followMarketHours!: boolean;
  @IsInt() @Min(0) @Max(100_000) backfillBars!: number;
  /** Seeded splits and quarterly dividends (docs/market-data.md); both off by default. */
  @ValidateNested()
  @Type(() => SimulatedCorporateActionsSchema)
  corporateActions!: SimulatedCorporateActionsSchema;
}

class ReplaySchema {
  @IsArray() @IsString({ each: true }) files!: string[];
  @IsNumber() @Min(0.01) @Max(1_000_000) speed!: number;
  @IsInt() @Min(0) @Max(100_000) warmupBars!: number;
  /** The corporate-actions file of the replayed data (`{"splits": […], "dividends": […]}`). */
  @IsOptional() @IsString() corporateActions!: string | null;
}

class MarketDataSchema {
  @IsIn(PROVIDER_CHOICES) provider!: (typeof PROVIDER_CHOICES)[number];
  @IsNumber() @Min(0) @Max(86_400) cacheTtlSec!: number;
  @IsNumber() @Min(1) @Max(604_800) staleAfterSec!: number;
  @IsInt() @Min(1) @Max(100_000) maxTrackedSymbols!: number;
  @ValidateNested() @Type(() => PolygonSchema) polygon!: PolygonSchema;
  @ValidateNested() @Type(() => SimulatedSchema) simulated!: SimulatedSchema;
  @ValidateNested() @Type(() => ReplaySchema) replay!: ReplaySchema;
}

class DashboardSchema {
  @IsNumber() @Min(0.5) @Max(3600) pollIntervalSec!: number;
}

class BacktestsSchema {
  @IsInt() @Min(1) @Max(16) maxConcurrent!: number;
  @IsInt() @Min(1) @Max(1_000_000) uploadQuotaMb!: number;
  @IsInt() @Min(16) @Max(65_536) workerMemoryMb!: number;
}

class RetentionSchema {
  @IsInt() @Min(1) @Max(36_500) rawEquityDays!: number;
  @IsInt() @Min(1) @Max(36_500) decisionDays!: number;
}

/** The JSON platform configuration (config/platform.json) after environment overrides. */
export class PlatformConfigSchema {
  @ValidateNested() @Type(() => ServerSchema) server!: ServerSchema;
  @IsString() dataDir!: string;
  @IsIn(LOG_LEVELS) logLevel!: (typeof LOG_LEVELS)[number];
  @ValidateNested() @Type(() => TradingSchema) trading!: TradingSchema;
  @ValidateNested() @Type(() => RiskSchema) risk!: RiskSchema;
  /** Fill realism (docs/engine.md): volume cap and limit rule. */
  @ValidateNested() @Type(() => ExecutionSchema) execution!: ExecutionSchema;
  /** Per-strategy parameter overrides; checked against the strategy registry's schemas. */
  @IsObject() strategies!: Record<string, Record<string, number>>;
  @ValidateNested() @Type(() => MarketDataSchema) marketData!: MarketDataSchema;
  @ValidateNested() @Type(() => DashboardSchema) dashboard!: DashboardSchema;
  @ValidateNested() @Type(() => BacktestsSchema) backtests!: BacktestsSchema;
  @ValidateNested() @Type(() => RetentionSchema) retention!: RetentionSchema;
}
