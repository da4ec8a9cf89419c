import type { Bar } from '../../market/bar';
import { DAY_MS } from '../../calendar/calendar-date';

export const FIRST_DAY = Date.UTC(2024, 0, 2);

export type BarRow =
  | number
  | {
      readonly open?: number;
      readonly high?: number;
      readonly low?: number;
      readonly close: number;
      readonly volume?: number;
    };

/** Daily bars (00:00 UTC, one a day) of one symbol; open/high/low default to the close. */
export function dailyBars(symbol: string, rows: readonly BarRow[], firstDay = FIRST_DAY): Bar[] {
  return rows.map((row, i) => {
    const r = typeof row === 'number' ? { close: row } : row;
    const open = r.open ?? r.close;
    return {
      symbol,
      time: firstDay + i * DAY_MS,
      open,
      high: r.high ?? Math.max(open, r.close),
      low: r.low ?? Math.min(open, r.close),
      close: r.close,
      volume: r.volume ?? 1000,
    };
  });
}
