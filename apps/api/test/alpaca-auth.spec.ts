import request from 'supertest';
import { WebSocket } from 'ws';
import { login, useAuthApp } from './identity.helpers';

/** The first frame a stream answers `auth` with, or the HTTP status that refused the handshake. */
function streamAuth(port: number, auth: object, headers: Record<string, string> = {}) {
  return new Promise<{ status?: number; data?: Record<string, unknown> }>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/stream`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('open', () => ws.send(JSON.stringify(auth)));
    ws.on('message', (data) => {
      resolve(JSON.parse(String(data)) as { data: Record<string, unknown> });
      ws.close();
    });
  });
}

describe('Alpaca keys: API tokens as APCA-API-KEY-ID / APCA-API-SECRET-KEY (logins required)', () => {
  const app = useAuthApp();
  const http = () => request(app().app.getHttpServer());
  let token = { id: '', token: '' };
  let accountId = '';

  beforeAll(async () => {
    const alice = await login(app(), 'alice');
    accountId = (await http().post('/api/accounts').set('Cookie', alice).send({ name: 'bot' })).body
      .data.id;
    token = (await http().post('/api/tokens').set('Cookie', alice).send({ name: 'bot', accountId }))
      .body.data;
  });

  const port = () => (app().app.getHttpServer().address() as { port: number }).port;

  it('trades the token’s account with the key pair or a bearer token', async () => {
    const pair = await http()
      .get('/v2/account')
      .set('APCA-API-KEY-ID', token.id)
      .set('APCA-API-SECRET-KEY', token.token)
      .expect(200);
    expect(pair.body.account_number).toBe(accountId);
    const bearer = await http()
      .get('/v2/account')
      .set('Authorization', `Bearer ${token.token}`)
      .expect(200);
    expect(bearer.body.account_number).toBe(accountId);
    // A limited token acts on its own account whatever the query names.
    const other = await http()
      .get('/v2/account')
      .query({ accountId: 'default' })
      .set('Authorization', `Bearer ${token.token}`)
      .expect(200);
    expect(other.body.account_number).toBe(accountId);
  });

  it('refuses a missing, unknown or mismatched key with 401 in Alpaca’s shape', async () => {
    const none = await http().get('/v2/account').expect(401);
    expect(none.body).toEqual({
      code: 40110000,
      message: expect.stringMatching(/^UNAUTHENTICATED: /),
    });
    await http()
      .get('/v2/positions')
      .set('APCA-API-KEY-ID', 'someone-else')
      .set('APCA-API-SECRET-KEY', token.token)
      .expect(401);
    await http()
      .get('/v2/positions')
      .set('APCA-API-KEY-ID', token.id)
      .set('APCA-API-SECRET-KEY', 'ptp_not-a-token')
      .expect(401);
  });

  it('authenticates the stream with the same pair, and refuses others', async () => {
    expect(
      await streamAuth(port(), { action: 'auth', key: token.id, secret: token.token }),
    ).toMatchObject({ stream: 'authorization', data: { status: 'authorized' } });
    expect(
      await streamAuth(port(), {
        action: 'authenticate',
        data: { key_id: token.id, secret_key: token.token },
      }),
    ).toMatchObject({ data: { status: 'authorized', action: 'authenticate' } });
    expect(
      await streamAuth(port(), { action: 'auth', key: 'other', secret: token.token }),
    ).toMatchObject({ data: { status: 'unauthorized' } });
  });

  it('refuses a stream from another origin or to a host it does not serve', async () => {
    const auth = { action: 'auth', key: token.id, secret: token.token };
    expect(await streamAuth(port(), auth, { Origin: 'http://evil.example' })).toEqual({
      status: 403,
    });
    expect(await streamAuth(port(), auth, { Host: 'evil.example' })).toEqual({ status: 403 });
    const own = { Origin: `http://127.0.0.1:${port()}` };
    expect(await streamAuth(port(), auth, own)).toMatchObject({ data: { status: 'authorized' } });
  });
});
