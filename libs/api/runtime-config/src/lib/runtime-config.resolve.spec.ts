import { join } from 'node:path';
import { loadAppConfig } from '@ptp/api/config';
import { ApiError } from '@ptp/api/shared';
import { mergeOverrides, resolveRuntimeConfig } from './runtime-config.resolve';

const file = loadAppConfig({
  LOG_LEVEL: 'silent',
  PLATFORM_CONFIG: join(__dirname, '..', '..', '..', '..', '..', 'config', 'platform.json'),
});

describe('mergeOverrides', () => {
  it('merges nested risk, fees and strategy params key by key and ignores absent fields', () => {
    const first = mergeOverrides(
      {},
      { risk: { maxPositionPct: 20 }, strategies: { 'ma-crossover': { fast: 5 } } },
    );
    const second = mergeOverrides(first, {
      risk: { dailyLossLimitPct: 3, maxOpenPositions: undefined },
      fees: { flat: 1 },
      strategies: { 'ma-crossover': { slow: 40 } },
    });
    expect(second).toEqual({
      risk: { maxPositionPct: 20, dailyLossLimitPct: 3 },
      fees: { flat: 1 },
      strategies: { 'ma-crossover': { fast: 5, slow: 40 } },
    });
  });

  it('merges execution settings key by key, null switching the volume cap off', () => {
    const capped = mergeOverrides({}, { execution: { maxVolumePct: 5 } });
    const through = mergeOverrides(capped, { execution: { limitFillRule: 'through' } });
    expect(through.execution).toEqual({ maxVolumePct: 5, limitFillRule: 'through' });
    const off = mergeOverrides(through, { execution: { maxVolumePct: null } });
    expect(off.execution).toEqual({ maxVolumePct: null, limitFillRule: 'through' });
    expect(resolveRuntimeConfig('a', file, capped, null).execution).toEqual({
      maxVolumePct: 5,
      limitFillRule: 'touch',
    });
    expect(resolveRuntimeConfig('a', file, {}, null).execution).toEqual({
      maxVolumePct: null,
      limitFillRule: 'touch',
    });
  });

  it('refuses strategy params that are not an object of numbers', () => {
    const patch = { strategies: { 'ma-crossover': [1, 2] } } as never;
    expect(() => mergeOverrides({}, patch)).toThrow(ApiError);
  });
});

describe('resolveRuntimeConfig', () => {
  it('lays the account overrides over the file, and a key the account never changed follows the file', () => {
    const resolved = resolveRuntimeConfig(
      'a',
      file,
      { risk: { maxOpenPositions: 2 }, slippageBps: 0 },
      0,
    );
    expect(resolved.risk).toEqual({ ...file.risk, maxOpenPositions: 2 });
    expect(resolved.slippageBps).toBe(0);
    expect(resolved.watchlist).toEqual(file.trading.watchlist);
    expect(resolved.strategy).toBe(file.trading.defaultStrategy);
    expect(resolved.updatedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('fills every strategy with its defaults and refuses params the core rejects', () => {
    const resolved = resolveRuntimeConfig('a', file, {}, null);
    expect(Object.keys(resolved.strategies)).toEqual(
      expect.arrayContaining(['ma-crossover', 'mixed']),
    );
    const invalid = () =>
      resolveRuntimeConfig(
        'a',
        file,
        { strategies: { 'ma-crossover': { fast: 50, slow: 10 } } },
        null,
      );
    expect(invalid).toThrow(expect.objectContaining({ code: 'INVALID_STRATEGY_PARAMS' }));
    const unknown = () => resolveRuntimeConfig('a', file, { strategies: { nope: {} } }, null);
    expect(unknown).toThrow(expect.objectContaining({ code: 'UNKNOWN_STRATEGY' }));
  });
});
