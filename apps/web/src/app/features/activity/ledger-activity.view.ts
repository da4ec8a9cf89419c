import type { ActivityItem } from '@ptp/contracts';
import { formatMoney, formatQty } from '../../core/format/format';
import { toNum } from '../../core/format/parse';

/**
 * One row of the ledger activity table. Direction is spelled out (BUY/SELL, + and − on cash), so
 * colour is never the only sign.
 */
export interface LedgerActivityRow {
  readonly id: string;
  readonly kind: ActivityItem['type'];
  readonly time: string;
  readonly symbol: string;
  /** BUY, SELL, SPLIT, DIVIDEND ACCRUED or DIVIDEND PAID. */
  readonly label: string;
  readonly tone: 'gain' | 'loss' | 'flat';
  /** Shares: a fill's, a split's "10 → 20", a dividend's shares paid on. */
  readonly shares: string;
  /** A fill's price, a split's ratio, a dividend's amount per share. */
  readonly terms: string;
  /** What cash did, signed; a receivable says so; a split moves no cash. */
  readonly cash: string;
}

const qty = (value: string) => formatQty(toNum(value));
const money = (value: string, digits = 2) => formatMoney(toNum(value), { signed: true, digits });

export function ledgerActivityRow(item: ActivityItem): LedgerActivityRow {
  const common = { id: item.id, kind: item.type, time: item.time, symbol: item.symbol };
  if (item.type === 'fill') {
    const gross = (toNum(item.quantity) ?? 0) * (toNum(item.price) ?? 0);
    const cash = (item.side === 'buy' ? -gross : gross) - (toNum(item.commission) ?? 0);
    return {
      ...common,
      label: item.side.toUpperCase(),
      tone: item.side === 'buy' ? 'gain' : 'loss',
      shares: qty(item.quantity),
      terms: `@ ${formatMoney(toNum(item.price), { digits: 4 })}`,
      cash: formatMoney(cash, { signed: true }),
    };
  }
  if (item.type === 'split') {
    return {
      ...common,
      label: 'SPLIT',
      tone: 'flat',
      shares: `${qty(item.quantityBefore)} → ${qty(item.quantityAfter)}`,
      terms: `${item.splitTo}-for-${item.splitFrom}`,
      cash: 'no cash',
    };
  }
  const paid = item.phase === 'paid';
  return {
    ...common,
    label: paid ? 'DIVIDEND PAID' : 'DIVIDEND ACCRUED',
    tone: 'gain',
    shares: qty(item.quantity),
    terms: `${money(item.cashAmount, 4).replace('+', '')}/sh`,
    cash: paid ? money(item.amount) : `${money(item.amount)} receivable`,
  };
}

export function ledgerActivityRows(
  items: readonly ActivityItem[] | undefined,
): LedgerActivityRow[] {
  return (items ?? []).map(ledgerActivityRow);
}
