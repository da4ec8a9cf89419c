import type { Series } from '../metrics/metrics-types';
import type { CorporateActions } from './corporate-action-types';

/**
 * The buy-and-hold value of one share held from the first of a symbol's raw closes on: the shares
 * grow with each split (from its execution date) and each cash dividend is kept as cash from its
 * ex-date, so the benchmark sees no split jump, like the account's equity.
 */
export function adjustedBenchmark(
  closes: Series,
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
  const { times } = closes;
  const first = times.length > 0 ? dateOf(times[0]) : '';
  let shares = 1;
  let cash = 0;
  let s = 0;
  let d = 0;
  // Actions before the first bar are history the raw prices already reflect.
  while (s < splits.length && splits[s].execution_date <= first) s++;
  while (d < dividends.length && dividends[d].ex_dividend_date <= first) d++;
  const prices = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) {
    // Once every action is applied, the bars' dates are no longer needed.
    if (d < dividends.length || s < splits.length) {
      const date = dateOf(times[i]);
      while (d < dividends.length && dividends[d].ex_dividend_date <= date) {
        cash += shares * dividends[d].cash_amount;
        d++;
      }
      while (s < splits.length && splits[s].execution_date <= date) {
        shares = (shares * splits[s].split_to) / splits[s].split_from;
        s++;
      }
    }
    prices[i] = shares * closes.values[i] + cash;
  }
  return { times, values: prices };
}
