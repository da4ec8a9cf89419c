import fc from 'fast-check';
import type { Bar } from '../market/bar';
import type { StrategyParamError } from './strategy-params';
import { StrategyParamsError } from './strategy-params';
import {
  createStrategy,
  getStrategyDefinition,
  STRATEGY_DEFINITIONS,
  STRATEGY_NAMES,
  validateStrategyParams,
} from './strategy-registry';
import { barsFrom } from './testing/bars';

const codes = (result: ReturnType<typeof validateStrategyParams>): Partial<StrategyParamError>[] =>
  result.ok ? [] : result.errors.map(({ code, param }) => ({ code, param }));

describe('strategy registry', () => {
  it('lists the four strategies with the issue defaults', () => {
    expect(STRATEGY_NAMES).toEqual([
      'ma-crossover',
      'rsi-mean-reversion',
      'momentum-breakout',
      'mixed',
    ]);
    const defaults = Object.fromEntries(
      STRATEGY_DEFINITIONS.map((d) => [
        d.name,
        Object.fromEntries(d.params.map((p) => [p.key, p.default])),
      ]),
    );
    expect(defaults).toEqual({
      'ma-crossover': { fast: 10, slow: 30 },
      'rsi-mean-reversion': { period: 14, oversold: 30, overbought: 70 },
      'momentum-breakout': { entryPeriod: 20, exitPeriod: 10, volumeMultiple: 1.5 },
      mixed: {
        fast: 10,
        slow: 30,
        rsiPeriod: 14,
        oversold: 30,
        overbought: 70,
        entryPeriod: 20,
        exitPeriod: 10,
      },
    });
  });

  it('every default lies inside its own range', () => {
    for (const d of STRATEGY_DEFINITIONS) {
      expect(validateStrategyParams(d.name, {})).toMatchObject({ ok: true });
    }
  });

  it('fills in defaults around supplied params', () => {
    expect(validateStrategyParams('ma-crossover', { fast: 5 })).toEqual({
      ok: true,
      params: { fast: 5, slow: 30 },
    });
    expect(getStrategyDefinition('mixed')?.title).toBe('Mixed score');
    expect(getStrategyDefinition('nope')).toBeUndefined();
  });

  it('reports machine-readable errors for each kind of bad input', () => {
    expect(codes(validateStrategyParams('nope'))).toEqual([
      { code: 'UNKNOWN_STRATEGY', param: undefined },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fats: 5 }))).toEqual([
      { code: 'UNKNOWN_PARAM', param: 'fats' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fast: 0 }))).toEqual([
      { code: 'PARAM_OUT_OF_RANGE', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fast: 2.5 }))).toEqual([
      { code: 'PARAM_NOT_AN_INTEGER', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fast: '5' }))).toEqual([
      { code: 'PARAM_NOT_A_NUMBER', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fast: null }))).toEqual([
      { code: 'PARAM_NOT_A_NUMBER', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', [1]))).toEqual([
      { code: 'PARAMS_NOT_AN_OBJECT', param: undefined },
    ]);
    expect(codes(validateStrategyParams('rsi-mean-reversion', { oversold: Number.NaN }))).toEqual([
      { code: 'PARAM_NOT_A_NUMBER', param: 'oversold' },
    ]);
  });

  it('rejects fast ≥ slow and oversold ≥ overbought, including equality', () => {
    expect(codes(validateStrategyParams('ma-crossover', { fast: 30 }))).toEqual([
      { code: 'PARAMS_OUT_OF_ORDER', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('ma-crossover', { fast: 40, slow: 20 }))).toEqual([
      { code: 'PARAMS_OUT_OF_ORDER', param: 'fast' },
    ]);
    expect(codes(validateStrategyParams('mixed', { oversold: 70 }))).toEqual([
      { code: 'PARAMS_OUT_OF_ORDER', param: 'oversold' },
    ]);
  });

  it('reports every problem at once', () => {
    const result = validateStrategyParams('momentum-breakout', {
      entryPeriod: 0,
      exitPeriod: 1.5,
      volumeMultiple: -1,
      extra: 1,
    });
    expect(
      codes(result)
        .map((e) => e.param)
        .sort(),
    ).toEqual(['entryPeriod', 'exitPeriod', 'extra', 'volumeMultiple']);
  });

  it('createStrategy throws StrategyParamsError carrying the same errors', () => {
    expect(() => createStrategy('nope')).toThrow(StrategyParamsError);
    try {
      createStrategy('ma-crossover', { fast: 50 });
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as StrategyParamsError).errors.map((x) => x.code)).toEqual(['PARAMS_OUT_OF_ORDER']);
    }
  });
});

describe('every strategy', () => {
  const bars = fc
    .array(
      fc.record({
        close: fc.integer({ min: 50, max: 60 }),
        volume: fc.integer({ min: 1, max: 500 }),
        spread: fc.integer({ min: 0, max: 3 }),
      }),
      {
        maxLength: 60,
      },
    )
    .map((rows) =>
      barsFrom(
        rows.map((r) => ({
          close: r.close,
          high: r.close + r.spread,
          low: r.close - r.spread,
          volume: r.volume,
        })),
      ),
    );

  const holdings = fc.array(fc.boolean(), { minLength: 60, maxLength: 60 });
  const paramsOf = (name: string) =>
    name === 'ma-crossover' || name === 'mixed' ? { fast: 3, slow: 7 } : {};
  const forEverySeries = (check: (series: Bar[], holding: boolean[]) => void) =>
    fc.assert(fc.property(bars, holdings, check), { numRuns: 60 });

  it.each(STRATEGY_NAMES)('%s holds until ready and is deterministic', (name) => {
    forEverySeries((series, holding) => {
      const a = createStrategy(name, paramsOf(name));
      const b = createStrategy(name, paramsOf(name));
      series.forEach((bar, i) => {
        const wasReady = a.isReady();
        const signal = a.onBar(bar, { holding: holding[i] });
        expect(b.onBar(bar, { holding: holding[i] })).toEqual(signal);
        if (!a.isReady()) expect(signal.action).toBe('hold');
        if (wasReady) expect(a.isReady()).toBe(true);
        if (signal.action === 'enter') expect(holding[i]).toBe(false);
        if (signal.action === 'exit') expect(holding[i]).toBe(true);
      });
    });
  });

  it.each(STRATEGY_NAMES)(
    '%s: evaluate() gives the action of onBar() and describe() its whole signal',
    (name) => {
      forEverySeries((series, holding) => {
        const fast = createStrategy(name, paramsOf(name));
        const reference = createStrategy(name, paramsOf(name));
        expect(fast.describe()).toEqual(expect.objectContaining({ action: 'hold' }));
        series.forEach((bar, i) => {
          const action = fast.evaluate(bar, { holding: holding[i] });
          const signal = reference.onBar(bar, { holding: holding[i] });
          expect(action).toBe(signal.action);
          expect(fast.describe()).toEqual(signal);
        });
      });
    },
  );
});
