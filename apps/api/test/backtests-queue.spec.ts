import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestRun, BacktestRunsPage } from '@ptp/contracts';
import request from 'supertest';
import {
  LONG_SIMULATED_RUN,
  pollUntilFinished,
  singleSlotPlatformConfig,
} from './backtests.helpers';
import { startTestApp, type TestApp } from './test-app';

describe('backtest queue: one run at a time, cancellation, restart (backtests.maxConcurrent = 1)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptp-backtests-'));
  const env = { PLATFORM_CONFIG: singleSlotPlatformConfig(dataDir) };
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const submit = async (): Promise<BacktestRun> =>
    (await http().post('/api/backtests').send(LONG_SIMULATED_RUN).expect(202)).body.data;
  const running = async (): Promise<number> =>
    ((await http().get('/api/backtests?status=running').expect(200)).body.data as BacktestRunsPage)
      .total;

  beforeAll(async () => {
    t = await startTestApp(env, dataDir);
  }, 60_000);

  afterAll(() => t?.close());

  it('queues runs beyond the limit, cancels queued and running runs, deletes them, and starts the next', async () => {
    const first = await submit();
    const second = await submit();
    expect(second.status).toBe('queued');
    expect(await running()).toBeLessThanOrEqual(1);

    const cancelledQueued = (await http().delete(`/api/backtests/${second.id}`).expect(200)).body
      .data as BacktestRun;
    expect(cancelledQueued.status).toBe('cancelled');
    const third = await submit();
    expect(third.status).toBe('queued');

    const cancelledRunning = (await http().delete(`/api/backtests/${first.id}`).expect(200)).body
      .data as BacktestRun;
    expect(cancelledRunning.status).toBe('cancelled');
    expect(cancelledRunning.report).toBeNull();
    // Once cancelled, the run is finished: a second DELETE deletes it.
    const deleted = (await http().delete(`/api/backtests/${first.id}`).expect(200)).body
      .data as BacktestRun;
    expect(deleted).toEqual(expect.objectContaining({ id: first.id, status: 'cancelled' }));
    await http().get(`/api/backtests/${first.id}`).expect(404);

    // The freed slot goes to the queued run.
    for (let run = third; run.status === 'queued';)
      run = (await http().get(`/api/backtests/${third.id}`).expect(200)).body.data;
    expect(await running()).toBeLessThanOrEqual(1);
    await http().delete(`/api/backtests/${third.id}`).expect(200);
    expect((await pollUntilFinished(t, third.id)).pop()?.status).toBe('cancelled');
  });

  it('marks a run interrupted by a restart as failed and queues waiting runs again', async () => {
    const interrupted = await submit();
    const waiting = await submit();
    expect(waiting.status).toBe('queued');
    let started = interrupted;
    while (started.status === 'queued')
      started = (await http().get(`/api/backtests/${interrupted.id}`).expect(200)).body.data;
    expect(started.status).toBe('running');
    await t.close();
    t = await startTestApp(env, dataDir);
    const after = (await http().get(`/api/backtests/${interrupted.id}`).expect(200)).body
      .data as BacktestRun;
    expect(after).toEqual(
      expect.objectContaining({ status: 'failed', error: 'interrupted by restart' }),
    );
    const requeued = (await http().get(`/api/backtests/${waiting.id}`).expect(200)).body
      .data as BacktestRun;
    expect(['queued', 'running']).toContain(requeued.status);
    await http().delete(`/api/backtests/${waiting.id}`).expect(200);
  });
});
