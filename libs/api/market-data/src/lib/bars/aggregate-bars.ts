import type { MarketTimespan } from '@ptp/contracts';
import { type Bar, newYorkDate, newYorkWallTimeToUtc, HOUR_MS } from '@ptp/domain';

/** Start of the bucket `time` falls in: the UTC hour, or 00:00 New York (Polygon's daily-bar convention). */
function bucketStart(time: number, timespan: MarketTimespan): number {
  if (timespan === 'minute') return time;
  if (timespan === 'hour') return Math.floor(time / HOUR_MS) * HOUR_MS;
  return newYorkWallTimeToUtc(newYorkDate(time), 0);
}

/** Rolls 1-minute bars (oldest first) up into hour or day bars. */
export function aggregateBars(minutes: readonly Bar[], timespan: MarketTimespan): Bar[] {
  if (timespan === 'minute') return [...minutes];
  const result: Bar[] = [];
  let current: { -readonly [K in keyof Bar]: Bar[K] } | null = null;
  for (const bar of minutes) {
    const start = bucketStart(bar.time, timespan);
    if (current && current.time === start) {
      current.high = Math.max(current.high, bar.high);
      current.low = Math.min(current.low, bar.low);
      current.close = bar.close;
      current.volume += bar.volume;
    } else {
      current = { ...bar, time: start };
      result.push(current);
    }
  }
  return result;
}
