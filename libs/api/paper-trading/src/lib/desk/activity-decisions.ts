import type { DecisionEntity } from '@ptp/api/persistence';
import type { CorporateActivity } from '@ptp/domain';

/** The `strategy` of the audit trail's corporate-action entries: no strategy decided them. */
export const CORPORATE_ACTION_DECIDER = 'corporate-action';

function why(activity: CorporateActivity): string {
  if (activity.type === 'split') {
    const { splitFrom, splitTo, quantityBefore, quantityAfter, date } = activity;
    return `${splitTo}-for-${splitFrom} split effective ${date}: ${quantityBefore} → ${quantityAfter} shares, average cost ÷ ${splitTo / splitFrom}`;
  }
  const { cashAmount, quantity, amount, exDate, payDate } = activity;
  const terms = `$${cashAmount}/share × ${quantity} shares = $${amount}`;
  return activity.phase === 'accrued'
    ? `dividend ex ${exDate}: ${terms} receivable, payable ${payDate}`
    : `dividend paid ${payDate}: ${terms} into cash (ex ${exDate})`;
}

/**
 * A split or dividend as an entry of the decisions audit trail, so "why did my position change?"
 * is answered where "why did it trade?" is: action `split` or `dividend`, no risk check, no order,
 * and no session (the account's holdings, not a strategy, are what it concerns).
 */
export function activityDecisionRow(
  activity: CorporateActivity,
  accountId: string,
): Omit<DecisionEntity, 'id'> {
  const indicators =
    activity.type === 'split'
      ? { splitFrom: activity.splitFrom, splitTo: activity.splitTo }
      : { cashAmount: activity.cashAmount };
  return {
    accountId,
    sessionId: null,
    time: activity.time,
    symbol: activity.symbol,
    strategy: CORPORATE_ACTION_DECIDER,
    action: activity.type,
    reason: why(activity),
    indicators: JSON.stringify(indicators),
    riskOutcome: 'none',
    riskCode: null,
    riskReason: null,
    orderId: null,
  };
}
