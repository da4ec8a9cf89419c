import { join } from 'node:path';
import { simulatedCorporateActions } from '@ptp/domain';
import { ManualClock } from '../../../test/manual-clock';
import { ReplayMarketProvider } from '../replay/replay-market.provider';
import { SimulatedMarketProvider } from '../simulated/simulated-market.provider';
import { LISTED_SYMBOLS } from '../universe/listed-symbols';

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const NOW = Date.UTC(2025, 5, 4, 15, 0);
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA'];

const simulated = (corporateActions?: { splits: boolean; dividends: boolean }) =>
  new SimulatedMarketProvider(
    {
      seed: 11,
      speed: 60,
      followMarketHours: false,
      backfillBars: 0,
      symbols: SYMBOLS,
      listed: LISTED_SYMBOLS,
      ...(corporateActions ? { corporateActions } : {}),
    },
    new ManualClock(NOW),
  );

describe('corporate actions of the simulated and replay markets', () => {
  it('the simulated market announces none by default, and its seed decides them when on', async () => {
    expect(await simulated().corporateActions(SYMBOLS, '2025-01-01', '2030-12-31')).toEqual({
      splits: [],
      dividends: [],
    });
    const on = { splits: true, dividends: true };
    const actions = await simulated(on).corporateActions(SYMBOLS, '2025-01-01', '2030-12-31');
    expect(actions).toEqual(simulatedCorporateActions(11, SYMBOLS, '2025-01-01', '2030-12-31', on));
    expect(actions.dividends.length).toBeGreaterThan(0);
    const onlyDividends = { splits: false, dividends: true };
    expect(
      (await simulated(onlyDividends).corporateActions(SYMBOLS, '2025-01-01', '2030-12-31')).splits,
    ).toEqual([]);
  });

  it("the replay market serves its file's actions of the symbols within the window", async () => {
    const replay = new ReplayMarketProvider(
      {
        files: [join(fixtures, 'SPY.csv'), join(fixtures, 'qqq-aggs-day.json')],
        speed: 86_400,
        warmupBars: 2,
        corporateActions: join(fixtures, 'corporate-actions.json'),
      },
      new ManualClock(NOW),
    );
    await replay.prepare();
    const actions = await replay.corporateActions(['SPY', 'QQQ'], '2025-06-01', '2025-07-31');
    expect(actions.splits.map((s) => [s.ticker, s.execution_date])).toEqual([
      ['SPY', '2025-06-05'],
    ]);
    expect(actions.dividends.map((d) => [d.ticker, d.cash_amount])).toEqual([['QQQ', 0.7]]);
    await replay.stop();
  });

  it('a replay whose corporate-actions file is bad does not start', async () => {
    const replay = new ReplayMarketProvider(
      {
        files: [join(fixtures, 'SPY.csv')],
        speed: 86_400,
        warmupBars: 2,
        corporateActions: join(fixtures, 'SPY.csv'),
      },
      new ManualClock(NOW),
    );
    await expect(replay.prepare()).rejects.toThrow(/corporate-actions file .*SPY\.csv: .*JSON/);
  });
});
