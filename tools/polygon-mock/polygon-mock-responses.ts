import {
  addDays,
  type Bar,
  isOpen,
  MINUTE_MS,
  newYorkDate,
  newYorkWallTimeToUtc,
  nyseEarlyCloses,
  nyseHolidays,
  session,
  HOUR_MS,
} from '@ptp/domain';
import type { MockMarketTape } from './mock-market-tape';
import { Nanoseconds } from './polygon-json';

export const SPAN_MS: Record<string, number> = { minute: MINUTE_MS, hour: HOUR_MS };

function aggregate(bars: readonly Bar[]): Omit<Bar, 'symbol' | 'time'> | null {
  if (bars.length === 0) return null;
  return {
    open: bars[0].open,
    high: Math.max(...bars.map((b) => b.high)),
    low: Math.min(...bars.map((b) => b.low)),
    close: bars[bars.length - 1].close,
    volume: bars.reduce((v, b) => v + b.volume, 0),
  };
}

/** Polygon's short OHLCV fields; vw is approximated by the typical price. */
function ohlcv(bar: Omit<Bar, 'symbol' | 'time'>): {
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  vw: number;
} {
  return {
    o: bar.open,
    h: bar.high,
    l: bar.low,
    c: bar.close,
    v: bar.volume,
    vw: Math.round(((bar.high + bar.low + bar.close) / 3) * 10_000) / 10_000,
  };
}

/** Aggregate results (`t` ms, `n` trades) of `multiplier` × `timespan` bars starting in [from, to]. */
export function aggregateResults(
  tape: MockMarketTape,
  symbol: string,
  multiplier: number,
  timespan: string,
  from: number,
  to: number,
  now: number,
  adjusted = true,
) {
  const minutes = tape.minuteBars(
    symbol,
    timespan === 'day' ? newYorkWallTimeToUtc(newYorkDate(from), 0) : from,
    to,
    now,
    adjusted,
  );
  const buckets = new Map<number, Bar[]>();
  for (const bar of minutes) {
    const start =
      timespan === 'day'
        ? newYorkWallTimeToUtc(newYorkDate(bar.time), 0)
        : Math.floor(bar.time / (multiplier * SPAN_MS[timespan])) * multiplier * SPAN_MS[timespan];
    if (start < from) continue;
    const bucket = buckets.get(start) ?? [];
    bucket.push(bar);
    buckets.set(start, bucket);
  }
  return [...buckets.entries()].map(([t, bars]) => {
    const bar = aggregate(bars) as Omit<Bar, 'symbol' | 'time'>;
    return { ...ohlcv(bar), t, n: Math.max(1, Math.round(bar.volume / 100)) };
  });
}

function sessionBars(tape: MockMarketTape, symbol: string, date: string, now: number): Bar[] {
  return tape.dayBars(symbol, date).filter((bar) => bar.time + MINUTE_MS <= now);
}

/** The date of the newest session with a completed minute at `now`, and the session before it. */
function lastTwoSessionDates(
  tape: MockMarketTape,
  symbol: string,
  now: number,
): [string | null, string | null] {
  const last = tape.lastMinute(symbol, now);
  if (!last) return [null, null];
  const today = newYorkDate(last.time);
  const previous = tape.lastMinute(symbol, newYorkWallTimeToUtc(today, 0));
  return [today, previous ? newYorkDate(previous.time) : null];
}

/** One ticker of the stocks snapshot, in Polygon's exact shape (nanosecond trade/quote times). */
export function snapshotTicker(tape: MockMarketTape, symbol: string, now: number) {
  const last = tape.lastMinute(symbol, now);
  if (!last) return null;
  const [today, previous] = lastTwoSessionDates(tape, symbol, now);
  const day = aggregate(today ? sessionBars(tape, symbol, today, now) : []) as Omit<
    Bar,
    'symbol' | 'time'
  >;
  const prevDay = aggregate(previous ? tape.dayBars(symbol, previous) : []) ?? day;
  const end = last.time + MINUTE_MS - 1;
  const spread = Math.max(0.01, Math.round(last.close * 0.0001 * 100) / 100);
  const traded = Nanoseconds.fromMs(end - 150, 294_080n);
  const change = Math.round((last.close - prevDay.close) * 10_000) / 10_000;
  return {
    day: ohlcv(day),
    lastQuote: {
      P: Math.round((last.close + spread) * 100) / 100,
      S: 4,
      p: Math.round((last.close - spread) * 100) / 100,
      s: 3,
      t: Nanoseconds.fromMs(end, 407_646n),
    },
    lastTrade: {
      c: [14, 41],
      i: String(last.time / MINUTE_MS),
      p: last.close,
      s: 100,
      t: traded,
      x: 4,
    },
    min: {
      av: day.volume,
      ...ohlcv(last),
      t: last.time,
      n: Math.max(1, Math.round(last.volume / 100)),
    },
    prevDay: ohlcv(prevDay),
    ticker: symbol,
    todaysChange: change,
    todaysChangePerc: Math.round((change / prevDay.close) * 100_000) / 1000,
    updated: traded,
  };
}

