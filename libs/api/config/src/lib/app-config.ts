import type { PlatformConfigSchema } from './platform-config.schema';
import type { Secret } from './secret';

export type MarketDataProviderName = 'simulated' | 'polygon' | 'replay';

export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly path: string }
  | { readonly type: 'postgres'; readonly url: Secret };

type PlatformFile = PlatformConfigSchema;

/** The validated, fully resolved configuration the API runs with (file + environment). */
export interface AppConfig {
  readonly configPath: string;
  /** Names this process in /health, logs and (later) leases: INSTANCE_ID or `<hostname>-<pid>`. */
  readonly instanceId: string;
  readonly server: PlatformFile['server'];
  readonly dataDir: string;
  readonly logLevel: PlatformFile['logLevel'];
  readonly database: DatabaseConfig;
  readonly redisUrl: Secret | null;
  /** Prefix of every Redis key (REDIS_PREFIX, default `ptp:`). */
  readonly redisPrefix: string;
  readonly trading: PlatformFile['trading'];
  readonly risk: PlatformFile['risk'];
  readonly execution: PlatformFile['execution'];
  readonly strategies: PlatformFile['strategies'];
  readonly marketData: Omit<PlatformFile['marketData'], 'provider' | 'polygon'> & {
    readonly provider: MarketDataProviderName;
    readonly polygon: PlatformFile['marketData']['polygon'] & { readonly apiKey: Secret | null };
  };
  readonly dashboard: PlatformFile['dashboard'];
  readonly backtests: PlatformFile['backtests'];
  readonly retention: PlatformFile['retention'];
}

/** DI token for the resolved AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
