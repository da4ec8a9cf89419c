import request from 'supertest';
import { describeCluster, useCluster } from './cluster.fixture';

describeCluster('backtests across processes (real PostgreSQL, Redis and processes)', () => {
  const fixture = useCluster({ api: 2, workers: 1 });

  it('starts each process with its own instance id, role and port', async () => {
    const cluster = fixture.cluster();
    const seen = await Promise.all(
      cluster.processes.map(async (p) => {
        const health = await request(p.url).get('/health').expect(200);
        return [health.body.data.instance.id, health.body.data.instance.role];
      }),
    );
    expect(seen).toEqual([
      ['api-1', 'api'],
      ['api-2', 'api'],
      ['worker-1', 'worker'],
    ]);
    expect(new Set(cluster.processes.map((p) => p.port)).size).toBe(3);
  });

  it('restarts a killed process under the same name and port', async () => {
    const worker = fixture.cluster().workers[0];
    const before = worker.pid;
    expect(await worker.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(worker.running).toBe(false);
    await worker.restart();
    await worker.waitReady();
    expect(worker.pid).not.toBe(before);
    const health = await request(worker.url).get('/health').expect(200);
    expect(health.body.data.instance).toMatchObject({ id: 'worker-1', role: 'worker' });
  }, 120_000);
});
