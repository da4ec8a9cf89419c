/// <reference types="jest" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppConfigModule, loadAppConfig, type AppConfig } from '@ptp/api/config';
import { LISTED_SYMBOLS } from '@ptp/api/market-data';
import { PersistenceModule } from '@ptp/api/persistence';
import type { MarketQuote } from '@ptp/contracts';
import {
  DEFAULT_SIMULATED_WATCHLIST,
  MINUTE_MS,
  type Bar,
  type OrderRequest,
  type SubmitResult,
} from '@ptp/domain';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { OrdersService } from '../orders/orders.service';
import { PaperTradingModule } from '../paper-trading.module';
import { TradingDesks } from './trading-desks.service';

/**
 * Platform settings the desk tests rely on: no slippage and no fees (a fill happens at exactly the
 * fed price), a 10 % position cap, and the simulated market at its real-time speed so it does not
 * move during a test.
 */
export const DESK_TEST_PLATFORM_CONFIG = {
  trading: {
    startingCapital: 100_000,
    slippageBps: 0,
    fees: { percent: 0, perShare: 0, perShareMinimum: 0, flat: 0, regulatory: false },
  },
  risk: {
    maxPositionPct: 10,
    maxOpenPositions: 8,
    dailyLossLimitPct: 5,
    minOrderNotional: 1,
    enforceMarketHours: false,
  },
  marketData: {
    provider: 'simulated',
    simulated: { seed: 42, speed: 1, followMarketHours: false, backfillBars: 30 },
  },
} as const;

/** A fresh temp folder holding the platform config file; the SQLite file is created next to it. */
export function makeDeskTestDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptp-desk-'));
  writeFileSync(join(dataDir, 'platform.json'), JSON.stringify(DESK_TEST_PLATFORM_CONFIG));
  return dataDir;
}

export function removeDeskTestDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

export interface DeskTestContext {
  readonly module: TestingModule;
  readonly config: AppConfig;
  readonly dataDir: string;
  readonly desks: TradingDesks;
  readonly accounts: AccountsService;
  readonly orders: OrdersService;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The command side as the app composes it (config, persistence, PaperTradingModule with its
 * market-data and runtime-config imports) on the SQLite file in `dataDir`, initialised (migrations
 * run, desks loaded) but without an HTTP server.
 */
export async function startDeskTestModule(dataDir: string): Promise<DeskTestContext> {
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PLATFORM_CONFIG: join(dataDir, 'platform.json'),
  });
  const module = await Test.createTestingModule({
    imports: [AppConfigModule.forRoot(config), PersistenceModule, PaperTradingModule],
  }).compile();
  module.useLogger(false);
  await module.init();
  return {
    module,
    config,
    dataDir,
    desks: module.get(TradingDesks),
    accounts: module.get(AccountsService),
    orders: module.get(OrdersService, { strict: false }),
    dataSource: module.get(DataSource, { strict: false }),
    close: () => module.close(),
  };
}

/**
 * Hand-fed prices. Every price is stamped later than the previous one and well ahead of the
 * simulated market's clock, so the newest price the desks know for a symbol is always the one the
 * test fed, whatever the simulated market prints meanwhile.
 */
export class PriceFeed {
  private time: number;

  constructor(start = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS + 24 * 60 * MINUTE_MS) {
    this.time = start;
  }

  /** A completed 1-minute bar closing at `close` (open/high/low equal to it unless given). */
  bar(symbol: string, close: number, range: Partial<Pick<Bar, 'open' | 'high' | 'low'>> = {}): Bar {
    this.time += MINUTE_MS;
    return {
      symbol,
      time: this.time,
      open: range.open ?? close,
      high: range.high ?? close,
      low: range.low ?? close,
      close,
      volume: 1_000,
    };
  }

  /** A fresh quote (last trade `price`, no bid/ask) stamped after every earlier price. */
  quote(symbol: string, price: number): MarketQuote {
    this.time += MINUTE_MS;
    return { symbol, price, asOf: this.time, source: 'simulated', ageSec: 0, stale: false };
  }
}

/** Listed tickers outside the simulated watchlist: orders on them pass the symbol universe. */
const SPARE_SYMBOLS = [...LISTED_SYMBOLS]
  .filter((symbol) => !DEFAULT_SIMULATED_WATCHLIST.includes(symbol))
  .sort();
let symbolCounter = 0;

/** A symbol no other test (and not the simulated watchlist) uses, so tests sharing the price board stay apart. */
export function uniqueSymbol(): string {
  return SPARE_SYMBOLS[symbolCounter++];
}

export interface DeskTestModule {
  /** The running module (started in `beforeAll`). */
  ctx(): DeskTestContext;
  readonly feed: PriceFeed;
  /** A fresh account of the test's own, named from the prefix, with `capital` (the config's 100 000 unless given). */
  newAccount(capital?: number): Promise<string>;
  /** Feeds a completed 1-minute bar closing at `price`, the newest price the desks know for `symbol`. */
  setPrice(symbol: string, price: number): void;
  /** Places `request` on the account's desk, as the engine answers it. */
  place(accountId: string, request: OrderRequest): Promise<SubmitResult>;
}

/**
 * One desk test module for the `describe` this is called in: a fresh temp dir and module started in
 * `beforeAll`, the module closed and the dir removed in `afterAll`. Accounts are named
 * `<accountPrefix>-<n>`.
 */
export function useDeskTestModule(accountPrefix: string): DeskTestModule {
  let dataDir: string | undefined;
  let current: DeskTestContext | undefined;
  let accountCounter = 0;
  const feed = new PriceFeed();
  const ctx = (): DeskTestContext => {
    if (!current) throw new Error('the desk test module is not running (did beforeAll fail?)');
    return current;
  };

  beforeAll(async () => {
    dataDir = makeDeskTestDir();
    current = await startDeskTestModule(dataDir);
  });

  afterAll(async () => {
    try {
      await current?.close();
    } finally {
      if (dataDir) removeDeskTestDir(dataDir);
    }
  });

  return {
    ctx,
    feed,
    async newAccount(capital = DESK_TEST_PLATFORM_CONFIG.trading.startingCapital) {
      accountCounter += 1;
      return (await ctx().accounts.create(`${accountPrefix}-${accountCounter}`, capital)).id;
    },
    setPrice(symbol, price) {
      ctx().desks.notePrices([feed.bar(symbol, price)], []);
    },
    place(accountId, request) {
      return ctx()
        .desks.withDesk(accountId, (desk) => desk.placeOrders([{ request }]))
        .then(([result]) => result);
    },
  };
}
