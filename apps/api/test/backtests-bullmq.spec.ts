import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestRun } from '@ptp/contracts';
import { Queue } from 'bullmq';
import request from 'supertest';
import {
  LONG_SIMULATED_RUN,
  pollUntilFinished,
  singleSlotPlatformConfig,
  SMALL_SIMULATED_RUN,
} from './backtests.helpers';
import { waitFor } from './paper-trading.helpers';
import { claimRedisDb, releaseRedisDb, TEST_REDIS_URL, withDatabase } from './redis-db';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

describeRedis('backtests as BullMQ jobs in one process (REDIS_URL set; real Redis)', () => {
  const token = `bullmq-${process.pid}-${Date.now()}`;
  let db: number;
  let t: TestApp;
  let queue: Queue;
  const http = () => request(t.app.getHttpServer());
  const submit = async (body: object): Promise<BacktestRun> =>
    (await http().post('/api/backtests').send(body).expect(202)).body.data;
  const read = async (id: string): Promise<BacktestRun> =>
    (await http().get(`/api/backtests/${id}`).expect(200)).body.data;
  const health = async () => (await http().get('/health').expect(200)).body.data.details.backtests;

  beforeAll(async () => {
    db = await claimRedisDb(token);
    const redisUrl = withDatabase(TEST_REDIS_URL, String(db));
    const dataDir = mkdtempSync(join(tmpdir(), 'ptp-bullmq-'));
    t = await startTestApp(
      {
        REDIS_URL: redisUrl,
        INSTANCE_ID: 'solo-1',
        PLATFORM_CONFIG: singleSlotPlatformConfig(dataDir),
      },
      dataDir,
    );
    queue = new Queue('backtests', { connection: { url: redisUrl }, prefix: 'ptp:bull' });
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await disposeTestApp(t);
    if (db !== undefined) await releaseRedisDb(db, token);
  });

  it('runs a submitted backtest as a BullMQ job taken by this process, and reports it in /health', async () => {
    const submitted = await submit(SMALL_SIMULATED_RUN);
    const done = (await pollUntilFinished(t, submitted.id)).pop();
    expect(done).toMatchObject({ status: 'completed', progress: 1, ranBy: 'solo-1' });
    expect(await (await queue.getJob(submitted.id))?.getState()).toBe('completed');
    expect(await health()).toMatchObject({
      status: 'up',
      mode: 'bullmq',
      consumes: true,
      concurrency: 1,
      running: 0,
      durations: { count: 1 },
    });
  });

  it('removes a waiting job on cancel and stops the running one', async () => {
    const first = await submit(LONG_SIMULATED_RUN);
    const second = await submit(LONG_SIMULATED_RUN);
    await waitFor(
      async () => ((await read(first.id)).status === 'running' ? true : undefined),
      'the first run to start',
      120_000,
    );
    expect(await (await queue.getJob(second.id))?.getState()).toBe('waiting');
    expect(await queue.getJobCounts('waiting', 'active')).toEqual({ waiting: 1, active: 1 });

    const cancelledWaiting = (await http().delete(`/api/backtests/${second.id}`).expect(200)).body
      .data as BacktestRun;
    expect(cancelledWaiting).toMatchObject({ status: 'cancelled', ranBy: null });
    expect(await queue.getJob(second.id)).toBeUndefined();

    await http().delete(`/api/backtests/${first.id}`).expect(200);
    await waitFor(
      async () => ((await queue.getJobCounts('active')).active === 0 ? true : undefined),
      'the running job to stop',
      60_000,
    );
    expect(await read(first.id)).toMatchObject({ status: 'cancelled', report: null });
    expect(await read(second.id)).toMatchObject({ status: 'cancelled', startedAt: null });
  }, 240_000);
});
