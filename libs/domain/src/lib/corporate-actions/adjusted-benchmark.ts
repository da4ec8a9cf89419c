import type { Bar } from '../market/bar';
import type { Series } from '../metrics/metrics-types';
import type { CorporateActions } from './corporate-action-types';

/**
 * The buy-and-hold value of one share held from the first bar on, on raw prices: the shares grow
 * with each split (from its execution date) and each cash dividend is kept as cash from its
 * ex-date, so the benchmark sees no split jump, like the account's equity.
 */
export function adjustedBenchmark(
  bars: readonly Bar[],
  actions: CorporateActions,
  symbol: string,
  dateOf: (time: number) => string,
): Series {
  const splits = actions.splits
    .filter((s) => s.ticker === symbol)
    .sort((a, b) => (a.execution_date < b.execution_date ? -1 : 1));
  const dividends = actions.dividends
    .filter((d) => d.ticker === symbol)
    .sort((a, b) => (a.ex_dividend_date < b.ex_dividend_date ? -1 : 1));
  const first = bars.length > 0 ? dateOf(bars[0].time) : '';
  let shares = 1;
  let cash = 0;
  let s = 0;
  let d = 0;
  // Actions before the first bar are history the raw prices already reflect.
  while (s < splits.length && splits[s].execution_date <= first) s++;
  while (d < dividends.length && dividends[d].ex_dividend_date <= first) d++;
  // Columns: a price per bar, held unboxed until the report.
  const times = new Float64Array(bars.length);
  const prices = new Float64Array(bars.length);
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i];
    // Once every action is applied, the bars' dates are no longer needed.
    if (d < dividends.length || s < splits.length) {
      const date = dateOf(bar.time);
      while (d < dividends.length && dividends[d].ex_dividend_date <= date) {
        cash += shares * dividends[d].cash_amount;
        d++;
      }
      while (s < splits.length && splits[s].execution_date <= date) {
        shares = (shares * splits[s].split_to) / splits[s].split_from;
        s++;
      }
    }
    times[i] = bar.time;
    prices[i] = shares * bar.close + cash;
  }
  return { times, values: prices };
}
