import type { MarketStatusResponse } from '@ptp/contracts';

export type MarketClockInput = Pick<
  MarketStatusResponse,
  'open' | 'alwaysOpen' | 'nextOpen' | 'nextClose' | 'asOf' | 'clockRate'
>;

export interface MarketClock {
  readonly label: 'OPEN' | 'CLOSED';
  /** What the countdown runs to; nothing for a market that never closes. */
  readonly until: 'close' | 'open' | 'never';
  readonly secondsLeft: number | null;
}

/**
 * Open/closed with the market seconds to the next close (when open) or the next open (when closed). The market's
 * clock is the status's `asOf` moved on by the wall time since the status arrived (`receivedAtMs`) times its rate,
 * so a simulated market at 60× counts down a minute per second and the browser's own clock skew does not matter.
 */
export function marketClock(
  status: MarketClockInput,
  nowMs: number,
  receivedAtMs: number,
): MarketClock {
  if (status.alwaysOpen) return { label: 'OPEN', until: 'never', secondsLeft: null };
  const target = status.open ? status.nextClose : status.nextOpen;
  const marketNow = status.asOf + (nowMs - receivedAtMs) * status.clockRate;
  return {
    label: status.open ? 'OPEN' : 'CLOSED',
    until: status.open ? 'close' : 'open',
    secondsLeft: Math.max(0, Math.round((target - marketNow) / 1000)),
  };
}
