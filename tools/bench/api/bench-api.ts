import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { withSection } from '../markdown-section';
import {
  API_HEADING,
  apiSection,
  apiTable,
  type EndpointRow,
  handWrittenNotes,
} from './api-bench-doc';
import { drive, type LoadResult, type LoadShape, type LoadTarget } from './load';
import { buildApp, type Served, startApp, startBare, writeRunConfig } from './processes';

const WORKSPACE = join(__dirname, '..', '..', '..');
const DOC = join(WORKSPACE, 'docs', 'benchmarks.md');

interface Endpoint {
  readonly name: string;
  readonly target: (app: string, etag: string) => LoadTarget;
  readonly goal: string;
  readonly met: (result: LoadResult, bare: number) => boolean | null;
}

const shareOf = (share: number) => (result: LoadResult, bare: number) =>
  result.requestsPerSec >= share * bare;
const JSON_HEADERS = { 'content-type': 'application/json' };
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: '`GET /paper-trading/status`',
    target: (app) => ({ url: `${app}/paper-trading/status`, headers: BROWSER }),
    goal: '≥ 50 %, p99 < 20 ms',
    met: (r, bare) => shareOf(0.5)(r, bare) && r.p99Ms < 20,
  },
  {
    name: '`GET /api/portfolio`',
    target: (app) => ({ url: `${app}/api/portfolio`, headers: BROWSER }),
    goal: '≥ 50 %, p99 < 20 ms',
    met: (r, bare) => shareOf(0.5)(r, bare) && r.p99Ms < 20,
  },
  {
    name: '`GET /api/chart-data` with a matching ETag (304)',
    target: (app, etag) => ({
      url: `${app}/api/chart-data`,
      headers: { ...BROWSER, 'if-none-match': etag },
    }),
    goal: '≥ 50 %, p99 < 20 ms',
    met: (r, bare) => shareOf(0.5)(r, bare) && r.p99Ms < 20,
  },
  {
    name: '`GET /api/chart-data`, full',
    target: (app) => ({ url: `${app}/api/chart-data`, headers: BROWSER }),
    goal: '≥ 25 %',
    met: shareOf(0.25),
  },
  {
    name: '`GET /health`',
    target: (app) => ({ url: `${app}/health`, headers: BROWSER }),
    goal: '≥ 25 %',
    met: shareOf(0.25),
  },
  {
    name: '`GET /health/live`',
    target: (app) => ({ url: `${app}/health/live` }),
    goal: '',
    met: () => null,
  },
  {
    name: '`GET /api/metrics`',
    target: (app) => ({ url: `${app}/api/metrics`, headers: BROWSER }),
    goal: '',
    met: () => null,
  },
  {
    name: '`POST /api/orders` (market, persisted; a buy then a sell of 1 SPY)',
    target: (app) => ({
      url: `${app}/api/orders`,
      method: 'POST',
      headers: JSON_HEADERS,
      bodies: ['buy', 'sell'].map((side) =>
        JSON.stringify({ symbol: 'SPY', side, type: 'market', quantity: 1 }),
      ),
    }),
    goal: '≥ 500 orders/s',
    met: (r) => r.requestsPerSec >= 500 && (r.statuses['201'] ?? 0) > 0,
  },
];

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
}

async function buildHistory(
  dir: string,
  config: string,
  speed: number,
  seconds: number,
  port: number,
) {
  const app = await startApp({
    port,
    dataDir: dir,
    configFile: config,
    speed,
    logName: 'history.log',
  });
  try {
    await post(`${app.url}/paper-trading/start`, { strategy: 'mixed' });
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  } finally {
    await app.stop();
  }
}

async function measure(
  app: Served,
  bare: Served,
  shape: LoadShape,
  endpoints: readonly Endpoint[],
): Promise<EndpointRow[]> {
  const etag = (await fetch(`${app.url}/api/chart-data`)).headers.get('etag') ?? '';
  // One second of each read first, so the first rows are not measured on code the JIT has not compiled.
  const warmUp = { ...shape, seconds: 1 };
  await drive({ url: `${bare.url}/hello` }, warmUp, bare.pid);
  for (const endpoint of endpoints) {
    const target = endpoint.target(app.url, etag);
    if ((target.method ?? 'GET') === 'GET') await drive(target, warmUp, app.pid);
  }
  const rows: EndpointRow[] = [];
  for (const endpoint of endpoints) {
    const bareResult = await drive({ url: `${bare.url}/hello` }, shape, bare.pid);
    const result = await drive(endpoint.target(app.url, etag), shape, app.pid);
    rows.push({
      name: endpoint.name,
      result,
      bareRequestsPerSec: bareResult.requestsPerSec,
      bareCpuMsPerRequest: bareResult.cpuMsPerRequest,
      target: endpoint.goal,
      met: endpoint.met(result, bareResult.requestsPerSec),
    });
    process.stdout.write(
      `${endpoint.name}: ${Math.round(result.requestsPerSec)} req/s (bare ${Math.round(bareResult.requestsPerSec)}), p99 ${result.p99Ms} ms, ${result.cpuMsPerRequest?.toFixed(2) ?? '?'} ms CPU a request (bare ${bareResult.cpuMsPerRequest?.toFixed(2) ?? '?'})\n`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '8' },
      connections: { type: 'string', default: '10' },
      history: { type: 'string', default: '60' },
      speed: { type: 'string', default: '600' },
      'no-build': { type: 'boolean', default: false },
      port: { type: 'string', default: '5190' },
      only: { type: 'string' },
    },
  });
  const shape = { seconds: Number(values.seconds), connections: Number(values.connections) };
  const [history, speed, port] = [
    Number(values.history),
    Number(values.speed),
    Number(values.port),
  ];
  // `--only orders` measures the rows whose name holds the word, and leaves the document alone.
  const only = values.only;
  const endpoints = only ? ENDPOINTS.filter((e) => e.name.includes(only)) : ENDPOINTS;
  if (!values['no-build']) buildApp();
  const dir = mkdtempSync(join(tmpdir(), 'ptp-bench-api-'));
  // Room to trade: the orders row buys and sells thousands of shares of SPY.
  const config = writeRunConfig(dir, (c) => {
    c['trading']['startingCapital'] = 1_000_000;
  });
  process.stdout.write(`History: the mixed strategy for ${history} s at ${speed}× (${dir})\n`);
  if (history > 0) await buildHistory(dir, config, speed, history, port);
  const app = await startApp({
    port,
    dataDir: dir,
    configFile: config,
    speed: 1,
    logName: 'app.log',
  });
  const bare = await startBare(port + 1, dir);
  try {
    const rows = await measure(app, bare, shape, endpoints);
    process.stdout.write(`\n${apiTable(rows)}\n`);
    if (only) return;
    const doc = readFileSync(DOC, 'utf8');
    const section = apiSection(rows, {
      shape,
      historyNote:
        `The account first trades the mixed strategy for ${history} s at ${speed}× simulated speed ` +
        '(its history: orders, fills, equity snapshots, decisions), then the app restarts at 1× so that ' +
        'the session goes on ticking once a minute while the endpoints are measured; the 304 row sends ' +
        'the ETag of a chart-data answer taken just before.',
      environment: `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, measured ${new Date().toISOString().slice(0, 10)}`,
      notes: handWrittenNotes(doc),
    });
    writeFileSync(DOC, withSection(doc, API_HEADING, section));
    process.stdout.write(`\nHTTP API section written to ${DOC}\n`);
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
