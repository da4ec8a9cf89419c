import { corporateActivityFromRow, type CorporateActivityEntity } from '@ptp/api/persistence';
import { dec } from '@ptp/domain';
import { rfc3339 } from '../shared/alpaca-values';

/** A non-trade activity (NTA) of GET /v2/account/activities: a dividend paid or a split. */
export interface AlpacaNonTradeActivity {
  readonly id: string;
  readonly activity_type: 'DIV' | 'SPLIT';
  /** The day it took effect: a dividend's pay date, a split's execution date. */
  readonly date: string;
  readonly net_amount: string;
  readonly symbol: string;
  /** DIV: the shares paid on; SPLIT: the shares the split added (negative for a reverse split). */
  readonly qty: string;
  /** DIV: dollars per share; SPLIT: null. */
  readonly per_share_amount: string | null;
  readonly description: string;
  readonly status: 'executed';
}

/** Alpaca's activity id: the time's digits, `::`, the platform's own id. */
export const activityId = (time: number, id: string): string =>
  `${rfc3339(time).replace(/\D/g, '')}::${id}`;

/**
 * A stored split or dividend as Alpaca's NTA. Alpaca books a dividend when it is paid, so an
 * accrual (the receivable of the ex-date) is none: null.
 */
export function nonTradeActivity(row: CorporateActivityEntity): AlpacaNonTradeActivity | null {
  const activity = corporateActivityFromRow(row);
  const common = { id: activityId(activity.time, activity.id), symbol: activity.symbol };
  if (activity.type === 'split') {
    const { splitFrom, splitTo, quantityBefore, quantityAfter } = activity;
    return {
      ...common,
      activity_type: 'SPLIT',
      date: activity.date,
      net_amount: '0',
      qty: dec(quantityAfter).minus(quantityBefore).toString(),
      per_share_amount: null,
      description: `${splitTo}-for-${splitFrom} split: ${quantityBefore} → ${quantityAfter} shares`,
      status: 'executed',
    };
  }
  if (activity.phase !== 'paid') return null;
  return {
    ...common,
    activity_type: 'DIV',
    date: activity.payDate,
    net_amount: activity.amount,
    qty: activity.quantity,
    per_share_amount: String(activity.cashAmount),
    description: `cash dividend, ex ${activity.exDate}`,
    status: 'executed',
  };
}
