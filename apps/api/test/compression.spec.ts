import type { ChartData } from '@ptp/contracts';
import request from 'supertest';
import { useTestApp } from './test-app';

/** Large answers travel compressed when the client says it accepts that; small ones as they are. */
describe('response compression (real HTTP)', () => {
  const app = useTestApp();
  const http = () => request(app().app.getHttpServer());

  it('sends the full chart data gzip- or brotli-compressed, and the same data comes out', async () => {
    const plain = await http()
      .get('/api/chart-data')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'] ?? plain.text.length)).toBeGreaterThan(1024);

    // The simulated market may add a bar between two requests: compare the history they share.
    const opening = (body: { data: ChartData }) =>
      Object.fromEntries(body.data.symbols.map((s) => [s, body.data.prices[s]?.slice(0, 100)]));
    expect(Object.keys(opening(plain.body)).length).toBeGreaterThan(0);

    const gzip = await http().get('/api/chart-data').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(opening(gzip.body)).toEqual(opening(plain.body));

    const br = await http().get('/api/chart-data').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(opening(br.body)).toEqual(opening(plain.body));
  });

  it('leaves small answers uncompressed', async () => {
    const live = await http().get('/health/live').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(live.headers['content-encoding']).toBeUndefined();
  });
});
