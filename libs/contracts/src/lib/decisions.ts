/**
 * What risk made of a signal: `approved` (an order was placed), `rejected` (a rule refused it, see
 * riskCode/riskReason) or `none` (a hold: nothing was asked of risk).
 */
export const DECISION_RISK_OUTCOMES = ['approved', 'rejected', 'none'] as const;
export type DecisionRiskOutcome = (typeof DECISION_RISK_OUTCOMES)[number];

/** One evaluated signal of a live session: the audit trail answering "why did it (not) trade?". */
export interface Decision {
  readonly id: number;
  readonly accountId: string;
  readonly sessionId: string | null;
  /** ISO-8601 UTC of the bar the signal was evaluated on. */
  readonly time: string;
  readonly symbol: string;
  readonly strategy: string;
  /** enter, exit or hold. */
  readonly action: string;
  /** The strategy's why. */
  readonly reason: string | null;
  /** Indicator values on that bar (null while warming up). */
  readonly indicators: Readonly<Record<string, number | null>>;
  readonly riskOutcome: string;
  /** Machine-readable rule, e.g. RISK_MAX_POSITION. */
  readonly riskCode: string | null;
  readonly riskReason: string | null;
  /** The order the signal produced, if any. */
  readonly orderId: string | null;
}

/** GET /api/decisions?accountId=&symbol=&from=&to=&outcome=&limit=&offset= — newest first. */
export interface DecisionsPage {
  readonly items: readonly Decision[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
