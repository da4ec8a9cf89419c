import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestRun } from '@ptp/contracts';
import request from 'supertest';
import { ORCL_FILE, platformConfigWithBacktests, uploadRows } from './backtests.helpers';
import { login, useAuthApp } from './identity.helpers';

const ORCL_2013 = {
  symbols: ['ORCL'],
  strategy: 'ma-crossover',
  from: '2013-01-01',
  to: '2013-12-31',
};
/** Fits the 1 MB quota alone but not twice. */
const BIG = (fill: string) =>
  Buffer.from(`Date,Open,High,Low,Close,Adj Close,Volume\n${fill.repeat(600_000)}\n`);

describe('backtests per user (logins required)', () => {
  const app = useAuthApp({
    PLATFORM_CONFIG: platformConfigWithBacktests(mkdtempSync(join(tmpdir(), 'ptp-owned-')), {
      maxConcurrent: 1,
      uploadQuotaMb: 1,
      workerMemoryMb: 256,
    }),
  });
  const http = () => request(app().app.getHttpServer());
  const cookies: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ['alice', 'bob', 'val', 'root']) cookies[name] = await login(app(), name);
    for (const name of ['alice', 'bob'])
      accounts[name] = (
        await http().post('/api/accounts').set('Cookie', cookies[name]).send({ name }).expect(201)
      ).body.data.id;
  }, 60_000);

  const upload = (who: string, file: Buffer, accountId = accounts[who]) =>
    http()
      .post('/api/backtests/upload')
      .set('Cookie', cookies[who])
      .attach('file', file, 'bars.csv')
      .field('request', JSON.stringify({ ...ORCL_2013, accountId }));

  it('shows a trader only their own runs; viewers read all, admins delete any', async () => {
    const run = (await upload('alice', ORCL_FILE).expect(202)).body.data as BacktestRun;
    const ids = async (who: string) =>
      (
        (await http().get('/api/backtests').set('Cookie', cookies[who]).expect(200)).body.data
          .items as BacktestRun[]
      ).map((r) => r.id);
    expect(await ids('alice')).toContain(run.id);
    expect(await ids('bob')).not.toContain(run.id);
    expect(await ids('val')).toContain(run.id);
    await http().get(`/api/backtests/${run.id}`).set('Cookie', cookies['bob']).expect(404);
    await http().delete(`/api/backtests/${run.id}`).set('Cookie', cookies['bob']).expect(404);
    await http().get(`/api/backtests/${run.id}`).set('Cookie', cookies['val']).expect(200);
    await http().delete(`/api/backtests/${run.id}`).set('Cookie', cookies['val']).expect(403);
    await http().delete(`/api/backtests/${run.id}`).set('Cookie', cookies['root']).expect(200);
  });

  it('refuses an upload that names another user’s account, storing nothing', async () => {
    const before = (await uploadRows(app())).length;
    const refused = await upload('bob', ORCL_FILE, accounts['alice']).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(await uploadRows(app())).toHaveLength(before);
  });

  it('counts the upload quota per user', async () => {
    await upload('alice', BIG('a')).expect(202);
    const over = await upload('alice', BIG('b')).expect(413);
    expect(over.body.error.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    await upload('bob', BIG('b')).expect(202);
  });
});
