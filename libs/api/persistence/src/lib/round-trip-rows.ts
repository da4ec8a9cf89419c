import type { RoundTrip } from '@ptp/domain';
import type { RoundTripEntity } from './entities/round-trip.entity';

/** A closed round trip of the engine as a row: numbers as the strings of those very numbers. */
export function roundTripRow(trip: RoundTrip, accountId: string): Omit<RoundTripEntity, 'id'> {
  return {
    accountId,
    symbol: trip.symbol,
    entryTime: trip.entryTime,
    exitTime: trip.exitTime,
    quantity: String(trip.quantity),
    entryPrice: String(trip.entryPrice),
    exitPrice: String(trip.exitPrice),
    pnl: String(trip.pnl),
    commission: String(trip.commission),
  };
}

/** A stored round trip back in the engine's shape (the strings parse back to the same numbers). */
export function roundTripFromRow(row: RoundTripEntity): RoundTrip {
  return {
    symbol: row.symbol,
    entryTime: row.entryTime,
    exitTime: row.exitTime,
    quantity: Number(row.quantity),
    entryPrice: Number(row.entryPrice),
    exitPrice: Number(row.exitPrice),
    pnl: Number(row.pnl),
    commission: Number(row.commission),
  };
}
