import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { ChartData, SuccessEnvelope } from '@ptp/contracts';
import Redis from 'ioredis';
import request from 'supertest';
import { useTestApp } from './test-app';

type ChartEnvelope = SuccessEnvelope<ChartData>;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `ptp-test:${randomUUID()}:`;
const WITH_REDIS = process.env['PTP_SKIP_REDIS'] !== '1';
type Store = [name: string, env: NodeJS.ProcessEnv];
const STORES: Store[] = [
  ['in memory', {}],
  ...(WITH_REDIS ? [['in Redis', { REDIS_URL, REDIS_PREFIX }] as Store] : []),
];

interface Tagged {
  readonly etag: string;
}

/** The answer's bytes as sent, undecoded, with its headers. */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * The full chart-data answer is prepared once per revision (serialized and deflated) and sent with
 * each request's own stamp: the same data and ETag, the request's own id and time, gzip or plain.
 */
describe.each(STORES)(
  'GET /api/chart-data full answers prepared once per revision, chart store %s (real HTTP)',
  (_, env) => {
    const app = useTestApp(env);
    const http = () => request(app().app.getHttpServer());
    const base = () => {
      const { port } = app().app.getHttpServer().address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    };

    /** Two answers of one revision: the simulated market may close a bar in between, so try a few times. */
    async function sameRevision<A extends Tagged, B extends Tagged>(
      first: () => Promise<A>,
      second: () => Promise<B>,
    ): Promise<[A, B]> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const both: [A, B] = [await first(), await second()];
        if (both[0].etag === both[1].etag) return both;
      }
      throw new Error('no two answers of one revision in 5 attempts');
    }
    const tagged = async (res: request.Test) => {
      const answer = await res.expect(200);
      return { etag: answer.headers['etag'] as string, res: answer };
    };

    it('sends the same data and ETag to every request, each with its own stamp, plain or gzip', async () => {
      const [{ res: plain }, { res: gzip }] = await sameRevision(
        () => tagged(http().get('/api/chart-data').set('Accept-Encoding', 'identity')),
        () => tagged(http().get('/api/chart-data').set('Accept-Encoding', 'gzip')),
      );
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.text));
      expect(gzip.headers['content-encoding']).toBe('gzip');
      for (const res of [plain, gzip]) {
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
        const body = res.body as ChartEnvelope;
        expect(Object.keys(body).sort()).toEqual(['data', 'metadata', 'status', 'timestamp']);
        expect(body.status).toBe('success');
        expect(Date.parse(body.timestamp)).not.toBeNaN();
        expect(body.metadata.request_id).toBe(res.headers['x-request-id']);
        expect(body.metadata.execution_time_ms).toEqual(expect.any(Number));
      }
      expect(gzip.body.data).toEqual(plain.body.data);
      expect(gzip.body.metadata.request_id).not.toBe(plain.body.metadata.request_id);
      expect(plain.body.data).toMatchObject({ accountId: 'default', incremental: false });

      // The same envelope fields as an answer the EnvelopeInterceptor wraps (an increment).
      const increment = await http()
        .get('/api/chart-data')
        .query({ since: plain.body.data.asOf })
        .expect(200);
      expect(Object.keys(increment.body).sort()).toEqual(Object.keys(plain.body).sort());
      expect(Object.keys(increment.body.metadata).sort()).toEqual(
        Object.keys(plain.body.metadata).sort(),
      );
      expect(increment.body.metadata.version).toBe(plain.body.metadata.version);
    });

    it('sends a gzip member that gunzip, fetch and the length header all agree on', async () => {
      const [{ sent }, { res }] = await sameRevision(
        async () => {
          const sent = await rawGet(base(), '/api/chart-data', { 'Accept-Encoding': 'gzip' });
          return { etag: sent.headers['etag'] as string, sent };
        },
        async () => {
          const res = await fetch(`${base()}/api/chart-data`, {
            headers: { 'Accept-Encoding': 'gzip' },
          });
          return { etag: res.headers.get('etag') as string, res };
        },
      );
      expect(sent.headers['content-encoding']).toBe('gzip');
      expect(Number(sent.headers['content-length'])).toBe(sent.body.length);
      const unzipped = JSON.parse(gunzipSync(sent.body).toString()) as ChartEnvelope;
      expect(unzipped.metadata.request_id).toBe(sent.headers['x-request-id']);

      expect(res.headers.get('content-encoding')).toBe('gzip');
      const decoded = (await res.json()) as ChartEnvelope;
      expect(decoded.data).toEqual(unzipped.data);
      expect(decoded.metadata.request_id).toBe(res.headers.get('x-request-id'));
    });

    it('answers the new data once a fill is recorded, plain and gzip', async () => {
      const accountId = (
        await http().post('/api/accounts').send({ name: 'prepared chart', startingCapital: 500 })
      ).body.data.id as string;
      const full = (encoding: string) =>
        http()
          .get('/api/chart-data')
          .query({ accountId })
          .set('Accept-Encoding', encoding)
          .expect(200);
      const before = await full('gzip');
      await full('identity');
      expect(before.body.data.fills).toEqual([]);

      const order = await http()
        .post('/api/orders')
        .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 0.1 })
        .expect(201);
      expect(order.body.data.status).toBe('filled');

      for (const encoding of ['gzip', 'identity']) {
        const after = await full(encoding);
        expect(after.headers['etag']).not.toBe(before.headers['etag']);
        expect(after.body.data.fills).toEqual([
          expect.objectContaining({ orderId: order.body.data.id, side: 'buy', symbol: 'AAPL' }),
        ]);
      }
    });
  },
);

afterAll(async () => {
  if (!WITH_REDIS) return;
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${REDIS_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});
