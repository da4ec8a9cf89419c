/** One day in milliseconds (the dashboard cannot import the trading core, which defines the same). */
export const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Tick label for a UTC-ms x value: clock time for intraday spans, a date for longer ones. */
export function timeTickLabel(epochMs: number, spanMs: number): string {
  const date = new Date(epochMs);
  if (spanMs <= 2 * DAY_MS) return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (spanMs <= 400 * DAY_MS) return `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** Full timestamp for tooltips. */
export function timeTooltipLabel(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
