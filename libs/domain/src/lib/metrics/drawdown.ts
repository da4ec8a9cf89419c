import type { Drawdown, Series } from './metrics-types';

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

/** Walks every point (not a daily resample) keeping the running peak. */
export function drawdowns(series: Series): DrawdownResult {
  const { times, values } = series;
  let peak = -1;
  // The running peak's value, read once when it is reached rather than at every point after it.
  let top = 0;
  let deepest = { pct: 0, amount: 0, peak: -1, trough: -1 };
  let largestAmount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
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
  const peakValue = values[deepest.peak];
  let recovery = -1;
  for (let i = deepest.trough + 1; i < values.length && recovery < 0; i++)
    if (values[i] >= peakValue) recovery = i;
  const end = recovery < 0 ? times.length - 1 : recovery;
  return {
    deepest: {
      pct: deepest.pct,
      amount: deepest.amount,
      peakTime: times[deepest.peak],
      troughTime: times[deepest.trough],
      recoveryTime: recovery < 0 ? null : times[recovery],
      durationMs: times[end] - times[deepest.peak],
    },
    largestAmount,
  };
}
