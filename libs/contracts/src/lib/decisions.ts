import type { DecisionRecord, DecisionRiskOutcome } from '@ptp/domain';
import type { Page } from './page';
import { everyMember } from './wire';

export type { DecisionRiskOutcome } from '@ptp/domain';

/**
 * What risk made of a signal: `approved` (an order was placed), `rejected` (a rule refused it, see
 * riskCode/riskReason) or `none` (a hold: nothing was asked of risk).
 */
export const DECISION_RISK_OUTCOMES = everyMember<DecisionRiskOutcome>()([
  'approved',
  'rejected',
  'none',
]);

/**
 * One evaluated signal of a live session: the audit trail answering "why did it (not) trade?".
 * Unlike the core's record it covers holds too and is read back from the database, so the id is
 * the row's, and action, reason and outcome are the stored (plain string) columns.
 */
export interface Decision extends Pick<
  DecisionRecord,
  'symbol' | 'strategy' | 'indicators' | 'riskCode' | 'riskReason' | 'orderId'
> {
  readonly id: number;
  readonly accountId: string;
  readonly sessionId: string | null;
  /** ISO-8601 UTC of the bar the signal was evaluated on. */
  readonly time: string;
  /** enter, exit or hold. */
  readonly action: string;
  /** The strategy's why. */
  readonly reason: string | null;
  /** One of DECISION_RISK_OUTCOMES. */
  readonly riskOutcome: string;
}

/** GET /api/decisions?accountId=&symbol=&from=&to=&outcome=&limit=&offset= — newest first. */
export type DecisionsPage = Page<Decision>;
