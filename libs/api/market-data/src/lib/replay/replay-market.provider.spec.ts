import { join } from 'node:path';
import type { Bar } from '@ptp/domain';
import { ManualClock } from '../../../test/manual-clock';
import { ReplayMarketProvider } from './replay-market.provider';
import { symbolFromFileName } from './replay-files';
import { DAY_MS } from '@ptp/domain';

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');

describe('replay provider', () => {
  let replay: ReplayMarketProvider;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2030, 0, 1));
    // One data day per wall second.
    replay = new ReplayMarketProvider(
      {
        files: [join(fixtures, 'SPY.csv'), join(fixtures, 'qqq-aggs-day.json')],
        speed: 86_400,
        warmupBars: 2,
      },
      clock,
    );
    await replay.start();
  });

  afterEach(() => replay.stop());

  it('starts with the warm-up history and replays the rest at the chosen speed', async () => {
    expect(replay.recentBars('SPY', 10).map((b) => b.close)).toEqual([592.71, 596.09]);
    const streamed: Bar[] = [];
    replay.bars$.subscribe((bar) => streamed.push(bar));
    clock.advance(1_000);
    replay.advance();
    expect(
      streamed.map((b) => `${b.symbol} ${new Date(b.time).toISOString().slice(0, 10)}`),
    ).toEqual(['SPY 2025-06-04', 'QQQ 2025-06-04']);
    clock.advance(10_000);
    replay.advance();
    expect(replay.recentBars('SPY', 10).map((b) => b.close)).toEqual([
      592.71, 596.09, 596.64, 593.05, 599.14, 599.68,
    ]);
    expect(replay.recentBars('QQQ', 10)).toHaveLength(3);
    expect((await replay.marketStatus()).open).toBe(false);
  });

  it('publishes each replayed bar once, in order, however often it is advanced', () => {
    const streamed: Bar[] = [];
    replay.bars$.subscribe((bar) => streamed.push(bar));
    for (const step of [1_000, 0, 1_500, 0, 10_000, 10_000]) {
      clock.advance(step);
      replay.advance();
    }
    const spy = streamed.filter((bar) => bar.symbol === 'SPY');
    expect(spy.map((bar) => bar.close)).toEqual([596.64, 593.05, 599.14, 599.68]);
    expect(spy.every((bar, i) => i === 0 || bar.time > spy[i - 1].time)).toBe(true);
    expect(replay.recentBars('SPY', 4)).toEqual(spy);
  });

  it('quotes the last replayed close and reports symbols it has no file for', async () => {
    const batch = await replay.fetchQuotes(['SPY', 'QQQ', 'MSFT']);
    expect(batch.quotes).toEqual([
      { symbol: 'SPY', price: 596.09, asOf: Date.UTC(2025, 5, 3) },
      { symbol: 'QQQ', price: 526.2, asOf: Date.UTC(2025, 5, 3) },
    ]);
    expect(batch.unknown).toEqual(['MSFT']);
    expect(await replay.fetchBars('MSFT', 'day', 0, Date.UTC(2026, 0, 1))).toBeNull();
    const days = await replay.fetchBars(
      'SPY',
      'day',
      Date.UTC(2025, 5, 1),
      Date.UTC(2025, 5, 2) + DAY_MS,
    );
    expect(days?.map((b) => b.time)).toEqual([Date.UTC(2025, 5, 2), Date.UTC(2025, 5, 3)]);
  });

  it('takes the symbol of a CSV from its file name', () => {
    expect(symbolFromFileName('/data/aapl-2024.csv')).toBe('AAPL');
    expect(symbolFromFileName('BRK.B_daily.csv')).toBe('BRK.B');
  });
});
