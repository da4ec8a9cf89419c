import { addDays } from '../calendar/calendar-date';
import type {
  CorporateActions,
  DividendAction,
  SplitAction,
} from '../corporate-actions/corporate-action-types';
import { SeededRandom } from './seeded-random';
import { symbolProfile } from './symbol-profiles';

/** Which corporate actions the simulated market announces (both off by default). */
export interface SimulatedCorporateActionsOptions {
  readonly splits: boolean;
  readonly dividends: boolean;
}

export const NO_SIMULATED_CORPORATE_ACTIONS: SimulatedCorporateActionsOptions = {
  splits: false,
  dividends: false,
};

/** Every date is drawn per period counted from here, so a window's actions never depend on the window. */
const ANCHOR = '2000-01-03';
const QUARTER_DAYS = 91;
const YEAR_DAYS = 364;
/** Chance that a symbol splits in a given year: an occasional event, about one in three years. */
const SPLIT_CHANCE = 0.35;
/** split_from, split_to: forward splits mostly, a reverse one now and then. */
const RATIOS: ReadonlyArray<readonly [number, number]> = [
  [1, 2],
  [1, 3],
  [1, 4],
  [2, 3],
  [1, 10],
  [2, 1],
];
const PAY_DELAY_DAYS = 14;

function daysSinceAnchor(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${ANCHOR}T00:00:00Z`)) / 864e5);
}

/** The periods of `length` days whose start lies in [from − length, to]. */
function periods(from: string, to: string, length: number): number[] {
  const first = Math.max(0, Math.floor(daysSinceAnchor(from) / length) - 1);
  const last = Math.floor(daysSinceAnchor(to) / length);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The symbol's split of year `period`, if it has one. */
function splitOf(seed: number, symbol: string, period: number): SplitAction | null {
  const random = new SeededRandom(`${seed}:${symbol}:split:${period}`);
  if (random.next() >= SPLIT_CHANCE) return null;
  const day = Math.floor(random.next() * YEAR_DAYS);
  const [split_from, split_to] = RATIOS[Math.floor(random.next() * RATIOS.length)];
  const execution_date = addDays(ANCHOR, period * YEAR_DAYS + day);
  return {
    ticker: symbol,
    execution_date,
    split_from,
    split_to,
    id: `sim-split-${symbol}-${period}`,
  };
}

/** The symbol's regular quarterly dividend of quarter `period`: a yield of 0.5–3 % a year. */
function dividendOf(seed: number, symbol: string, period: number): DividendAction {
  const phase = new SeededRandom(`${seed}:${symbol}:dividend`);
  const offset = Math.floor(phase.next() * QUARTER_DAYS);
  const annualYield = 0.005 + phase.next() * 0.025;
  const cash = (symbolProfile(symbol).startPrice * annualYield) / 4;
  const ex = addDays(ANCHOR, period * QUARTER_DAYS + offset);
  return {
    ticker: symbol,
    cash_amount: Math.max(0.01, Math.round(cash * 100) / 100),
    ex_dividend_date: ex,
    record_date: addDays(ex, 1),
    pay_date: addDays(ex, PAY_DELAY_DAYS),
    dividend_type: 'CD',
    frequency: 4,
    id: `sim-dividend-${symbol}-${period}`,
  };
}

/**
 * The simulated market's corporate actions of `symbols` dated in [from, to] (`YYYY-MM-DD`: execution
 * dates of splits, ex-dates of dividends): an occasional split and a regular quarterly dividend per
 * symbol. Pure: each action depends on the seed, the symbol and its period only, so any window, asked
 * by any process, sees the same ones. The simulator's prices jump at each split (`MarketSimulator`).
 */
export function simulatedCorporateActions(
  seed: number,
  symbols: readonly string[],
  from: string,
  to: string,
  options: SimulatedCorporateActionsOptions,
): CorporateActions {
  const within = (date: string) => date >= from && date <= to;
  const splits = options.splits
    ? symbols.flatMap((symbol) =>
        periods(from, to, YEAR_DAYS).flatMap((p) => splitOf(seed, symbol, p) ?? []),
      )
    : [];
  const dividends = options.dividends
    ? symbols.flatMap((symbol) =>
        periods(from, to, QUARTER_DAYS).map((p) => dividendOf(seed, symbol, p)),
      )
    : [];
  return {
    splits: splits.filter((s) => within(s.execution_date)),
    dividends: dividends.filter((d) => within(d.ex_dividend_date)),
  };
}
