import type { Dec } from '../money/decimal';
import { ExactDecimal } from '../money/exact-decimal';
import { exactQuantity } from '../money/rounding';
import type { OrderSide } from '../orders/order-types';

/**
 * Commission model, charged on every fill. Field names and units match the runtime config
 * (`percent` is in percent: 0.1 = 0.1 % of notional).
 */
export interface FeeSchedule {
  readonly percent: number;
  /** Dollars per share, at least `perShareMinimum` per order. */
  readonly perShare: number;
  readonly perShareMinimum: number;
  /** Dollars per order. */
  readonly flat: number;
  /** Charge the SEC Section 31 fee and the FINRA TAF on sells. */
  readonly regulatory: boolean;
  readonly regulatoryRates?: RegulatoryRates;
}

export interface RegulatoryRates {
  /** SEC Section 31 fee, dollars per million dollars of sale proceeds. */
  readonly secPerMillion: number;
  /** FINRA Trading Activity Fee, dollars per share sold, capped per trade. */
  readonly tafPerShare: number;
  readonly tafMaxPerTrade: number;
}

/**
 * Defaults for the regulatory fees: the SEC rate of $27.80 per million in force from 2024-05-22 to
 * 2025-05-13 (the SEC set it to $0.00 from 2025-05-14 once its budget was collected) and the FINRA
 * TAF of $0.000166 per share, at most $8.30 per trade. Rates change yearly: override them.
 */
export const DEFAULT_REGULATORY_RATES: RegulatoryRates = {
  secPerMillion: 27.8,
  tafPerShare: 0.000166,
  tafMaxPerTrade: 8.3,
};

export const NO_FEES: FeeSchedule = {
  percent: 0,
  perShare: 0,
  perShareMinimum: 0,
  flat: 0,
  regulatory: false,
};

export interface FeeBreakdown {
  readonly commission: Dec;
  readonly regulatory: Dec;
  /** commission + regulatory, what the fill charges. */
  readonly total: Dec;
}

/**
 * The fees of one fill in exact decimals (the engine's hot path; `feesFor` gives them as `Dec`).
 */
export interface ExactFees {
  readonly commission: ExactDecimal;
  readonly regulatory: ExactDecimal;
  readonly total: ExactDecimal;
}

const NO_EXACT_FEES: ExactFees = {
  commission: ExactDecimal.ZERO,
  regulatory: ExactDecimal.ZERO,
  total: ExactDecimal.ZERO,
};
const CENTS = 2;

/**
 * A schedule's rates read once as exact decimals: fees are computed on every fill and pre-trade
 * check.
 */
interface ExactSchedule {
  readonly percent: ExactDecimal;
  readonly perShare: ExactDecimal;
  readonly perShareMinimum: ExactDecimal;
  readonly flat: ExactDecimal;
  readonly secPerMillion: ExactDecimal;
  readonly tafPerShare: ExactDecimal;
  readonly tafMaxPerTrade: ExactDecimal;
}

const exactSchedules = new WeakMap<FeeSchedule, ExactSchedule>();

function exactSchedule(schedule: FeeSchedule): ExactSchedule {
  let exact = exactSchedules.get(schedule);
  if (!exact) {
    const rates = schedule.regulatoryRates ?? DEFAULT_REGULATORY_RATES;
    const of = (n: number) => ExactDecimal.parse(String(n));
    exact = {
      percent: of(schedule.percent),
      perShare: of(schedule.perShare),
      perShareMinimum: of(schedule.perShareMinimum),
      flat: of(schedule.flat),
      secPerMillion: of(rates.secPerMillion),
      tafPerShare: of(rates.tafPerShare),
      tafMaxPerTrade: of(rates.tafMaxPerTrade),
    };
    exactSchedules.set(schedule, exact);
  }
  return exact;
}

/**
 * The fees of one fill. Flat fees and the per-share minimum apply once per order (on its first
 * fill); percent and per-share fees on every fill. Regulatory fees are rounded up to the cent as
 * the regulators require; the commission itself is not rounded (a backtest's fees must match a
 * reference to 1e-6 relative even when they are fractions of a cent). `notional`, quantity × price,
 * is passed by callers that have it already.
 */
export function exactFees(
  schedule: FeeSchedule,
  side: OrderSide,
  quantity: number,
  price: number,
  firstFillOfOrder = true,
  notional?: ExactDecimal,
): ExactFees {
  // Commission-free buys are the common case of a replay: skip the arithmetic.
  if (
    schedule.percent === 0 &&
    schedule.perShare === 0 &&
    schedule.flat === 0 &&
    (side === 'buy' || !schedule.regulatory)
  )
    return NO_EXACT_FEES;
  const rates = exactSchedule(schedule);
  const qty = exactQuantity(quantity);
  const value = notional ?? qty.times(ExactDecimal.fromNumber(price));
  // Zero components are skipped: this runs on every fill of a replay.
  let commission = schedule.percent === 0 ? ExactDecimal.ZERO : value.times(rates.percent).shift(2);
  if (schedule.perShare !== 0) {
    const perShare = qty.times(rates.perShare);
    commission = commission.plus(
      firstFillOfOrder && perShare.compare(rates.perShareMinimum) < 0
        ? rates.perShareMinimum
        : perShare,
    );
  }
  if (firstFillOfOrder && schedule.flat !== 0) commission = commission.plus(rates.flat);
  const regulatory =
    side === 'sell' && schedule.regulatory ? regulatoryFees(rates, qty, value) : ExactDecimal.ZERO;
  return { commission, regulatory, total: commission.plus(regulatory) };
}

/** The fees of one fill as `Dec` (see exactFees). */
export function feesFor(
  schedule: FeeSchedule,
  side: OrderSide,
  quantity: number,
  price: number,
  firstFillOfOrder = true,
): FeeBreakdown {
  const fees = exactFees(schedule, side, quantity, price, firstFillOfOrder);
  return {
    commission: fees.commission.toDec(),
    regulatory: fees.regulatory.toDec(),
    total: fees.total.toDec(),
  };
}

function regulatoryFees(
  rates: ExactSchedule,
  qty: ExactDecimal,
  notional: ExactDecimal,
): ExactDecimal {
  const sec = notional.times(rates.secPerMillion).shift(6).roundUp(CENTS);
  const perShare = qty.times(rates.tafPerShare);
  const taf = (
    perShare.compare(rates.tafMaxPerTrade) > 0 ? rates.tafMaxPerTrade : perShare
  ).roundUp(CENTS);
  return sec.plus(taf);
}
