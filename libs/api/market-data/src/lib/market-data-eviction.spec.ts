import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadAppConfig } from '@ptp/api/config';
import { ApiError } from '@ptp/api/shared';
import { MarketDataMetrics, MetricsRegistry } from '@ptp/api/metrics';
import { ManualClock } from '../../test/manual-clock';
import { IDLE_EVICTION_MS, MarketDataService } from './market-data.service';
import { createProvider } from './provider/create-provider';
import type { MarketDataProvider } from './provider/market-data.provider';
import { SymbolUniverse } from './universe/symbol-universe';

describe('market data tracks only the universe, and lets go of what nothing uses', () => {
  const config = loadAppConfig(
    { LOG_LEVEL: 'silent', MAX_TRACKED_SYMBOLS: '2' },
    mkdtempSync(join(tmpdir(), 'ptp-eviction-')),
  );
  const watchlist = config.trading.watchlist;
  let clock: ManualClock;
  let provider: MarketDataProvider;
  let service: MarketDataService;
  let evicted: string[];

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2025, 5, 4, 15, 0, 20));
    provider = createProvider(config, clock);
    service = new MarketDataService(
      provider,
      clock,
      config,
      new SymbolUniverse(provider, config),
      null,
      new MarketDataMetrics(new MetricsRegistry()),
    );
    evicted = [];
    service.evicted$.subscribe((symbols) => evicted.push(...symbols));
    await service.onModuleInit();
  });

  afterEach(() => service.onApplicationShutdown());

  const held = async (symbol: string) => ({
    tracked: service.trackedSymbols.includes(symbol),
    bars: provider.recentBars(symbol, 10_000).length,
    priced: (await provider.fetchQuotes([symbol])).quotes.length,
  });

  it('refuses made-up symbols with 422 UNKNOWN_SYMBOL naming them, tracking nothing', async () => {
    const refusal = await service.requireKnown(['NFLX', 'ZZZZQ', 'QXZWVU']).catch((e) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).getStatus()).toBe(422);
    expect((refusal as ApiError).code).toBe('UNKNOWN_SYMBOL');
    expect((refusal as ApiError).details).toEqual({ symbols: ['ZZZZQ', 'QXZWVU'] });
    expect(service.trackedSymbols.sort()).toEqual([...watchlist].sort());
    await expect(service.requireKnown(['NFLX', 'BRK.B', ...watchlist])).resolves.toBeUndefined();
  });

  it('keeps at most the cap of looked-up symbols and releases every trace of the ones pushed out', async () => {
    expect((await service.getQuotes(['NFLX'])).quotes).toHaveLength(1);
    expect(((await service.getBars('NFLX', 'minute', 0, clock.now())) ?? []).length).toBe(
      config.marketData.simulated.backfillBars,
    );
    expect(await held('NFLX')).toEqual({
      tracked: true,
      bars: config.marketData.simulated.backfillBars,
      priced: 1,
    });
    await service.getQuotes(['ORCL']);
    await service.getQuotes(['IBM']);
    expect(evicted).toEqual(['NFLX']);
    expect(await held('NFLX')).toEqual({ tracked: false, bars: 0, priced: 0 });
    expect(service.health().staleSymbols).toEqual([]);
    expect(service.trackedSymbols.filter((s) => !watchlist.includes(s))).toEqual(['ORCL', 'IBM']);
  });

  it('lets idle lookups go after the idle time, but never the watchlist or what is pinned', async () => {
    service.pinWith(() => ['ORCL']);
    await service.getQuotes(['ORCL', 'IBM']);
    clock.advance(IDLE_EVICTION_MS - 1);
    service.sweep();
    expect(evicted).toEqual([]);
    clock.advance(1);
    service.sweep();
    expect(evicted).toEqual(['IBM']);
    expect(await held('IBM')).toEqual({ tracked: false, bars: 0, priced: 0 });
    expect(await held('ORCL')).toEqual(expect.objectContaining({ tracked: true, priced: 1 }));
    for (const symbol of watchlist) expect((await held(symbol)).tracked).toBe(true);
  });
});
