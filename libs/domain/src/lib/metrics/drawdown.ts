import type { Drawdown } from './metrics-types';

export interface DrawdownResult {
  readonly deepest: Drawdown;
  readonly largestAmount: number;
}

const NO_DRAWDOWN: Drawdown = {
  pct: 0,
  amount: 0,
  peakTime: null,
  troughTime: null,
  recoveryTime: null,
  durationMs: 0,
};

/**
 * Walks every point (not a daily resample) keeping the running peak. `valueOf` reads a point's value,
 * so equity and price curves are walked as they are, without a copy per point.
 */
export function drawdowns<T extends { readonly time: number }>(
  points: readonly T[],
  valueOf: (point: T) => number,
): DrawdownResult {
  let peak = -1;
  // The running peak's value, read once when it is reached rather than at every point after it.
  let top = 0;
  let deepest = { pct: 0, amount: 0, peak: -1, trough: -1 };
  let largestAmount = 0;
  for (let i = 0; i < points.length; i++) {
    const value = valueOf(points[i]);
    if (peak < 0 || value > top) {
      peak = i;
      top = value;
      continue;
    }
    const amount = top - value;
    const pct = top > 0 ? amount / top : 0;
    largestAmount = Math.max(largestAmount, amount);
    if (pct > deepest.pct) deepest = { pct, amount, peak, trough: i };
  }
  if (deepest.trough < 0) return { deepest: { ...NO_DRAWDOWN }, largestAmount };
  const peakPoint = points[deepest.peak];
  const peakValue = valueOf(peakPoint);
  let recovery: T | undefined;
  for (let i = deepest.trough + 1; i < points.length && !recovery; i++)
    if (valueOf(points[i]) >= peakValue) recovery = points[i];
  const end = recovery ?? points[points.length - 1];
  return {
    deepest: {
      pct: deepest.pct,
      amount: deepest.amount,
      peakTime: peakPoint.time,
      troughTime: points[deepest.trough].time,
      recoveryTime: recovery?.time ?? null,
      durationMs: end.time - peakPoint.time,
    },
    largestAmount,
  };
}
