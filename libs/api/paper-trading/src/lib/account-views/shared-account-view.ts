import type { AccountRisk, PaperTradingStatus } from '@ptp/contracts';
import type { OpenExposure } from '@ptp/domain';
import type { Valuation } from '../desk/portfolio-view';

/**
 * What any instance of a cluster answers about an account, as its owner's engine last had it:
 * the session status, the valuation (the portfolio), the risk figures and the open positions.
 */
export interface SharedAccountView {
  readonly status: PaperTradingStatus;
  readonly valuation: Valuation;
  readonly risk: AccountRisk;
  readonly openPositions: OpenExposure[];
}
