import type { OpenExposure, RoundTrip } from './metrics-types';
import { mean } from './ratios';

/** Share of round trips with pnl > 0 (break-even trades are not wins); null without trades. */
export function winRate(trades: readonly RoundTrip[]): number | null {
  return trades.length === 0 ? null : trades.filter((t) => t.pnl > 0).length / trades.length;
}

/** Gross profit / gross loss; null when nothing was lost (the ratio is unbounded). */
export function profitFactor(trades: readonly RoundTrip[]): number | null {
  const grossProfit = trades.reduce((sum, t) => sum + Math.max(t.pnl, 0), 0);
  const grossLoss = trades.reduce((sum, t) => sum - Math.min(t.pnl, 0), 0);
  return grossLoss === 0 ? null : grossProfit / grossLoss;
}

/** Mean net pnl per round trip in money; null without trades. */
export function expectancy(trades: readonly RoundTrip[]): number | null {
  return trades.length === 0 ? null : mean(trades.map((t) => t.pnl));
}

/**
 * Fraction of [start, end] during which at least one position was open: the union of the round
 * trips' [entry, exit] intervals plus open positions up to `end`, clipped to the window.
 */
export function exposure(
  trades: readonly RoundTrip[],
  open: readonly OpenExposure[],
  start: number,
  end: number,
): number | null {
  if (!(end > start)) return null;
  const intervals = [
    ...trades.map((t) => [t.entryTime, t.exitTime] as const),
    ...open.map((p) => [p.entryTime, end] as const),
  ]
    .map(([from, to]) => [Math.max(from, start), Math.min(to, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start;
  for (const [from, to] of intervals) {
    if (to > reach) {
      covered += to - Math.max(from, reach);
      reach = to;
    }
  }
  return covered / (end - start);
}
