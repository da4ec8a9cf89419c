import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { AppConfig, DatabaseConfig, MarketDataProviderName } from './app-config';
import { ConfigError, type ConfigIssue } from './config-error';
import { DEFAULT_PLATFORM_CONFIG } from './default-platform-config';
import { PlatformConfigSchema, STRATEGY_NAMES } from './platform-config.schema';
import { isLoopbackHost } from './loopback-host';
import { Secret } from './secret';
import { StartupRefusal } from './startup-refusal';
import { resolveInstanceId } from './instance-id';
import { resolveRedisPrefix } from './redis-prefix';

export const DEFAULT_CONFIG_PATH = 'config/platform.json';

type Json = Record<string, unknown>;

/** Environment variable → JSON path it overrides, and how its text becomes a value. */
const ENV_OVERRIDES: ReadonlyArray<readonly [string, string, (raw: string) => unknown]> = [
  ['API_PORT', 'server.port', toNumber],
  ['HOST', 'server.host', String],
  ['ALLOWED_HOSTS', 'server.allowedHosts', toList],
  ['AUTH_MODE', 'server.auth.mode', String],
  ['TRUST_PROXY', 'server.trustProxy', toBoolean],
  ['PROCESS_ROLE', 'server.role', String],
  ['METRICS_PUBLIC', 'server.metrics.public', toBoolean],
  ['HEALTH_MAX_AGE_MS', 'server.health.maxAgeMs', toNumber],
  ['DATA_DIR', 'dataDir', String],
  ['LOG_LEVEL', 'logLevel', String],
  ['POLYGON_BASE_URL', 'marketData.polygon.baseUrl', String],
  ['POLYGON_WEBSOCKET', 'marketData.polygon.websocket', toBoolean],
  ['POLYGON_WEBSOCKET_URL', 'marketData.polygon.websocketUrl', String],
  ['MARKET_DATA_PROVIDER', 'marketData.provider', String],
  ['SIMULATION_SPEED', 'marketData.simulated.speed', toNumber],
  ['REPLAY_CORPORATE_ACTIONS', 'marketData.replay.corporateActions', String],
  ['MAX_TRACKED_SYMBOLS', 'marketData.maxTrackedSymbols', toNumber],
];

function toNumber(raw: string): unknown {
  // Kept as text when it is not a number, so the start-up error quotes what the user typed.
  const value = Number(raw);
  return raw.trim() === '' || Number.isNaN(value) ? raw : value;
}

function toList(raw: string): unknown {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function toBoolean(raw: string): unknown {
  const text = raw.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return raw;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Json, override: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] =
      isObject(value) && isObject(base[key]) ? deepMerge(base[key] as Json, value) : value;
  }
  return merged;
}

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = isObject(node[key]) ? { ...(node[key] as Json) } : {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]] = value;
}

function readConfigFile(path: string, explicit: boolean): Json {
  if (!existsSync(path)) {
    if (explicit) {
      throw new ConfigError([
        {
          key: 'PLATFORM_CONFIG',
          value: path,
          allowed: 'must name an existing JSON file',
          source: 'environment',
        },
      ]);
    }
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isObject(parsed)) throw new Error('the top level must be a JSON object');
    return parsed;
  } catch (error) {
    throw new ConfigError([
      {
        key: '(file)',
        value: path,
        allowed: `must be a valid JSON object: ${(error as Error).message}`,
        source: path,
      },
    ]);
  }
}

function flattenErrors(
  errors: ValidationError[],
  parent: string,
  sourceOf: (key: string) => string,
): ConfigIssue[] {
  return errors.flatMap((error) => {
    const key = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [
          {
            key,
            value: error.value,
            allowed: Object.values(error.constraints).join('; '),
            source: sourceOf(key),
          },
        ]
      : [];
    return [...own, ...flattenErrors(error.children ?? [], key, sourceOf)];
  });
}

function strategyIssues(strategies: unknown, source: string): ConfigIssue[] {
  if (!isObject(strategies)) {
    return [
      {
        key: 'strategies',
        value: strategies,
        allowed: 'must be an object keyed by strategy name',
        source,
      },
    ];
  }
  return Object.entries(strategies).flatMap(([name, params]): ConfigIssue[] => {
    if (!(STRATEGY_NAMES as readonly string[]).includes(name)) {
      return [
        {
          key: `strategies.${name}`,
          value: params,
          allowed: `unknown strategy; one of ${STRATEGY_NAMES.join(', ')}`,
          source,
        },
      ];
    }
    if (!isObject(params)) {
      return [
        {
          key: `strategies.${name}`,
          value: params,
          allowed: 'must be an object of numeric parameters',
          source,
        },
      ];
    }
    return Object.entries(params)
      .filter(([, value]) => typeof value !== 'number' || !Number.isFinite(value))
      .map(([param, value]) => ({
        key: `strategies.${name}.${param}`,
        value,
        allowed: 'must be a finite number',
        source,
      }));
  });
}