/** `/v2/last/trade/{T}` results. */
export function lastTradeResult(tape: MockMarketTape, symbol: string, now: number) {
  const last = tape.lastMinute(symbol, now);
  if (!last) return null;
  const end = last.time + MINUTE_MS - 1;
  return {
    T: symbol,
    c: [12, 37],
    f: Nanoseconds.fromMs(end, 588_400n),
    i: String(last.time / MINUTE_MS),
    p: last.close,
    q: last.time / MINUTE_MS,
    r: 202,
    s: 100,
    t: Nanoseconds.fromMs(end, 617_300n),
    x: 4,
    y: Nanoseconds.fromMs(end - 2),
    z: 3,
  };
}

const MOCK_ETFS = new Set(['SPY', 'QQQ', 'IWM', 'DIA']);

/** One entry of `/v3/reference/tickers` results, in Polygon's list shape. */
export function referenceTicker(symbol: string, now: number) {
  const etf = MOCK_ETFS.has(symbol);
  return {
    ticker: symbol,
    name: `${symbol} ${etf ? 'Trust' : 'Inc.'} (mock)`,
    market: 'stocks',
    locale: 'us',
    primary_exchange: etf ? 'ARCX' : 'XNAS',
    type: etf ? 'ETF' : 'CS',
    active: true,
    currency_name: 'usd',
    last_updated_utc: new Date(now).toISOString(),
  };
}

/** `/v2/aggs/ticker/{T}/prev`: the last completed session, stamped 16:00 New York like Polygon. */
export function previousCloseResult(tape: MockMarketTape, symbol: string, now: number) {
  for (let i = 0, date = newYorkDate(now); i < 15; i++, date = addDays(date, -1)) {
    const closed = session(date);
    const bar = closed && closed.close <= now ? aggregate(tape.dayBars(symbol, date)) : null;
    if (bar)
      return {
        T: symbol,
        ...ohlcv(bar),
        t: newYorkWallTimeToUtc(date, 16 * 60),
        n: Math.round(bar.volume / 100),
      };
  }
  return null;
}

const EXTENDED_OPEN_MINUTES = 4 * 60;
const EXTENDED_CLOSE_MINUTES = 20 * 60;

function newYorkIso(t: number): string {
  const offsetMin = Math.round(
    (newYorkWallTimeToUtc(newYorkDate(t), 0) - Date.parse(`${newYorkDate(t)}T00:00:00Z`)) /
      MINUTE_MS,
  );
  const wall = new Date(t - offsetMin * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offsetMin > 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `/v1/marketstatus/now` from the NYSE calendar. */
export function marketStatusNow(now: number) {
  const date = newYorkDate(now);
  const today = session(date);
  const extended =
    today !== null &&
    now >= newYorkWallTimeToUtc(date, EXTENDED_OPEN_MINUTES) &&
    now < newYorkWallTimeToUtc(date, EXTENDED_CLOSE_MINUTES);
  const market = isOpen(now) ? 'open' : extended ? 'extended-hours' : 'closed';
  return {
    afterHours: market === 'extended-hours' && today !== null && now >= today.close,
    currencies: { crypto: 'open', fx: 'open' },
    earlyHours: market === 'extended-hours' && today !== null && now < today.open,
    exchanges: { nasdaq: market, nyse: market, otc: market === 'open' ? 'open' : 'closed' },
    market,
    serverTime: newYorkIso(now),
  };
}

/** `/v1/marketstatus/upcoming`: a bare array of the coming closures and early closes, NYSE and NASDAQ. */
export function marketStatusUpcoming(now: number) {
  const today = newYorkDate(now);
  const year = Number(today.slice(0, 4));
  const closed = [year, year + 1].flatMap((y) =>
    nyseHolidays(y).map((h) => ({ ...h, early: false })),
  );
  const early = [year, year + 1].flatMap((y) =>
    nyseEarlyCloses(y).map((h) => ({ ...h, early: true })),
  );
  return [...closed, ...early]
    .filter((day) => day.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 12)
    .flatMap((day) =>
      ['NYSE', 'NASDAQ'].map((exchange) =>
        day.early
          ? {
              close: new Date(newYorkWallTimeToUtc(day.date, 13 * 60)).toISOString(),
              date: day.date,
              exchange,
              name: day.name,
              open: new Date(newYorkWallTimeToUtc(day.date, 9 * 60 + 30)).toISOString(),
              status: 'early-close',
            }
          : { date: day.date, exchange, name: day.name, status: 'closed' },
      ),
    );
}
