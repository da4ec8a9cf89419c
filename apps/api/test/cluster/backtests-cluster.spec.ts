import type { BacktestRun } from '@ptp/contracts';
import request from 'supertest';
import { LONG_SIMULATED_RUN, SMALL_SIMULATED_RUN } from '../backtests.helpers';
import { waitFor } from '../paper-trading.helpers';
import { describeCluster, useCluster } from './cluster.fixture';

const FINISHED = ['completed', 'failed', 'cancelled'];

describeCluster(
  'backtests as BullMQ jobs across processes (real PostgreSQL, Redis, processes)',
  () => {
    const fixture = useCluster({ api: 3, workers: 1 });
    const [a, b, c] = [0, 1, 2].map((i) => () => fixture.cluster().api[i].url);
    const worker = () => fixture.cluster().workers[0];

    const submit = async (base: string, body: object): Promise<BacktestRun> =>
      (await request(base).post('/api/backtests').send(body).expect(202)).body.data;
    const read = async (base: string, id: string): Promise<BacktestRun> =>
      (await request(base).get(`/api/backtests/${id}`).expect(200)).body.data;
    const until = (base: string, id: string, what: string, done: (run: BacktestRun) => boolean) =>
      waitFor(
        async () => {
          const run = await read(base, id);
          return done(run) ? run : undefined;
        },
        `backtest ${id} to be ${what} (worker log: ${worker().recentOutput()})`,
        120_000,
      );

    it('names each process by instance id and role; only workers take backtest jobs', async () => {
      const health = await Promise.all(
        fixture
          .cluster()
          .processes.map(async (p) => (await request(p.url).get('/health').expect(200)).body.data),
      );
      expect(health.map((h) => [h.instance.id, h.instance.role])).toEqual([
        ['api-1', 'api'],
        ['api-2', 'api'],
        ['api-3', 'api'],
        ['worker-1', 'worker'],
      ]);
      expect(health.map((h) => h.details.backtests.consumes)).toEqual([false, false, false, true]);
      expect(health[3].details.backtests).toMatchObject({ mode: 'bullmq', concurrency: 2 });
    });

    it('runs a backtest submitted to A on the worker, and B sees its progress and report', async () => {
      const submitted = await submit(a(), SMALL_SIMULATED_RUN);
      expect(submitted).toMatchObject({ status: 'queued', ranBy: null });

      const done = await until(b(), submitted.id, 'finished', (run) =>
        FINISHED.includes(run.status),
      );
      expect(done).toMatchObject({ status: 'completed', progress: 1, ranBy: 'worker-1' });
      expect(done.report?.equityCurve.length).toBeGreaterThan(0);
      // The same stored answer from every instance.
      expect(await read(c(), submitted.id)).toEqual(done);
      const health = (await request(a()).get('/health').expect(200)).body.data.details.backtests;
      expect(health.durations.count).toBeGreaterThanOrEqual(1);
    });

    it('streams a long run’s progress to B and cancels it from C; the worker stops it', async () => {
      const submitted = await submit(a(), LONG_SIMULATED_RUN);
      const running = await until(
        b(),
        submitted.id,
        'running with progress',
        (run) => run.status === 'running' && run.progress > 0,
      );
      expect(running.ranBy).toBe('worker-1');
      // The queue's depth comes from BullMQ: an api process, running nothing itself, counts it.
      const metrics = await request(b()).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^ptp_backtests_running [1-9]/m);

      const cancelled = (await request(c()).delete(`/api/backtests/${submitted.id}`).expect(200))
        .body.data as BacktestRun;
      expect(cancelled.status).toBe('cancelled');
      await waitFor(
        async () => {
          const health = await request(worker().url).get('/health').expect(200);
          return health.body.data.details.backtests.running === 0 ? true : undefined;
        },
        'the worker to stop the cancelled run',
        60_000,
      );
      const after = await read(a(), submitted.id);
      expect(after).toMatchObject({ status: 'cancelled', report: null });
      expect(after.progress).toBeLessThan(1);
    }, 180_000);

    it('takes a run up again after its worker is killed mid-run (BullMQ stalled-job recovery)', async () => {
      const submitted = await submit(a(), LONG_SIMULATED_RUN);
      const first = await until(b(), submitted.id, 'running', (run) => run.status === 'running');
      expect((await worker().kill('SIGKILL')).signal).toBe('SIGKILL');
      expect((await read(c(), submitted.id)).status).toBe('running');

      await worker().restart();
      await worker().waitReady();
      const again = await until(
        b(),
        submitted.id,
        'started again',
        (run) => run.status !== 'running' || run.startedAt !== first.startedAt,
      );
      expect(again).toMatchObject({ status: 'running', ranBy: 'worker-1' });
      await request(c()).delete(`/api/backtests/${submitted.id}`).expect(200);
      expect((await read(a(), submitted.id)).status).toBe('cancelled');
    }, 180_000);
  },
);
