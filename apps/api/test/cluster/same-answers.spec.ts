import type { ClusterProcess } from '@ptp/tools/cluster';
import request from 'supertest';
import { TRADING_SESSION, waitFor } from '../paper-trading.helpers';
import { describeCluster, useCluster } from './cluster.fixture';

/** Every read the issue names, as the dashboard asks for it. */
const READS = [
  '/paper-trading/status',
  '/api/portfolio',
  '/api/risk',
  '/api/chart-data',
  '/api/orders',
  '/api/trades',
  '/api/metrics',
  '/api/decisions',
];

/**
 * 60× market speed: a bar a second, so a session trades within the test, yet most rounds of reads
 * (a chart answer is large) fall between two bars; one that straddles a change is read again.
 */
const MARKET = { SIMULATION_SPEED: '60' };
/** Rounds of reads before a test gives up on the instances agreeing. */
const ROUNDS = 40;

interface Answer {
  readonly status: number;
  readonly etag: string | undefined;
  readonly data: unknown;
}

async function read(p: ClusterProcess, path: string, ifNoneMatch?: string): Promise<Answer> {
  const call = request(p.url).get(path);
  if (ifNoneMatch) call.set('If-None-Match', ifNoneMatch);
  const response = await call;
  return { status: response.status, etag: response.headers['etag'], data: response.body?.data };
}

interface Round {
  readonly answers: Answer[];
  /** What the other instances answered to the first one's ETag as If-None-Match. */
  readonly revalidated: number[];
}

/**
 * Reads `path` from every instance at once until one round agrees: the same data and the same
 * ETag everywhere, and each other instance answering 304 to the first one's ETag. Returns that
 * round, or the last one, whose assertions then show how the instances differed.
 */
async function agreeingRound(instances: readonly ClusterProcess[], path: string): Promise<Round> {
  let round: Round = { answers: [], revalidated: [] };
  for (let n = 0; n < ROUNDS; n++) {
    const answers = await Promise.all(instances.map((p) => read(p, path)));
    const [first, ...others] = answers;
    const revalidated = await Promise.all(
      instances.slice(1).map(async (p) => (await read(p, path, first.etag)).status),
    );
    round = { answers, revalidated };
    const same = others.every(
      (a) => a.etag === first.etag && JSON.stringify(a.data) === JSON.stringify(first.data),
    );
    if (same && revalidated.every((status) => status === 304)) break;
  }
  return round;
}

function expectAgreement({ answers, revalidated }: Round): void {
  for (const answer of answers) expect(answer.status).toBe(200);
  expect(answers[0].etag).toBeDefined();
  for (const answer of answers.slice(1)) {
    expect(answer.etag).toBe(answers[0].etag);
    expect(answer.data).toEqual(answers[0].data);
  }
  expect(revalidated).toEqual(answers.slice(1).map(() => 304));
}

describeCluster('any instance answers any read alike (3 api processes)', () => {
  const fixture = useCluster({ api: 3, workers: 0, env: MARKET });
  const api = () => fixture.cluster().api;

  async function ownerOf(): Promise<ClusterProcess> {
    const status = (await request(api()[0].url).get('/paper-trading/status').expect(200)).body.data;
    return api().find((p) => p.id === status.owner.instance) as ClusterProcess;
  }

  beforeAll(async () => {
    await request(api()[0].url).post('/paper-trading/start').send(TRADING_SESSION).expect(200);
    await waitFor(
      async () =>
        (await request(api()[1].url).get('/api/trades')).body.data.total >= 2 ? true : undefined,
      'two fills',
      240_000,
    );
  }, 300_000);

  it.each(READS)(
    '%s: the same data and ETag on every instance, and 304 on the others',
    async (path) => {
      expectAgreement(await agreeingRound(api(), path));
    },
    60_000,
  );

  it('answers every read while the owner is paused: nothing is asked of the owner', async () => {
    const owner = await ownerOf();
    const others = api().filter((p) => p !== owner);
    process.kill(owner.pid as number, 'SIGSTOP');
    try {
      // Forwarded to the owner, these reads would wait for it, then answer 503.
      for (const path of READS) expectAgreement(await agreeingRound(others, path));
      expect((await read(others[0], '/paper-trading/status')).data).toMatchObject({
        state: 'running',
      });
    } finally {
      process.kill(owner.pid as number, 'SIGCONT');
    }
  }, 60_000);
});
