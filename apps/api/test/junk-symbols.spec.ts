import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { SMALL_SIMULATED_RUN } from './backtests.helpers';
import { useTestApp } from './test-app';

const MIB = 1024 * 1024;
const POSTS = 40;
const JUNK_COUNT = 2_000;

/** 2,000 made-up tickers of valid syntax (six letters: no US listing has that many). */
const JUNK = Array.from({ length: JUNK_COUNT }, (_, i) => {
  let name = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / 26))
    name += String.fromCharCode(65 + (n % 26));
  return `Z${name}`;
});
const chunk = (size: number, index: number) =>
  JUNK.slice((index * size) % JUNK_COUNT, ((index * size) % JUNK_COUNT) + size);

/** A full collection, so the heap holds only what is still referenced. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('the 2,000-junk-symbol attack leaves memory and /api/chart-data bounded (real HTTP)', () => {
  // The market is slowed to a crawl so no new bar lands between the two measurements: any growth
  // of the chart data is the attack's.
  const app = useTestApp({ SIMULATION_SPEED: '0.01' });
  const http = () => request(app().app.getHttpServer());
  const gc = collectGarbage();

  const retainedHeap = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    return process.memoryUsage().heapUsed;
  };
  // The chart data itself: the envelope's timing metadata changes length from call to call.
  const chartDataBytes = async () =>
    Buffer.byteLength(JSON.stringify((await http().get('/api/chart-data').expect(200)).body.data));
  const trackedSymbols = async () =>
    (await http().get('/health').expect(200)).body.data.details.market_data.trackedSymbols;

  /** The 40 posts of the report (2,000 made-up symbols, 50 a post) and the same junk at every other door. */
  const attack = async (posts: number) => {
    const statuses: number[] = [];
    const note = (response: request.Response) => statuses.push(response.status);
    for (let i = 0; i < posts; i++) {
      note(
        await http()
          .post('/paper-trading/start')
          .send({ symbols: chunk(50, i) }),
      );
      note(
        await http()
          .patch('/api/config')
          .send({ watchlist: chunk(100, i) }),
      );
      note(
        await http()
          .get('/api/market/quotes')
          .query({ symbols: chunk(100, i).join(',') }),
      );
      note(await http().get('/api/market/bars').query({ symbol: JUNK[i] }));
      note(
        await http()
          .post('/api/orders')
          .send({ symbol: JUNK[i], side: 'buy', type: 'market', quantity: 1 }),
      );
      note(
        await http()
          .post('/api/backtests')
          .send({ ...SMALL_SIMULATED_RUN, symbols: chunk(20, i) }),
      );
    }
    return statuses;
  };

  it('keeps the heap within 30 MiB of where it started and the chart data no larger', async () => {
    // One round first, so what any first request allocates for good (route tables, validator
    // metadata, compiled code) is part of the baseline rather than counted as the attack's.
    await attack(1);
    const heapBefore = await retainedHeap();
    const chartBefore = await chartDataBytes();
    const trackedBefore = await trackedSymbols();

    const statuses = await attack(POSTS);
    // Each post carrying the whole junk list at once is refused by the list bounds, before any lookup.
    for (let i = 0; i < 5; i++)
      await http().post('/paper-trading/start').send({ symbols: JUNK }).expect(400);

    const heapGrowthMiB = ((await retainedHeap()) - heapBefore) / MIB;
    const chartAfter = await chartDataBytes();
    process.stdout.write(
      `junk-symbol attack: heap ${heapGrowthMiB.toFixed(1)} MiB, chart data ${chartBefore} -> ${chartAfter} bytes\n`,
    );
    expect(heapGrowthMiB).toBeLessThan(30);
    expect(chartAfter).toBeLessThanOrEqual(chartBefore);
    expect(await trackedSymbols()).toBe(trackedBefore);
    expect(statuses).toHaveLength(POSTS * 6);
    expect(new Set(statuses)).toEqual(new Set([422]));
  }, 300_000);
});
