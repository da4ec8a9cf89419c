import type { TimedValue } from './daily-returns';
import type { Drawdown } from './metrics-types';

export interface DrawdownResult {
  readonly deepest: Drawdown;
  readonly largestAmount: number;
}

/** Walks every point (not a daily resample) keeping the running peak. */
export function drawdowns(points: readonly TimedValue[]): DrawdownResult {
  let peak: TimedValue | undefined;
  let deepest = {
    pct: 0,
    amount: 0,
    peak: undefined as TimedValue | undefined,
    trough: undefined as TimedValue | undefined,
    troughIndex: -1,
  };
  let largestAmount = 0;
  points.forEach((point, index) => {
    if (!peak || point.value > peak.value) {
      peak = point;
      return;
    }
    const amount = peak.value - point.value;
    const pct = peak.value > 0 ? amount / peak.value : 0;
    largestAmount = Math.max(largestAmount, amount);
    if (pct > deepest.pct) {
      deepest = { pct, amount, peak, trough: point, troughIndex: index };
    }
  });
  if (!deepest.peak || !deepest.trough) {
    return {
      deepest: {
        pct: 0,
        amount: 0,
        peakTime: null,
        troughTime: null,
        recoveryTime: null,
        durationMs: 0,
      },
      largestAmount,
    };
  }
  const peakPoint = deepest.peak;
  const recovery = points.slice(deepest.troughIndex + 1).find((p) => p.value >= peakPoint.value);
  const end = recovery ?? points[points.length - 1];
  return {
    deepest: {
      pct: deepest.pct,
      amount: deepest.amount,
      peakTime: peakPoint.time,
      troughTime: deepest.trough.time,
      recoveryTime: recovery?.time ?? null,
      durationMs: end.time - peakPoint.time,
    },
    largestAmount,
  };
}
