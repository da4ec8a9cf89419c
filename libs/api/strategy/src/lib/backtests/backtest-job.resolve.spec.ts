import { ApiError } from '@ptp/api/shared';
import type { RuntimeConfig } from '@ptp/contracts';
import { DEFAULT_RISK_CONFIG } from '@ptp/domain';
import { MAX_SIMULATED_DAYS, resolveBacktestJob } from './backtest-job.resolve';
import type { BacktestRequestDto } from './backtest-request.dto';

const CONFIG: RuntimeConfig = {
  accountId: 'default',
  risk: DEFAULT_RISK_CONFIG,
  strategy: 'ma-crossover',
  strategies: {},
  watchlist: ['SPY'],
  signalIntervalSec: 60,
  fees: { percent: 0.1, perShare: 0, perShareMinimum: 0, flat: 1, regulatory: true },
  slippageBps: 5,
  execution: { maxVolumePct: null, limitFillRule: 'touch' },
  updatedAt: null,
};

function request(overrides: Partial<BacktestRequestDto> = {}): BacktestRequestDto {
  return {
    symbols: ['SPY'],
    strategy: 'ma-crossover',
    from: '2025-01-02',
    to: '2025-03-31',
    source: { type: 'simulated', seed: 7 },
    ...overrides,
  } as BacktestRequestDto;
}

/** The ApiError a resolution throws, as the error envelope would carry it. */
function rejection(dto: BacktestRequestDto): { status: number; code: string; details: unknown } {
  try {
    resolveBacktestJob(dto, CONFIG, 10_000);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), code: error.code, details: error.details };
  }
  throw new Error('expected the request to be rejected');
}

describe('resolveBacktestJob', () => {
  it('fills every omitted field from the runtime config and the starting capital', () => {
    const job = resolveBacktestJob(request(), CONFIG, 10_000);
    expect(job).toEqual({
      symbols: ['SPY'],
      strategy: 'ma-crossover',
      params: { fast: 10, slow: 30 },
      from: '2025-01-02',
      to: '2025-03-31',
      capital: 10_000,
      sizing: { mode: 'auto' },
      fees: CONFIG.fees,
      slippageBps: 5,
      risk: DEFAULT_RISK_CONFIG,
      execution: { maxVolumePct: null, limitFillRule: 'touch' },
      data: { kind: 'simulated', seed: 7 },
    });
  });

  it('takes the execution options and checked corporate actions', () => {
    const split = { ticker: 'SPY', execution_date: '2025-02-03', split_from: 1, split_to: 2 };
    const job = resolveBacktestJob(
      request({
        execution: { maxVolumePct: 2.5, limitFillRule: 'through' },
        corporateActions: { splits: [split] },
      }),
      CONFIG,
      10_000,
    );
    expect(job.execution).toEqual({ maxVolumePct: 2.5, limitFillRule: 'through' });
    expect(job.corporateActions).toEqual({ splits: [split], dividends: [] });
  });

  it('refuses malformed or oversized corporate actions with INVALID_CORPORATE_ACTIONS', () => {
    const bad = { splits: [{ ticker: 'SPY', execution_date: '2025-02-30', split_to: 2 }] };
    const malformed = rejection(request({ corporateActions: bad }));
    expect([malformed.status, malformed.code]).toEqual([400, 'INVALID_CORPORATE_ACTIONS']);
    const dividend = {
      ticker: 'SPY',
      cash_amount: 0.1,
      ex_dividend_date: '2025-02-03',
      pay_date: '2025-02-10',
    };
    const many = { dividends: Array.from({ length: 10_001 }, () => dividend) };
    expect(rejection(request({ corporateActions: many })).code).toBe('INVALID_CORPORATE_ACTIONS');
  });

  it('lays the given fees and risk limits over the config, ignoring fields sent as undefined', () => {
    const job = resolveBacktestJob(
      request({
        fees: { flat: 0, percent: undefined },
        risk: { maxOpenPositions: 2, dailyLossLimitPct: undefined },
        capital: 500,
        slippageBps: 0,
      } as Partial<BacktestRequestDto>),
      CONFIG,
      10_000,
    );
    expect(job.fees).toEqual({ ...CONFIG.fees, flat: 0 });
    expect(job.risk).toEqual({ ...DEFAULT_RISK_CONFIG, maxOpenPositions: 2 });
    expect(job.capital).toBe(500);
    expect(job.slippageBps).toBe(0);
  });

  it('turns risk: false into no risk rules at all', () => {
    expect(resolveBacktestJob(request({ risk: false }), CONFIG, 10_000).risk).toBeNull();
  });

  it('keeps fixed sizing and defaults the source options', () => {
    const quantity = resolveBacktestJob(
      request({ sizing: { mode: 'quantity', quantity: 3 }, source: { type: 'polygon' } }),
      CONFIG,
      10_000,
    );
    expect(quantity.sizing).toEqual({ mode: 'quantity', quantity: 3 });
    expect(quantity.data).toEqual({ kind: 'polygon', timespan: 'day' });

    const csv = resolveBacktestJob(
      request({ source: { type: 'csv', csv: 'Date\n' } }),
      CONFIG,
      10_000,
    );
    expect(csv.data).toEqual({ kind: 'csv', csv: 'Date\n', adjusted: false });
  });

  it('refuses a range that runs backwards or names no calendar date', () => {
    expect(rejection(request({ from: '2025-03-01', to: '2025-02-28' }))).toMatchObject({
      status: 400,
      code: 'INVALID_RANGE',
    });
    expect(rejection(request({ from: '2025-02-30' }))).toMatchObject({
      code: 'INVALID_RANGE',
      details: { from: '2025-02-30' },
    });
  });

  it('caps simulated runs at a year of minute bars but not other sources', () => {
    const longRange = { from: '2024-01-01', to: '2025-01-01' };
    expect(rejection(request(longRange))).toMatchObject({
      code: 'INVALID_RANGE',
      details: { maxDays: MAX_SIMULATED_DAYS },
    });
    const polygon = resolveBacktestJob(
      request({ ...longRange, source: { type: 'polygon' } }),
      CONFIG,
      10_000,
    );
    expect(polygon.to).toBe('2025-01-01');
  });

  it('refuses source fields that belong to another kind of source', () => {
    expect(
      rejection(request({ source: { type: 'polygon', seed: 1, adjusted: true } })),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: ['seed', 'adjusted'] },
    });
  });

  it('refuses a CSV source for more than one symbol', () => {
    expect(
      rejection(request({ symbols: ['SPY', 'QQQ'], source: { type: 'csv', csv: 'Date\n' } })),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { symbols: ['SPY', 'QQQ'] } });
  });

  it('reports every invalid strategy param with its machine-readable code', () => {
    const { code, details } = rejection(request({ params: { fast: 50, slow: 20 } }));
    expect(code).toBe('INVALID_STRATEGY_PARAMS');
    expect(details).toEqual({
      errors: [
        expect.objectContaining({ code: 'PARAMS_OUT_OF_ORDER', param: 'fast', greater: 'slow' }),
      ],
    });
  });
});
