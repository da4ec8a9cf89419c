import { type ChildProcess, spawn } from 'node:child_process';
import { API_PROCESS_ARGS, API_PROCESS_ENV, freePort } from './api-process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { expectPortfolioMatchesFills, type TradeRow } from './ledger-reconcile';
import { FAST_MARKET, TRADING_SESSION, waitFor } from './paper-trading.helpers';
import { startTestApp } from './test-app';

const root = join(__dirname, '..', '..', '..');

function spawnApi(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, API_PROCESS_ARGS, {
    cwd: root,
    env: {
      ...API_PROCESS_ENV,
      DATA_DIR: dataDir,
      API_PORT: String(port),
      LOG_LEVEL: 'silent',
      ...FAST_MARKET,
    },
    stdio: 'ignore',
  });
}

describe('restarts', () => {
  it('resumes a running session on the same SQLite file with identical state', async () => {
    const first = await startTestApp(FAST_MARKET);
    const http1 = () => request(first.app.getHttpServer());
    const started = await http1()
      .post('/paper-trading/start')
      .send({ strategy: 'ma-crossover', symbols: ['AAPL'], signalIntervalSec: 60 })
      .expect(200);
    await waitFor(
      async () =>
        (await http1().get('/paper-trading/status')).body.data.tickCount >= 2 ? true : undefined,
      'two ticks',
    );
    await http1().post('/paper-trading/stop').send({}).expect(200);
    const tradesBefore = (await http1().get('/api/trades').query({ limit: 1000 }).expect(200)).body
      .data.items;
    const equityBefore = (await http1().get('/api/chart-data').expect(200)).body.data.equity;
    await http1()
      .post('/paper-trading/start')
      .send({ strategy: 'ma-crossover', symbols: ['AAPL'], signalIntervalSec: 60 })
      .expect(200);
    const sessionId = (await http1().get('/paper-trading/status').expect(200)).body.data.sessionId;
    await first.close();
    const before = await startTestApp(FAST_MARKET, first.dataDir);
    try {
      const http2 = () => request(before.app.getHttpServer());
      const status = (await http2().get('/paper-trading/status').expect(200)).body.data;
      expect(started.body.data.sessionId).not.toBe(sessionId);
      expect(status).toMatchObject({
        state: 'running',
        sessionId,
        strategy: 'ma-crossover',
        symbols: ['AAPL'],
      });
      // The resumed session may already have traded on: every earlier fill is still there, once.
      const tradesAfter = (await http2().get('/api/trades').query({ limit: 1000 }).expect(200)).body
        .data.items;
      expect(tradesAfter.slice(tradesAfter.length - tradesBefore.length)).toEqual(tradesBefore);
      const equityAfter = (await http2().get('/api/chart-data').expect(200)).body.data.equity;
      expect(equityAfter.slice(0, equityBefore.length)).toEqual(equityBefore);
      const health = await http2().get('/health').expect(200);
      expect(health.body.data.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
      await http2().post('/paper-trading/stop').send({}).expect(200);
    } finally {
      await before.close();
    }
  });

  it('survives SIGKILL mid-trading: the session resumes, nothing committed is lost or duplicated', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ptp-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let child = spawnApi(dataDir, port);
    try {
      await waitFor(
        async () => ((await request(base).get('/health/live')).status === 200 ? true : undefined),
        'the API to start',
      );
      const started = await request(base)
        .post('/paper-trading/start')
        .send(TRADING_SESSION)
        .expect(200);
      // Kill while the session is trading: after some fills have been committed, with more coming.
      await waitFor(
        async () =>
          (await request(base).get('/api/trades')).body.data.total >= 3 ? true : undefined,
        'three fills',
      );
      const ticked = (await request(base).get('/paper-trading/status').expect(200)).body.data;
      const chartBefore = (await request(base).get('/api/chart-data').expect(200)).body.data;
      const tradesBefore = (
        await request(base).get('/api/trades').query({ limit: 1000 }).expect(200)
      ).body.data;
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      child = spawnApi(dataDir, port);
      await waitFor(
        async () => ((await request(base).get('/health/live')).status === 200 ? true : undefined),
        'the API to restart',
      );
      const resumed = (await request(base).get('/paper-trading/status').expect(200)).body.data;
      expect(resumed).toMatchObject({
        state: 'running',
        sessionId: started.body.data.sessionId,
        strategy: 'ma-crossover',
        symbols: ['AAPL', 'MSFT'],
      });
      expect(Date.parse(resumed.lastTickAt)).toBeGreaterThanOrEqual(Date.parse(ticked.lastTickAt));

      const tradesAfter = (
        await request(base).get('/api/trades').query({ limit: 1000 }).expect(200)
      ).body.data;
      const idsAfter = tradesAfter.items.map((t: { id: string }) => t.id);
      expect(new Set(idsAfter).size).toBe(idsAfter.length);
      for (const trade of tradesBefore.items) expect(idsAfter).toContain(trade.id);
      await request(base).post('/paper-trading/stop').send({}).expect(200);
      const settled = (await request(base).get('/api/trades').query({ limit: 1000 }).expect(200))
        .body.data.items as TradeRow[];
      const portfolio = (await request(base).get('/api/portfolio').expect(200)).body.data;
      expectPortfolioMatchesFills(portfolio, settled);
      const chartAfter = (await request(base).get('/api/chart-data').expect(200)).body.data;
      expect(chartAfter.equity.length).toBeGreaterThanOrEqual(chartBefore.equity.length);
      const health = await request(base).get('/health').expect(200);
      expect(health.body.data.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
