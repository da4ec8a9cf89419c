import type { LoadResult, LoadShape } from './load';

export const API_HEADING = '## HTTP API';

export interface EndpointRow {
  readonly name: string;
  readonly result: LoadResult;
  /** The bare hello's req/s in the run just before this endpoint's. */
  readonly bareRequestsPerSec: number;
  /** The bare hello's CPU per request in that run. */
  readonly bareCpuMsPerRequest: number | null;
  readonly target: string;
  readonly met: boolean | null;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const statuses = (result: LoadResult) =>
  Object.entries(result.statuses)
    .map(([status, count]) => `${status}×${fmt(count)}`)
    .join(', ') + (result.errors > 0 ? `, errors×${fmt(result.errors)}` : '');

const cpu = (ms: number | null) => (ms === null ? '–' : `${fmt(ms, 2)} ms`);

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'yes' : '**no**');

export function apiTable(rows: readonly EndpointRow[]): string {
  return [
    '| Endpoint | req/s | p50 | p99 | Bare hello req/s (same run) | Share of bare | Server CPU a request | Bare hello CPU a request | Answers | Size | Target | Met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | **${fmt(r.result.requestsPerSec)}** | ${fmt(r.result.p50Ms)} ms | ${fmt(r.result.p99Ms)} ms | ${fmt(r.bareRequestsPerSec)} | ${fmt((100 * r.result.requestsPerSec) / r.bareRequestsPerSec)} % | ${cpu(r.result.cpuMsPerRequest)} | ${cpu(r.bareCpuMsPerRequest)} | ${statuses(r.result)} | ${fmt(r.result.bytesPerRequest / 1024, 1)} kB | ${r.target} | ${verdict(r.met)} |`,
    ),
  ].join('\n');
}

export interface ApiBenchContext {
  readonly shape: LoadShape;
  readonly historyNote: string;
  readonly environment: string;
  /** Hand-written `###` parts of the section (decisions, before/after figures), kept as they are. */
  readonly notes: string;
}

/** The `###` parts of the document's HTTP API section, which a new run keeps below its table. */
export function handWrittenNotes(markdown: string): string {
  const start = markdown.indexOf(`\n${API_HEADING}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + API_HEADING.length + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const first = section.indexOf('\n### ');
  return first < 0 ? '' : `${section.slice(first + 1).trimEnd()}\n`;
}

export function apiSection(rows: readonly EndpointRow[], context: ApiBenchContext): string {
  return `${API_HEADING}

Measured with \`npm run bench:api\` (\`tools/bench/api/\`): autocannon, ${context.shape.connections}
connections, ${context.shape.seconds} s per endpoint, against the production build (\`node dist/apps/api/main.js\`,
SQLite, simulated market, local mode) with the rate limit raised for the run so no request is refused. A bare
NestJS 11 hello app (Express, one route, nothing else) runs beside it and is measured just before each endpoint,
so each ratio compares two runs a few seconds apart on the same machine. The CPU columns are the user +
system time each server process spent (from \`/proc\`, its threads included) divided by the requests it
answered: on a shared machine they move less than req/s. ${context.historyNote}

${apiTable(rows)}

- Environment: ${context.environment}.
${context.notes ? `\n${context.notes}` : ''}`;
}
