import type { Order } from '@ptp/contracts';
import type { ApiFailure } from '../../core/api/api-failure';
import { formatMoney, formatQty } from '../../core/format/format';

export interface RejectionFact {
  readonly id: 'limit' | 'requested';
  readonly label: string;
  readonly value: string;
}

/** A server rejection as the ticket shows it: what kind, the rule, its numbers and any field problems. */
export interface RejectionView {
  readonly kind: string;
  readonly code: string;
  readonly message: string;
  readonly facts: readonly RejectionFact[];
  readonly problems: readonly string[];
}

/** The unit of a rule's limit/requested: a count for open positions, shares for a size that rounds to zero, else dollars. */
function formatRuleNumber(code: string, value: number): string {
  if (code === 'RISK_MAX_OPEN_POSITIONS') return `${value} positions`;
  if (code === 'RISK_ZERO_QUANTITY') return `${formatQty(value)} sh`;
  return formatMoney(value);
}

function rejectionKind(failure: ApiFailure): string {
  if (failure.code === 'RISK_MARKET_CLOSED') return 'Market hours';
  if (failure.code === 'INSUFFICIENT_CASH') return 'Cash';
  if (failure.code.startsWith('RISK_')) return 'Risk limit';
  if (failure.httpStatus === 400 || failure.httpStatus === 422) return 'Order refused';
  return 'Not sent';
}

export function rejectionView(failure: ApiFailure): RejectionView {
  const facts: RejectionFact[] = [];
  if (failure.limit !== null)
    facts.push({
      id: 'limit',
      label: 'Limit',
      value: formatRuleNumber(failure.code, failure.limit),
    });
  if (failure.requested !== null)
    facts.push({
      id: 'requested',
      label: 'Requested',
      value: formatRuleNumber(failure.code, failure.requested),
    });
  const problems = Array.isArray(failure.details)
    ? failure.details.filter((item): item is string => typeof item === 'string')
    : [];
  return {
    kind: rejectionKind(failure),
    code: failure.code,
    message: failure.message,
    facts,
    problems,
  };
}

/** One line on what happened to an accepted order: filled at once, or working. */
export function orderOutcome(order: Order): string {
  const head = `${order.side.toUpperCase()} ${order.symbol}`;
  if (order.status === 'filled' || order.status === 'partially_filled') {
    const verb = order.status === 'filled' ? 'filled' : 'partly filled';
    return `${head} ${verb}: ${formatQty(order.filledQuantity)} sh @ ${formatMoney(order.avgFillPrice, { digits: 4 })}`;
  }
  if (order.status === 'new' || order.status === 'accepted')
    return `${head} ${order.type.replace('_', '-')} working (order ${order.id})`;
  return `${head} ${order.status}${order.reason ? `: ${order.reason}` : ''}`;
}
