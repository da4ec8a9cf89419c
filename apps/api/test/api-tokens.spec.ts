import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, useAuthApp } from './identity.helpers';

describe('API tokens for bots', () => {
  const app = useAuthApp();
  const http = () => request(app().app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;
  let alice = '';
  let account = '';
  let other = '';

  beforeAll(async () => {
    alice = await login(app(), 'alice');
    const create = async (name: string) =>
      (await http().post('/api/accounts').set('Cookie', alice).send({ name }).expect(201)).body.data
        .id as string;
    account = await create('Token A');
    other = await create('Token B');
  }, 30_000);

  const createToken = async (body: object, cookie = alice) =>
    (await http().post('/api/tokens').set('Cookie', cookie).send(body).expect(201)).body.data as {
      id: string;
      token: string;
      role: string;
      accountId: string | null;
    };

  it('shows the token once, stores only its hash, and lists it with its last use', async () => {
    const created = await createToken({ name: 'bot' });
    expect(created.token).toMatch(/^ptp_[A-Za-z0-9_-]{43}$/);
    expect(created.role).toBe('trader');
    const listed = (await http().get('/api/tokens').set('Cookie', alice).expect(200)).body.data as {
      id: string;
      lastUsedAt: string | null;
    }[];
    const mine = listed.find((token) => token.id === created.id);
    expect(mine).toMatchObject({ lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    await http()
      .get('/api/portfolio')
      .query({ accountId: account })
      .set('Authorization', bearer(created.token))
      .expect(200);
    const after = (await http().get('/api/tokens').set('Cookie', alice).expect(200)).body.data as {
      id: string;
      lastUsedAt: string | null;
    }[];
    expect(after.find((token) => token.id === created.id)?.lastUsedAt).not.toBeNull();

    const db = await new DataSource({
      type: 'sqlite',
      database: join(app().dataDir, 'paper-trading.sqlite'),
    }).initialize();
    try {
      const rows = (await db.query('SELECT * FROM api_tokens')) as Record<string, unknown>[];
      expect(JSON.stringify(rows)).not.toContain(created.token);
      expect(rows.find((row) => row['id'] === created.id)?.['token_hash']).toMatch(
        /^[0-9a-f]{64}$/,
      );
    } finally {
      await db.destroy();
    }
  });

  it('limits a token to its account and to its role', async () => {
    const scoped = await createToken({ name: 'scoped', accountId: account });
    const auth = bearer(scoped.token);
    await http()
      .get('/api/portfolio')
      .query({ accountId: account })
      .set('Authorization', auth)
      .expect(200);
    const elsewhere = await http()
      .get('/api/portfolio')
      .query({ accountId: other })
      .set('Authorization', auth)
      .expect(403);
    expect(elsewhere.body.error.code).toBe('FORBIDDEN');
    const accounts = (await http().get('/api/accounts').set('Authorization', auth).expect(200)).body
      .data as { id: string }[];
    expect(accounts.map((a) => a.id)).toEqual([account]);

    const reader = await createToken({ name: 'reader', role: 'viewer' });
    await http()
      .get('/api/portfolio')
      .query({ accountId: account })
      .set('Authorization', bearer(reader.token))
      .expect(200);
    const write = await http()
      .post('/paper-trading/stop')
      .set('Authorization', bearer(reader.token))
      .send({ accountId: account })
      .expect(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
  });

  it('never exceeds its owner: no admin token for a trader, and a demoted owner demotes the token', async () => {
    const refused = await http()
      .post('/api/tokens')
      .set('Cookie', alice)
      .send({ name: 'x', role: 'admin' })
      .expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const another = await http()
      .post('/api/tokens')
      .set('Cookie', await login(app(), 'bob'))
      .send({ name: 'x', accountId: account })
      .expect(403);
    expect(another.body.error.code).toBe('FORBIDDEN');

    const root = await login(app(), 'root');
    const adminToken = await createToken({ name: 'ops' }, root);
    await http().get('/api/users').set('Authorization', bearer(adminToken.token)).expect(200);
    await http()
      .post('/api/users')
      .set('Cookie', root)
      .send({ name: 'root2', role: 'admin', password: 'another long one' })
      .expect(201);
    await http()
      .patch('/api/users/root')
      .set('Cookie', await login(app(), 'root2', 'another long one'))
      .send({ role: 'viewer' })
      .expect(200);
    await http().get('/api/users').set('Authorization', bearer(adminToken.token)).expect(403);
  });

  it('stops working the moment it is revoked', async () => {
    const token = await createToken({ name: 'short-lived' });
    await http().get('/api/strategies').set('Authorization', bearer(token.token)).expect(200);
    await http().delete(`/api/tokens/${token.id}`).set('Cookie', alice).expect(200);
    const after = await http()
      .get('/api/strategies')
      .set('Authorization', bearer(token.token))
      .expect(401);
    expect(after.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('not valid or has been revoked'),
    });
    await http().delete(`/api/tokens/${token.id}`).set('Cookie', alice).expect(404);
  });
});