function resolveDatabase(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: resolve(dataDir, 'paper-trading.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url: new Secret(url) };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path) return { type: 'sqlite', path: isAbsolute(path) ? path : resolve(path) };
  }
  throw new ConfigError([
    {
      key: 'DATABASE_URL',
      value: url.replace(/\/\/[^@/]*@/, '//***@'),
      allowed:
        'unset (SQLite under DATA_DIR), sqlite:/path/file.sqlite or postgres://user@host:port/db',
      source: 'environment',
    },
  ]);
}

function resolveProvider(
  choice: string,
  apiKey: string | undefined,
  replayFiles: readonly string[],
): MarketDataProviderName {
  if (choice === 'auto') return apiKey ? 'polygon' : 'simulated';
  if (choice === 'polygon' && !apiKey) {
    throw new ConfigError([
      {
        key: 'MARKET_DATA_PROVIDER',
        value: choice,
        allowed: 'polygon needs POLYGON_API_KEY to be set',
        source: 'environment or marketData.provider',
      },
    ]);
  }
  if (choice === 'replay' && replayFiles.length === 0) {
    throw new ConfigError([
      {
        key: 'marketData.replay.files',
        value: replayFiles,
        allowed: 'replay needs at least one CSV or Polygon JSON file',
        source: 'config file',
      },
    ]);
  }
  return choice as MarketDataProviderName;
}

/** AUTH_MODE=off on an address others can reach would let anybody on the network drive the server. */
export function refuseOpenServer(server: AppConfig['server']): void {
  if (server.auth.mode !== 'off' || isLoopbackHost(server.host)) return;
  throw new StartupRefusal(
    `Refusing to start: authentication is off (AUTH_MODE=off) but HOST=${server.host} accepts ` +
      'connections from other machines, so anybody who can reach it could trade, reset accounts ' +
      'and change limits. Either listen on loopback (HOST=127.0.0.1) or turn authentication on ' +
      '(AUTH_MODE=auto or required) and create the first admin with:\n' +
      '  npm run users -- add admin --role admin --password-stdin',
  );
}

/**
 * Reads config/platform.json (or PLATFORM_CONFIG), merges it over the built-in defaults, applies
 * environment overrides and validates everything. Throws ConfigError naming every bad key.
 */
export function loadAppConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): AppConfig {
  const explicitPath = env['PLATFORM_CONFIG'];
  const configPath = resolve(cwd, explicitPath || DEFAULT_CONFIG_PATH);
  const fileConfig = readConfigFile(configPath, Boolean(explicitPath));
  const merged = deepMerge(DEFAULT_PLATFORM_CONFIG as unknown as Json, fileConfig);

  const envSources = new Map<string, string>();
  for (const [name, path, parse] of ENV_OVERRIDES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    setPath(merged, path, parse(raw));
    envSources.set(path, `environment ${name}`);
  }
  const sourceOf = (key: string) => envSources.get(key) ?? configPath;

  const schema = plainToInstance(PlatformConfigSchema, merged);
  const issues = [
    ...flattenErrors(
      validateSync(schema, {
        whitelist: true,
        forbidNonWhitelisted: true,
        skipMissingProperties: false,
      }),
      '',
      sourceOf,
    ),
    ...strategyIssues(merged['strategies'], configPath),
  ];
  if (issues.length > 0) throw new ConfigError(issues);

  const file = merged as unknown as PlatformConfigSchema;
  const dataDir = resolve(cwd, file.dataDir);
  const apiKey = env['POLYGON_API_KEY'] || undefined;
  return {
    configPath,
    instanceId: resolveInstanceId(env['INSTANCE_ID']),
    server: file.server,
    dataDir,
    logLevel: file.logLevel,
    database: resolveDatabase(env['DATABASE_URL'] || undefined, dataDir),
    redisUrl: env['REDIS_URL'] ? new Secret(env['REDIS_URL']) : null,
    redisPrefix: resolveRedisPrefix(env['REDIS_PREFIX']),
    trading: file.trading,
    risk: file.risk,
    execution: file.execution,
    strategies: file.strategies,
    marketData: {
      ...file.marketData,
      provider: resolveProvider(file.marketData.provider, apiKey, file.marketData.replay.files),
      polygon: { ...file.marketData.polygon, apiKey: apiKey ? new Secret(apiKey) : null },
    },
    dashboard: file.dashboard,
    backtests: file.backtests,
    retention: file.retention,
  };
}
