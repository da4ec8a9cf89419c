import { ExactDecimal } from '../money/exact-decimal';
import type { RoundTrip } from '../metrics/metrics-types';
import { exactNotional, quantitySteps, QUANTITY_STEP } from '../money/rounding';
import type { Fill } from './fill';
import { LedgerError } from './ledger-error';
import { splitSteps } from './ledger-rules';

const STEPS_PER_SHARE = 1 / QUANTITY_STEP;
const EXACT_STEPS_PER_SHARE = ExactDecimal.fromNumber(STEPS_PER_SHARE);

/** The entry side of a round trip still open (serialisable, for engine snapshots). */
export interface OpenRoundTrip {
  readonly symbol: string;
  readonly entryTime: number;
  /** Quantities in 1e-6 share steps (whole numbers). */
  readonly boughtSteps: number;
  readonly boughtValue: string;
  readonly soldSteps: number;
  readonly soldValue: string;
  readonly commission: string;
}

interface Leg {
  entryTime: number;
  boughtSteps: number;
  boughtValue: ExactDecimal;
  soldSteps: number;
  soldValue: ExactDecimal;
  commission: ExactDecimal;
  /**
   * The price every buy (sell) of the trip filled at, or NaN once two differed or when unknown (a
   * restored or split trip). value × 10^6 ÷ steps is then that price's decimal exactly: with at
   * most 17 digits times at most 2^53 steps, no sum or product reaches the 34-digit rounding. The
   * division and the conversion of its 34 digits were most of a trip's cost.
   */
  boughtPrice: number;
  soldPrice: number;
}

/**
 * Groups fills into long round trips, flat → flat per symbol: every buy while the trip is open adds
 * to its entry, every sell to its exit, and the trip closes when the position is flat again. Prices
 * are volume-weighted; pnl = exit value − entry value − the fees of every fill of the trip.
 */
export class RoundTripTracker {
  private readonly open = new Map<string, Leg>();

  constructor(openTrips: readonly OpenRoundTrip[] = []) {
    for (const trip of openTrips) {
      this.open.set(trip.symbol, {
        entryTime: trip.entryTime,
        boughtSteps: trip.boughtSteps,
        boughtValue: ExactDecimal.parse(trip.boughtValue),
        soldSteps: trip.soldSteps,
        soldValue: ExactDecimal.parse(trip.soldValue),
        commission: ExactDecimal.parse(trip.commission),
        boughtPrice: Number.NaN,
        soldPrice: Number.NaN,
      });
    }
  }

  /**
   * Adds a fill (with its quantity × price and `ExactDecimal.fromNumber(fill.commission)` when the
   * caller has them); returns the round trip it closes, if any.
   */
  add(fill: Fill, notional?: ExactDecimal, fee?: ExactDecimal): RoundTrip | null {
    const steps = quantitySteps(fill.quantity);
    if (steps === null)
      throw new LedgerError(
        'INVALID_FILL',
        `quantity ${fill.quantity} is not a multiple of the quantity step`,
      );
    const amount = notional ?? exactNotional(steps, fill.price);
    let leg = this.open.get(fill.symbol);
    if (!leg) {
      leg = {
        entryTime: fill.time,
        boughtSteps: 0,
        boughtValue: ExactDecimal.ZERO,
        soldSteps: 0,
        soldValue: ExactDecimal.ZERO,
        commission: ExactDecimal.ZERO,
        boughtPrice: Number.NaN,
        soldPrice: Number.NaN,
      };
      this.open.set(fill.symbol, leg);
    }
    if (fill.commission !== 0)
      leg.commission = leg.commission.plus(fee ?? ExactDecimal.fromNumber(fill.commission));
    if (fill.side === 'buy') {
      leg.boughtPrice = samePrice(leg.boughtSteps, leg.boughtPrice, fill.price);
      leg.boughtSteps += steps;
      leg.boughtValue = leg.boughtValue.plus(amount);
      return null;
    }
    leg.soldPrice = samePrice(leg.soldSteps, leg.soldPrice, fill.price);
    leg.soldSteps += steps;
    leg.soldValue = leg.soldValue.plus(amount);
    if (leg.soldSteps !== leg.boughtSteps) return null;
    this.open.delete(fill.symbol);
    return {
      symbol: fill.symbol,
      entryTime: leg.entryTime,
      exitTime: fill.time,
      quantity: leg.boughtSteps / STEPS_PER_SHARE,
      entryPrice: averagePrice(leg.boughtValue, leg.boughtSteps, leg.boughtPrice),
      exitPrice: averagePrice(leg.soldValue, leg.soldSteps, leg.soldPrice),
      pnl: leg.soldValue.minus(leg.boughtValue).minus(leg.commission).toNumber(),
      commission: leg.commission.toNumber(),
    };
  }

  /** Trips with a position still open, by symbol. */
  /**
   * A split: the trip's share counts move to the new basis (its dollar values stay), so that it
   * closes when the split position is sold.
   */
  applySplit(symbol: string, heldSteps: number, splitFrom: number, splitTo: number): void {
    const leg = this.open.get(symbol);
    if (!leg) return;
    if (heldSteps === 0) {
      this.open.delete(symbol);
      return;
    }
    leg.soldSteps = splitSteps(leg.soldSteps, splitFrom, splitTo);
    leg.boughtSteps = leg.soldSteps + heldSteps;
    leg.boughtPrice = Number.NaN;
    leg.soldPrice = Number.NaN;
  }

  openTrips(): OpenRoundTrip[] {
    return [...this.open.entries()].map(([symbol, leg]) => ({
      symbol,
      entryTime: leg.entryTime,
      boughtSteps: leg.boughtSteps,
      boughtValue: leg.boughtValue.toFixed(),
      soldSteps: leg.soldSteps,
      soldValue: leg.soldValue.toFixed(),
      commission: leg.commission.toFixed(),
    }));
  }
}

/** The price of a side's fills after one at `price`, given the steps and price before it. */
const samePrice = (stepsBefore: number, before: number, price: number): number =>
  stepsBefore === 0 || price === before ? price : Number.NaN;

/** value × 10^6 ÷ steps to 34 digits, as a number: `price` itself when every fill had it. */
function averagePrice(value: ExactDecimal, steps: number, price: number): number {
  if (!Number.isNaN(price)) return price;
  return value.times(EXACT_STEPS_PER_SHARE).dividedBy(ExactDecimal.fromSteps(steps, 0)).toNumber();
}
