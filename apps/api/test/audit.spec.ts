import { ModulesContainer } from '@nestjs/core';
import { AUDIT_ACTION } from '@ptp/api/shared';
import request from 'supertest';
import { login, PASSWORD, useAuthApp, usersCommand } from './identity.helpers';
import { startTestApp, disposeTestApp } from './test-app';

interface Entry {
  user: string;
  tokenId: string | null;
  action: string;
  method: string | null;
  path: string | null;
  accountId: string | null;
  status: number | null;
  ip: string | null;
}

describe('the audit log', () => {
  const app = useAuthApp();
  const http = () => request(app().app.getHttpServer());
  const audit = async (admin: string, query: Record<string, string | number> = {}) =>
    (await http().get('/api/audit').set('Cookie', admin).query(query).expect(200)).body.data as {
      items: Entry[];
      total: number;
      limit: number;
      offset: number;
    };

  it('records who changed what, when and from where: logins, accounts, tokens, orders, users', async () => {
    const alice = await login(app(), 'alice');
    const root = await login(app(), 'root');
    await http()
      .post('/api/auth/login')
      .send({ username: 'alice', password: 'not it' })
      .expect(401);
    const account = (
      await http().post('/api/accounts').set('Cookie', alice).send({ name: 'Audited' }).expect(201)
    ).body.data.id as string;
    const token = (
      await http()
        .post('/api/tokens')
        .set('Cookie', alice)
        .send({ name: 'bot', accountId: account })
        .expect(201)
    ).body.data as { id: string; token: string };
    await http()
      .post('/api/orders')
      .set('Authorization', `Bearer ${token.token}`)
      .send({ accountId: account, symbol: 'NOPE!', side: 'buy', type: 'market', quantity: 1 })
      .expect(400);
    await http()
      .patch('/api/users/val')
      .set('Cookie', root)
      .send({ password: `${PASSWORD} 2` })
      .expect(200);

    const { items } = await audit(root, { limit: 50 });
    const find = (action: string, user: string) =>
      items.find((entry) => entry.action === action && entry.user === user);
    const logins = items.filter((e) => e.action === 'auth.login' && e.user === 'alice');
    expect(logins.map((entry) => entry.status).sort()).toEqual([200, 401]);
    expect(find('account.create', 'alice')).toMatchObject({ status: 201, path: '/api/accounts' });
    expect(find('token.create', 'alice')).toMatchObject({ status: 201 });
    expect(find('order.place', 'alice')).toMatchObject({
      tokenId: token.id,
      accountId: account,
      status: 400,
      path: '/api/orders',
    });
    expect(find('user.update', 'root')).toMatchObject({ status: 200, path: '/api/users/val' });
    expect(find('account.create', 'alice')?.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(items)).not.toContain(PASSWORD);
  });

  it('filters by user and time and pages newest first; only admins read it', async () => {
    const root = await login(app(), 'root');
    const all = await audit(root, { user: 'alice', limit: 1000 });
    expect(all.total).toBeGreaterThan(2);
    expect(all.items.every((entry) => entry.user === 'alice')).toBe(true);
    const second = await audit(root, { user: 'alice', limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: all.total, limit: 1, offset: 1 });
    expect(second.items).toEqual([all.items[1]]);
    expect((await audit(root, { from: new Date(Date.now() + 60_000).toISOString() })).total).toBe(
      0,
    );
    const val = await login(app(), 'val', `${PASSWORD} 2`);
    const refused = await http().get('/api/audit').set('Cookie', val).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('records the users command, as `cli`', async () => {
    await usersCommand(
      app().dataDir,
      ['add', 'carol', '--role', 'viewer', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    const root = await login(app(), 'root');
    const { items } = await audit(root, { user: 'cli' });
    expect(items[0]).toMatchObject({ action: 'user.add', user: 'cli', method: null, ip: null });
  });
});

describe('audit coverage', () => {
  it('marks every state-changing route with @Audited', async () => {
    const t = await startTestApp();
    try {
      const missing: string[] = [];
      for (const module of t.app.get(ModulesContainer).values())
        for (const wrapper of module.controllers.values()) {
          const prototype = (wrapper.metatype as { prototype: object }).prototype;
          for (const name of Object.getOwnPropertyNames(prototype)) {
            const handler = (prototype as Record<string, unknown>)[name];
            if (typeof handler !== 'function') continue;
            const method = Reflect.getMetadata('method', handler) as number | undefined;
            // RequestMethod.GET is 0; undefined is not a route.
            if (method === undefined || method === 0) continue;
            if (!Reflect.getMetadata(AUDIT_ACTION, handler))
              missing.push(`${wrapper.name}.${name}`);
          }
        }
      expect(missing).toEqual([]);
    } finally {
      await disposeTestApp(t);
    }
  });
});
