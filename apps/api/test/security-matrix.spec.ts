import { createHash } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, useAuthApp } from './identity.helpers';
import { type Access, MATRIX, type MatrixCall, type MatrixRoute } from './security-matrix.routes';
import type { TestApp } from './test-app';

interface Persona {
  readonly name: string;
  /** Who logs in; none for the anonymous caller. */
  readonly user?: string;
  /** The account it reaches for: its own, or another trader's. */
  readonly onOwnAccount: boolean;
  readonly role: Access | null;
}

const PERSONAS: Persona[] = [
  { name: 'unauthenticated', onOwnAccount: false, role: null },
  { name: 'viewer', user: 'val', onOwnAccount: false, role: 'viewer' },
  { name: "trader on another user's account", user: 'bob', onOwnAccount: false, role: 'trader' },
  { name: 'trader on their own account', user: 'alice', onOwnAccount: true, role: 'trader' },
  { name: 'admin', user: 'root', onOwnAccount: false, role: 'admin' },
];
const RANK: Access[] = ['viewer', 'trader', 'admin'];

/** The error code of an answer: the envelope's, or the one Alpaca's routes put before the message. */
function errorCode(body: { error?: { code?: string }; message?: unknown } | undefined) {
  if (body?.error?.code) return body.error.code;
  return typeof body?.message === 'string' ? body.message.split(':')[0] : undefined;
}

/** The refusal a persona must get on a route, or null when it must get through. */
function expectedRefusal(persona: Persona, route: MatrixRoute): 401 | 403 | null {
  if (route.access === 'public') return null;
  if (persona.role === null) return 401;
  if (RANK.indexOf(persona.role) < RANK.indexOf(route.access)) return 403;
  if (route.account && persona.role === 'trader' && !persona.onOwnAccount) return 403;
  return null;
}

/** The Nest routes the running app serves (not Swagger's pages or the static files). */
function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as unknown as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) => (layer.route ? [layer.route] : []))
    .filter((route) => /^\/(api|health|paper-trading|metrics|v2)\//.test(`${route.path}/`))
    .filter((route) => !route.path.startsWith('/api/docs') && route.path !== '/api/openapi.json')
    .flatMap((route) => Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${route.path}`));
}

/** Every table but the ones a refused request may legitimately touch (its audit row, logins). */
async function fingerprint(t: TestApp): Promise<string> {
  const db = await new DataSource({
    type: 'sqlite',
    database: join(t.dataDir, 'paper-trading.sqlite'),
  }).initialize();
  try {
    const hash = createHash('sha256');
    const tables = (await db.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'login_sessions', 'migrations') ORDER BY name",
    )) as { name: string }[];
    for (const { name } of tables)
      hash
        .update(name)
        .update(JSON.stringify(await db.query(`SELECT * FROM "${name}" ORDER BY 1`)));
    return hash.digest('hex');
  } finally {
    await db.destroy();
  }
}

describe('who may call what: the role × endpoint matrix (real HTTP, logins required)', () => {
  const app = useAuthApp();
  const cookies = new Map<string, string>();
  let aliceAccount = '';

  beforeAll(async () => {
    for (const persona of PERSONAS)
      if (persona.user) cookies.set(persona.name, await login(app(), persona.user));
    const created = await request(app().app.getHttpServer())
      .post('/api/accounts')
      .set('Cookie', cookies.get('trader on their own account') ?? '')
      .send({ name: 'Alice’s account' })
      .expect(201);
    aliceAccount = created.body.data.id;
  }, 60_000);

  const send = (persona: Persona, method: string, call: MatrixCall) => {
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    let req = request(app().app.getHttpServer())
      [verb](call.path)
      .query(call.query ?? {});
    const cookie = cookies.get(persona.name);
    if (cookie) req = req.set('Cookie', cookie);
    return method === 'GET' || method === 'DELETE' ? req : req.send(call.body ?? {});
  };

  it('lists every route the API serves', () => {
    expect(MATRIX.map((row) => row.route).sort()).toEqual(servedRoutes(app()).sort());
  });

  it('refuses with 401 UNAUTHENTICATED or 403 FORBIDDEN in the envelope, and changes nothing', async () => {
    const before = await fingerprint(app());
    const wrong: string[] = [];
    for (const persona of PERSONAS)
      for (const row of MATRIX) {
        const refusal = expectedRefusal(persona, row);
        if (refusal === null) continue;
        const response = await send(persona, row.route.split(' ')[0], row.real(aliceAccount));
        const code = refusal === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (response.status !== refusal || errorCode(response.body) !== code)
          wrong.push(
            `${persona.name}: ${row.route} answered ${response.status} ${errorCode(response.body)}`,
          );
      }
    expect(wrong).toEqual([]);
    expect(await fingerprint(app())).toBe(before);
  }, 60_000);

  it('lets every allowed caller through', async () => {
    const wrong: string[] = [];
    for (const persona of PERSONAS)
      for (const row of MATRIX) {
        if (expectedRefusal(persona, row) !== null) continue;
        const call = (row.harmless ?? row.real)(aliceAccount);
        const response = await send(persona, row.route.split(' ')[0], call);
        const refusedAnon = persona.role === null && row.route === 'POST /api/auth/logout';
        if ([401, 403].includes(response.status) && !refusedAnon)
          wrong.push(
            `${persona.name}: ${row.route} answered ${response.status} ${errorCode(response.body)}`,
          );
      }
    expect(wrong).toEqual([]);
  }, 60_000);
});
