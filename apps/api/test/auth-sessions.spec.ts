import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, PASSWORD, useAuthApp } from './identity.helpers';
import { useTestApp } from './test-app';

function setCookie(response: request.Response): string {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
}

describe('local mode (loopback, no users)', () => {
  const app = useTestApp();

  it('needs no login and says so', async () => {
    const http = request(app().app.getHttpServer());
    await http.get('/api/portfolio').expect(200);
    await http.post('/api/accounts').send({ name: 'No login needed' }).expect(201);
    const me = await http.get('/api/auth/me').expect(200);
    expect(me.body.data).toEqual({ mode: 'local', user: null, role: 'admin', expiresAt: null });
  });
});

describe('dashboard logins (AUTH_MODE=required)', () => {
  const app = useAuthApp({ TRUST_PROXY: 'true' });
  const http = () => request(app().app.getHttpServer());

  it('refuses every API route without credentials with 401 UNAUTHENTICATED, but not liveness or the dashboard', async () => {
    for (const path of ['/api/portfolio', '/api/accounts', '/paper-trading/status', '/health']) {
      const response = await http().get(path).expect(401);
      expect(response.body).toMatchObject({
        status: 'error',
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    await http().get('/health/live').expect(200);
    await http().get('/').expect(200);
    expect((await http().get('/api/auth/me').expect(200)).body.data).toEqual({
      mode: 'required',
      user: null,
      role: null,
      expiresAt: null,
    });
  });

  it('sets an httpOnly, SameSite=Strict cookie, Secure only over https, that logs the user in', async () => {
    const response = await http()
      .post('/api/auth/login')
      .send({ username: 'alice', password: PASSWORD })
      .expect(200);
    const cookie = setCookie(response);
    expect(cookie).toMatch(/^ptp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(response.body.data).toMatchObject({
      mode: 'required',
      user: { name: 'alice', role: 'trader' },
    });
    const me = await http().get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.data.user).toEqual({ name: 'alice', role: 'trader' });
    expect(Date.parse(me.body.data.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);

    const overTls = await http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'alice', password: PASSWORD })
      .expect(200);
    expect(setCookie(overTls)).toContain('Secure');
  });

  it('says only "invalid credentials", for a wrong password and for an unknown user alike', async () => {
    for (const body of [
      { username: 'alice', password: 'wrong password' },
      { username: 'nobody-here', password: PASSWORD },
    ]) {
      const response = await http().post('/api/auth/login').send(body).expect(401);
      expect(response.body.error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'invalid credentials',
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('rotates the session on login and ends it on logout', async () => {
    const first = await login(app(), 'bob');
    const second = await request(app().app.getHttpServer())
      .post('/api/auth/login')
      .set('Cookie', first)
      .send({ username: 'bob', password: PASSWORD })
      .expect(200);
    const rotated = setCookie(second).split(';')[0];
    expect(rotated).not.toBe(first);
    await http().get('/api/strategies').set('Cookie', first).expect(401);
    await http().get('/api/strategies').set('Cookie', rotated).expect(200);
    const out = await http().post('/api/auth/logout').set('Cookie', rotated).send({}).expect(200);
    expect(setCookie(out)).toMatch(/^ptp_session=;/);
    await http().get('/api/strategies').set('Cookie', rotated).expect(401);
  });

  it('expires a session at its expiry time, server-side', async () => {
    const cookie = await login(app(), 'val');
    await http().get('/api/portfolio').set('Cookie', cookie).expect(200);
    const db = await new DataSource({
      type: 'sqlite',
      database: join(app().dataDir, 'paper-trading.sqlite'),
    }).initialize();
    try {
      await db.query('UPDATE login_sessions SET expires_at = ?', [Date.now() - 1]);
    } finally {
      await db.destroy();
    }
    const expired = await http().get('/api/portfolio').set('Cookie', cookie).expect(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
  });
});
