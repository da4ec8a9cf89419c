import type { Bar } from '../../market/bar';
import { DAY_MS } from '../../calendar/calendar-date';

/** Daily bars from closes; high/low/volume default to the close and 1000 unless given per bar. */
export function barsFrom(rows: readonly (number | Partial<Bar>)[]): Bar[] {
  return rows.map((row, i) => {
    const given = typeof row === 'number' ? { close: row } : row;
    const close = given.close ?? 100;
    return {
      symbol: 'TEST',
      time: Date.UTC(2024, 0, 1) + i * DAY_MS,
      open: given.open ?? close,
      high: given.high ?? close,
      low: given.low ?? close,
      close,
      volume: given.volume ?? 1000,
    };
  });
}
