import { corporateActivityFromRow, type CorporateActivityEntity } from '@ptp/api/persistence';
import type { ActivityItem } from '@ptp/contracts';

/** A stored split or dividend with decimal strings for its numbers and an ISO-8601 UTC time. */
export function toCorporateActivityItem(row: CorporateActivityEntity): ActivityItem {
  const activity = corporateActivityFromRow(row);
  const common = { accountId: row.accountId, time: new Date(activity.time).toISOString() };
  if (activity.type === 'split')
    return {
      ...activity,
      ...common,
      splitFrom: String(activity.splitFrom),
      splitTo: String(activity.splitTo),
    };
  return { ...activity, ...common, cashAmount: String(activity.cashAmount) };
}
