import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BacktestRunEntity, BacktestUploadEntity } from '@ptp/api/persistence';
import type { BacktestRun } from '@ptp/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

export const ORCL_2013_CSV = readFileSync(
  join(__dirname, 'fixtures', 'orcl-2013-daily.csv'),
  'utf8',
);

/** The same CSV as a file to upload as multipart/form-data. */
export const ORCL_FILE = Buffer.from(ORCL_2013_CSV);

/** A simulated run small enough to finish quickly: one week of 1-minute bars of two symbols. */
export const SMALL_SIMULATED_RUN = {
  symbols: ['SPY', 'AAPL'],
  strategy: 'ma-crossover',
  params: { fast: 5, slow: 20 },
  from: '2025-03-03',
  to: '2025-03-07',
  source: { type: 'simulated', seed: 7 },
};

/** Most of a year of 1-minute bars for many symbols: still running when the test looks at it. */
export const LONG_SIMULATED_RUN = {
  symbols: ['SPY', 'QQQ', 'AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA', 'AMD'],
  strategy: 'mixed',
  from: '2025-01-02',
  to: '2025-12-31',
  source: { type: 'simulated', seed: 11 },
};

const FINISHED = ['completed', 'failed', 'cancelled'];

/** Polls a run until it has finished, returning every state seen on the way (no timing is asserted). */
export async function pollUntilFinished(t: TestApp, id: string): Promise<BacktestRun[]> {
  const seen: BacktestRun[] = [];
  for (;;) {
    const run = (await request(t.app.getHttpServer()).get(`/api/backtests/${id}`).expect(200)).body
      .data as BacktestRun;
    seen.push(run);
    if (FINISHED.includes(run.status)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A platform config file like config/platform.json with other backtest settings. */
export function platformConfigWithBacktests(
  dir: string,
  backtests: Record<string, number>,
): string {
  const config = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'config', 'platform.json'), 'utf8'),
  );
  const path = join(dir, 'platform.json');
  writeFileSync(path, JSON.stringify({ ...config, backtests }));
  return path;
}

/** A platform config file like config/platform.json with one backtest at a time. */
export function singleSlotPlatformConfig(dir: string): string {
  return platformConfigWithBacktests(dir, { maxConcurrent: 1 });
}

/** A run's row as stored, or null once deleted. */
export function runRow(t: TestApp, id: string): Promise<BacktestRunEntity | null> {
  return t.app.get(DataSource).getRepository(BacktestRunEntity).findOneBy({ id });
}

/** An upload's row as stored, or null once deleted. */
export function uploadRow(t: TestApp, id: string): Promise<BacktestUploadEntity | null> {
  return t.app.get(DataSource).getRepository(BacktestUploadEntity).findOneBy({ id });
}

/** Every stored upload, oldest first. */
export function uploadRows(t: TestApp): Promise<BacktestUploadEntity[]> {
  return t.app
    .get(DataSource)
    .getRepository(BacktestUploadEntity)
    .find({ order: { createdAt: 'ASC' } });
}
