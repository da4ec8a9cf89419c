import { Test, type TestingModule } from '@nestjs/testing';
import { AppConfigModule, loadAppConfig, type AppConfig } from '@ptp/api/config';
import { AccountsService, TradingDesks } from '@ptp/api/paper-trading';
import {
  makeDeskTestDir,
  PriceFeed,
  removeDeskTestDir,
  uniqueSymbol,
} from '@ptp/api/paper-trading/testing';
import { PersistenceModule } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { join } from 'node:path';
import { RiskModule } from './risk.module';
import { RiskController } from './risk.controller';

describe('RiskController (real modules, SQLite, hand-fed prices)', () => {
  let dataDir: string;
  let module: TestingModule;
  let config: AppConfig;

  beforeAll(async () => {
    dataDir = makeDeskTestDir();
    config = loadAppConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PLATFORM_CONFIG: join(dataDir, 'platform.json'),
    });
    module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), PersistenceModule, RiskModule],
    }).compile();
    module.useLogger(false);
    await module.init();
  });

  afterAll(async () => {
    await module.close();
    removeDeskTestDir(dataDir);
  });

  /** An account of the `it`'s own (the config's starting capital), so no other `it` moves its positions or limits. */
  const newAccount = async (name: string): Promise<string> =>
    (await module.get(AccountsService).create(name, undefined)).id;

  it('reports the limits of the config and the positions the engine holds', async () => {
    const accountId = await newAccount('risk positions');
    const desks = module.get(TradingDesks);
    const symbol = uniqueSymbol();
    const feed = new PriceFeed();
    desks.notePrices([feed.bar(symbol, 50)], []);
    const before = await module.get(RiskController).risk({ accountId });
    expect(before).toMatchObject({
      accountId,
      limits: config.risk,
      openPositions: 0,
      entriesBlocked: false,
    });
    const [placed] = await desks.withDesk(accountId, (desk) =>
      desk.placeOrders([{ request: { symbol, side: 'buy', type: 'market', quantity: 10 } }]),
    );
    expect(placed.ok).toBe(true);
    const after = await module.get(RiskController).risk({ accountId });
    expect(after.openPositions).toBe(1);
    expect(after.dailyLoss).toMatchObject({
      startEquity: '100000.00',
      limit: '5000.00',
      breached: false,
    });
  });

  it('shows a new daily loss limit as soon as the runtime config changes', async () => {
    const accountId = await newAccount('risk config change');
    await module.get(RuntimeConfigService).update(accountId, { risk: { dailyLossLimitPct: 2 } });
    const risk = await module.get(RiskController).risk({ accountId });
    expect(risk.limits.dailyLossLimitPct).toBe(2);
    expect(Number(risk.dailyLoss.limit)).toBeCloseTo(Number(risk.dailyLoss.startEquity) * 0.02, 2);
  });
});
