import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { withSection } from '../markdown-section';
import { buildApp, startApp, writeRunConfig } from '../api/processes';
import { type DayStats, LatencyLog } from './day-stats';
import { databaseMiB, heapMiB, rowCounts, rssMiB } from './process-probe';
import { SOAK_HEADING, soakSection, soakTable } from './soak-doc';
import { lineChartSvg } from './svg-chart';

const WORKSPACE = join(__dirname, '..', '..', '..');
const DOC = join(WORKSPACE, 'docs', 'benchmarks.md');
const CHART = 'soak.svg';
const ENDPOINTS = ['status', 'portfolio', 'chart-data', 'risk', 'health', 'metrics'] as const;
type Endpoint = (typeof ENDPOINTS)[number];
const PATHS: Record<Exclude<Endpoint, 'chart-data'>, string> = {
  status: '/paper-trading/status',
  portfolio: '/api/portfolio',
  risk: '/api/risk',
  health: '/health',
  metrics: '/api/metrics',
};
const NEW_YORK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });

/** The trading date the market is in (or last was in), from the app's own clock. */
class TradingDay {
  current = '';
  async read(app: string): Promise<string> {
    const status = (await (await fetch(`${app}/api/market/status`)).json()).data;
    if (status.open) this.current = NEW_YORK_DATE.format(new Date(status.asOf));
    return this.current;
  }
}

/** One dashboard: polls the mix back to back, following chart data as the web app does. */
async function poller(app: string, log: () => LatencyLog, running: () => boolean): Promise<void> {
  let since: number | null = null;
  let etag = '';
  while (running()) {
    for (const endpoint of ENDPOINTS) {
      const started = performance.now();
      if (endpoint === 'chart-data') {
        const url: string = `${app}/api/chart-data${since === null ? '' : `?since=${since}`}`;
        const response: Response = await fetch(url, {
          headers: etag ? { 'if-none-match': etag } : {},
        });
        if (response.status === 200) {
          since = ((await response.json()) as { data: { asOf: number } }).data.asOf;
          etag = response.headers.get('etag') ?? '';
        } else await response.arrayBuffer();
      } else await (await fetch(`${app}${PATHS[endpoint]}`)).arrayBuffer();
      log().add(endpoint, performance.now() - started);
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '60' },
      speed: { type: 'string', default: '5000' },
      pollers: { type: 'string', default: '2' },
      port: { type: 'string', default: '5195' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const [days, speed, pollers] = [
    Number(values.days),
    Number(values.speed),
    Number(values.pollers),
  ];
  if (!values['no-build']) buildApp();
  const dir = mkdtempSync(join(tmpdir(), 'ptp-soak-'));
  const app = await startApp({
    port: Number(values.port),
    dataDir: dir,
    configFile: writeRunConfig(dir, (c) => {
      c['marketData']['simulated'] = {
        ...(c['marketData']['simulated'] as object),
        speed,
        followMarketHours: true,
      };
    }),
    speed,
    logName: 'app.log',
  });
  const database = join(dir, 'paper-trading.sqlite');
  const results: DayStats[] = [];
  let log = new LatencyLog();
  let running = true;
  try {
    const start = await fetch(`${app.url}/paper-trading/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ strategy: 'mixed' }),
    });
    if (!start.ok) throw new Error(`starting the session: ${start.status} ${await start.text()}`);
    const clock = new TradingDay();
    let day = await clock.read(app.url);
    const polling = Array.from({ length: pollers }, () =>
      poller(
        app.url,
        () => log,
        () => running,
      ),
    );
    while (results.length < days) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await clock.read(app.url);
      if (now === day || now === '') continue;
      if (day !== '') {
        const rows = await rowCounts(database);
        results.push({
          day: results.length + 1,
          date: day,
          latency: log.close(),
          rssMiB: rssMiB(app.pid),
          heapMiB: await heapMiB(app.url),
          databaseMiB: databaseMiB(database),
          snapshotRows: rows.snapshots,
          decisionRows: rows.decisions,
        });
        const last = results[results.length - 1];
        process.stdout.write(
          `day ${last.day} (${day}): status p99 ${last.latency['status']?.p99.toFixed(1)} ms, ` +
            `RSS ${last.rssMiB.toFixed(0)} MiB, DB ${last.databaseMiB.toFixed(1)} MiB\n`,
        );
      }
      log = new LatencyLog();
      day = now;
    }
    running = false;
    await Promise.all(polling);
  } finally {
    running = false;
    await app.stop();
  }
  report(results, speed, pollers);
  rmSync(dir, { recursive: true, force: true });
}

function report(results: readonly DayStats[], speed: number, pollers: number): void {
  process.stdout.write(`\n${soakTable(results, ENDPOINTS)}\n`);
  const svg = lineChartSvg(
    [
      {
        title: 'p99 per polled endpoint',
        unit: 'ms',
        series: ENDPOINTS.map((e) => ({
          name: e,
          values: results.map((d) => d.latency[e]?.p99 ?? 0),
        })),
      },
      {
        title: 'Memory',
        unit: 'MiB',
        series: [
          { name: 'RSS', values: results.map((d) => d.rssMiB) },
          { name: 'V8 heap used', values: results.map((d) => d.heapMiB) },
        ],
      },
    ],
    results.length,
  );
  writeFileSync(join(WORKSPACE, 'docs', CHART), svg);
  const section = soakSection(results, ENDPOINTS, {
    speed,
    pollers,
    chartFile: CHART,
    environment: `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, measured ${new Date().toISOString().slice(0, 10)}`,
  });
  writeFileSync(DOC, withSection(readFileSync(DOC, 'utf8'), SOAK_HEADING, section));
  process.stdout.write(`\nSoak section written to ${DOC}, chart to docs/${CHART}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
