import type { HealthReport } from '@ptp/contracts';
import { formatBytes, formatDuration, formatNumber } from '../../core/format/format';

/** How many polls of /health the trends keep (at the default 3 s, the last six minutes). */
export const TREND_SAMPLES = 120;

/** Each numeric detail of the checks over the last polls, oldest first, by `check.detail`. */
export type HealthHistory = Readonly<Record<string, readonly number[]>>;

export interface TrendRow {
  readonly key: string;
  readonly latest: string;
  readonly low: string;
  readonly high: string;
  readonly values: readonly number[];
}

/** The history with one more report's numeric details, each series capped at `max` samples. */
export function appendHealthSample(
  history: HealthHistory,
  report: HealthReport,
  max = TREND_SAMPLES,
): HealthHistory {
  const next: Record<string, readonly number[]> = {};
  for (const [check, { status: _status, ...details }] of Object.entries(report.details)) {
    for (const [detail, value] of Object.entries(details)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const key = `${check}.${detail}`;
      next[key] = [...(history[key] ?? []), value].slice(-max);
    }
  }
  return next;
}

/** Sizes (`…Bytes`) and ages (`…Sec`) read as such, anything else as a number. */
function format(key: string, value: number): string {
  if (/bytes$/i.test(key)) return formatBytes(value);
  if (/sec$/i.test(key)) return formatDuration(value);
  return formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

/** One row per series that has moved: limits and sizes that never change are no trend. */
export function trendRows(history: HealthHistory): TrendRow[] {
  return Object.entries(history)
    .filter(([, values]) => values.some((value) => value !== values[0]))
    .map(([key, values]) => ({
      key,
      latest: format(key, values[values.length - 1]),
      low: format(key, Math.min(...values)),
      high: format(key, Math.max(...values)),
      values,
    }));
}
