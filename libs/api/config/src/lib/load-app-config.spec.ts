import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ConfigError } from './config-error';
import { loadAppConfig } from './load-app-config';

function dirWithConfig(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-config-'));
  writeFileSync(
    join(dir, 'platform.json'),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
  return dir;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'ptp-empty-'));

  it('uses the design defaults when no file exists', () => {
    const config = loadAppConfig({}, emptyDir);
    expect(config.server.port).toBe(5000);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.trading.startingCapital).toBe(500);
    expect(config.risk.maxPositionPct).toBe(10);
    expect(config.risk.maxOpenPositions).toBe(8);
    expect(config.risk.dailyLossLimitPct).toBe(5);
    expect(config.marketData.cacheTtlSec).toBe(30);
    expect(config.marketData.maxTrackedSymbols).toBe(200);
    expect(config.marketData.provider).toBe('simulated');
    expect(config.database).toEqual({
      type: 'sqlite',
      path: join(emptyDir, 'data', 'paper-trading.sqlite'),
    });
  });

  it('lets environment variables override the file', () => {
    const dir = dirWithConfig({ server: { port: 6000 } });
    const config = loadAppConfig(
      {
        PLATFORM_CONFIG: join(dir, 'platform.json'),
        API_PORT: '7000',
        SIMULATION_SPEED: '60',
        MAX_TRACKED_SYMBOLS: '50',
        DATA_DIR: '/tmp/x',
      },
      dir,
    );
    expect(config.server.port).toBe(7000);
    expect(config.marketData.simulated.speed).toBe(60);
    expect(config.marketData.maxTrackedSymbols).toBe(50);
    expect(config.database).toEqual({ type: 'sqlite', path: '/tmp/x/paper-trading.sqlite' });
  });

  it('names the key, the value and what is allowed for a bad file value', () => {
    const dir = dirWithConfig({ risk: { maxPositionPct: 150 } });
    const error = errorOf(() =>
      loadAppConfig({ PLATFORM_CONFIG: join(dir, 'platform.json') }, dir),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ key: 'risk.maxPositionPct', value: 150 }),
    ]);
    expect(error.message).toContain('risk.maxPositionPct = 150');
    expect(error.message).toContain('must not be greater than 100');
  });

  it('switches the Polygon WebSocket on from the environment, and quotes a value that is not a boolean', () => {
    const on = loadAppConfig(
      { POLYGON_WEBSOCKET: 'true', POLYGON_WEBSOCKET_URL: 'ws://127.0.0.1:8081/stocks' },
      emptyDir,
    ).marketData.polygon;
    expect([on.websocket, on.websocketUrl]).toEqual([true, 'ws://127.0.0.1:8081/stocks']);
    expect(loadAppConfig({ POLYGON_WEBSOCKET: '0' }, emptyDir).marketData.polygon.websocket).toBe(
      false,
    );
    expect(loadAppConfig({}, emptyDir).marketData.polygon).toEqual(
      expect.objectContaining({ websocket: false, websocketUrl: 'wss://socket.polygon.io/stocks' }),
    );
    expect(
      errorOf(() => loadAppConfig({ POLYGON_WEBSOCKET: 'yes please' }, emptyDir)).message,
    ).toContain('marketData.polygon.websocket = "yes please" (environment POLYGON_WEBSOCKET)');
  });

  it('names the environment variable when an override is bad', () => {
    const error = errorOf(() => loadAppConfig({ API_PORT: 'abc' }, emptyDir));
    expect(error.message).toContain('server.port = "abc" (environment API_PORT)');
    expect(error.issues[0].source).toBe('environment API_PORT');
    expect(errorOf(() => loadAppConfig({ MAX_TRACKED_SYMBOLS: '0' }, emptyDir)).message).toContain(
      'marketData.maxTrackedSymbols = 0 (environment MAX_TRACKED_SYMBOLS)',
    );
  });

  it('rejects unknown keys so typos do not go unnoticed', () => {
    const dir = dirWithConfig({ risk: { maxPositonPct: 5 } });
    const error = errorOf(() =>
      loadAppConfig({ PLATFORM_CONFIG: join(dir, 'platform.json') }, dir),
    );
    expect(error.issues[0].key).toBe('risk.maxPositonPct');
  });

  it('rejects malformed JSON and unknown strategies', () => {
    const bad = dirWithConfig('{ not json');
    expect(() => loadAppConfig({ PLATFORM_CONFIG: join(bad, 'platform.json') }, bad)).toThrow(
      /valid JSON/,
    );
    const dir = dirWithConfig({ strategies: { 'moon-shot': {} } });
    expect(() => loadAppConfig({ PLATFORM_CONFIG: join(dir, 'platform.json') }, dir)).toThrow(
      /strategies\.moon-shot/,
    );
  });

  it('accepts sqlite: and postgres:// database URLs and rejects others', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite:/tmp/a.sqlite' }, emptyDir).database).toEqual({
      type: 'sqlite',
      path: '/tmp/a.sqlite',
    });
    expect(
      loadAppConfig({ DATABASE_URL: 'postgres://u:pw@127.0.0.1:5432/test' }, emptyDir).database
        .type,
    ).toBe('postgres');
    const error = errorOf(() => loadAppConfig({ DATABASE_URL: 'mysql://u:pw@h/db' }, emptyDir));
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('pw');
  });

  it('picks polygon when a key is set and never prints the key', () => {
    const config = loadAppConfig({ POLYGON_API_KEY: 'sk-very-secret' }, emptyDir);
    expect(config.marketData.provider).toBe('polygon');
    expect(JSON.stringify(config)).not.toContain('sk-very-secret');
    expect(inspect(config, { depth: 10 })).not.toContain('sk-very-secret');
    expect(config.marketData.polygon.apiKey?.reveal()).toBe('sk-very-secret');
    expect(() => loadAppConfig({ MARKET_DATA_PROVIDER: 'polygon' }, emptyDir)).toThrow(
      /POLYGON_API_KEY/,
    );
  });
  it('allows no extra Host names by default and reads ALLOWED_HOSTS as a comma-separated list', () => {
    expect(loadAppConfig({}, emptyDir).server.allowedHosts).toEqual([]);
    expect(
      loadAppConfig({ ALLOWED_HOSTS: ' paper.example.com, 192.168.1.20:5000 ,' }, emptyDir).server
        .allowedHosts,
    ).toEqual(['paper.example.com', '192.168.1.20:5000']);
  });

  it('names server.allowedHosts when an entry is not a host or host:port', () => {
    const error = errorOf(() =>
      loadAppConfig({ ALLOWED_HOSTS: 'paper.example.com,https://paper.example.com/' }, emptyDir),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ key: 'server.allowedHosts', source: 'environment ALLOWED_HOSTS' }),
    ]);
    const dir = dirWithConfig({ server: { allowedHosts: 'paper.example.com' } });
    expect(
      errorOf(() => loadAppConfig({ PLATFORM_CONFIG: join(dir, 'platform.json') }, dir)).issues[0]
        .key,
    ).toBe('server.allowedHosts');
  });
});
