import type { CorporateActivity, Fill } from '@ptp/domain';
import type { CorporateActivityEntity } from './entities/corporate-activity.entity';
import { fillNumber } from './paper-trade-fills';

/** A split or dividend of the engine as its row; `fillsBefore` is the engine's fill counter then. */
export function corporateActivityRow(
  activity: CorporateActivity,
  accountId: string,
  fillsBefore: number,
): CorporateActivityEntity {
  return {
    id: activity.id,
    accountId,
    type: activity.type,
    symbol: activity.symbol,
    time: activity.time,
    fillsBefore,
    activity: JSON.stringify(activity),
  };
}

export function corporateActivityFromRow(
  row: Pick<CorporateActivityEntity, 'activity'>,
): CorporateActivity {
  return JSON.parse(row.activity) as CorporateActivity;
}

/**
 * Fills (already in booking order) and stored activities merged into the order the ledger booked
 * them: an activity goes after the fill its `fillsBefore` counts up to. Activities booked between
 * the same two fills keep the order of their own counter (the ids' numbers).
 */
export function ledgerInBookingOrder(
  fills: readonly Fill[],
  activities: readonly Pick<CorporateActivityEntity, 'id' | 'fillsBefore' | 'activity'>[],
): (Fill | CorporateActivity)[] {
  const pending = [...activities].sort(
    (a, b) => a.fillsBefore - b.fillsBefore || activityNumber(a.id) - activityNumber(b.id),
  );
  const entries: (Fill | CorporateActivity)[] = [];
  let next = 0;
  for (const fill of fills) {
    while (next < pending.length && pending[next].fillsBefore < fillNumber(fill.id))
      entries.push(corporateActivityFromRow(pending[next++]));
    entries.push(fill);
  }
  for (const row of pending.slice(next)) entries.push(corporateActivityFromRow(row));
  return entries;
}

const activityNumber = (id: string) => Number(/A(\d+)$/.exec(id)?.[1] ?? 0);
