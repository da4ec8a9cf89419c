import { addDays, MINUTE_MS } from '../calendar/calendar-date';
import { newYorkDate } from '../calendar/new-york-time';
import { session, type TradingSession } from '../calendar/nyse-calendar';

/**
 * A minute of a regular session: its start (UTC ms), its place in the session (0–1), and whether it
 * opens it.
 */
export interface SessionMinute {
  readonly time: number;
  readonly fraction: number;
  readonly opening: boolean;
}

/**
 * Every regular-session minute from the New York date `startDate` on, forever, across holidays and
 * early closes.
 */
export function* sessionMinutes(startDate: string): Generator<SessionMinute> {
  for (let date = startDate; ; date = addDays(date, 1)) {
    const today = session(date);
    if (!today) continue;
    const minutes = (today.close - today.open) / MINUTE_MS;
    for (let i = 0; i < minutes; i++) {
      yield { time: today.open + i * MINUTE_MS, fraction: (i + 0.5) / minutes, opening: i === 0 };
    }
  }
}

/**
 * Where the minute starting at `time` falls in its New York trading day: inside a session, its
 * position; outside, null. Caches the day, because a live market asks minute after minute.
 */
export class SessionLocator {
  private date = '';
  private today: TradingSession | null = null;

  locate(time: number): SessionMinute | null {
    const date = newYorkDate(time);
    if (date !== this.date) {
      this.date = date;
      this.today = session(date);
    }
    const today = this.today;
    if (!today || time < today.open || time >= today.close) return null;
    const minutes = (today.close - today.open) / MINUTE_MS;
    const index = Math.floor((time - today.open) / MINUTE_MS);
    return { time, fraction: (index + 0.5) / minutes, opening: index === 0 };
  }
}
