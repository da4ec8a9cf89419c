import type { DayStats } from './day-stats';

export const SOAK_HEADING = '## Soak';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function soakTable(days: readonly DayStats[], endpoints: readonly string[]): string {
  const head = [
    'Day',
    'Date',
    ...endpoints.map((e) => `${e} p50 / p99`),
    'RSS',
    'Heap',
    'DB',
    'Snapshots',
    'Decisions',
  ];
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...days
      .map((d) =>
        [
          d.day,
          d.date,
          ...endpoints.map((e) => {
            const l = d.latency[e];
            return l ? `${fmt(l.p50, 1)} / ${fmt(l.p99, 1)} ms` : '–';
          }),
          `${fmt(d.rssMiB)} MiB`,
          `${fmt(d.heapMiB)} MiB`,
          `${fmt(d.databaseMiB, 1)} MiB`,
          fmt(d.snapshotRows),
          fmt(d.decisionRows),
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
  ].join('\n');
}

/** First day against last: the flat-cost targets of the speed issue. */
export function soakSummary(days: readonly DayStats[], endpoints: readonly string[]): string {
  if (days.length < 2) return '- Fewer than two days: no trend.';
  const first = days[0];
  const last = days[days.length - 1];
  const warm = days[Math.min(days.length - 1, 4)];
  const lines = endpoints.map((e) => {
    const p99 = (d: DayStats) => d.latency[e]?.p99 ?? 0;
    const base = Math.max(0.001, p99(first));
    const worst = days.slice(1).reduce((a, b) => (p99(b) > p99(a) ? b : a));
    const ratio = (d: DayStats) => p99(d) / base;
    return (
      `- ${e}: p99 ${fmt(p99(first), 1)} ms on day 1, ${fmt(p99(last), 1)} ms on day ${last.day} ` +
      `(${fmt(ratio(last), 2)}×); worst later day ${worst.day}: ${fmt(p99(worst), 1)} ms ` +
      `(${fmt(ratio(worst), 2)}×; target ≤ 2×)${ratio(worst) <= 2 ? '' : ' **over**'}`
    );
  });
  const span = last.day - first.day;
  return [
    ...lines,
    `- RSS: ${fmt(warm.rssMiB)} MiB on day ${warm.day} (after warm-up), ${fmt(last.rssMiB)} MiB on day ${last.day}.`,
    `- Database: ${fmt((last.databaseMiB - first.databaseMiB) / span, 2)} MiB, ` +
      `${fmt((last.snapshotRows - first.snapshotRows) / span)} equity snapshots and ` +
      `${fmt((last.decisionRows - first.decisionRows) / span)} decisions per simulated trading day.`,
  ].join('\n');
}

export interface SoakContext {
  readonly speed: number;
  readonly pollers: number;
  readonly environment: string;
  readonly chartFile: string;
}

export function soakSection(
  days: readonly DayStats[],
  endpoints: readonly string[],
  context: SoakContext,
): string {
  return `${SOAK_HEADING}

Measured with \`npm run soak -- --days ${days.length}\` (\`tools/bench/soak/\`): the production build on SQLite with
the simulated market following NYSE hours at ${fmt(context.speed)}× speed, the mixed strategy trading the watchlist,
and ${context.pollers} pollers sending the dashboard's requests back to back (status, portfolio, chart data with
\`since=\` and \`If-None-Match\` as the dashboard sends them, risk, health, the metrics summary). Each request counts
towards the simulated trading day it was sent in; memory, database size and row counts are read at the end of each
day.

${soakSummary(days, endpoints)}

![p99 per endpoint and RSS against simulated trading days](${context.chartFile})

${soakTable(days, endpoints)}

- Environment: ${context.environment}.
`;
}
