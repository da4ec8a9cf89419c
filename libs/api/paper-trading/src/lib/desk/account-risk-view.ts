import type { AccountRisk, RiskLimits } from '@ptp/contracts';
import type { AccountBook } from './account-book';
import { riskStateView } from './portfolio-view';

/** GET /api/risk: the account's limits and the engine's risk state, as its pre-trade checks see them. */
export function accountRiskView(
  accountId: string,
  limits: RiskLimits,
  book: Pick<AccountBook, 'live' | 'marketTime'>,
): AccountRisk {
  const { engine } = book.live;
  const engineRisk = engine.riskState();
  const riskState = riskStateView(engine.account(), engineRisk);
  return {
    accountId,
    limits,
    dailyLoss: {
      sessionDate: engineRisk.sessionDate,
      startEquity: riskState.dayStartEquity,
      dayPnl: riskState.dayPnl,
      limit: riskState.dailyLossLimit,
      breached: engineRisk.breached,
    },
    openPositions: engineRisk.openPositions,
    entriesBlocked: engineRisk.entriesBlocked,
    daytrade_count: engineRisk.dayTradeCount,
    dayTradeWindow: engineRisk.dayTradeWindow,
    asOf: new Date(book.marketTime).toISOString(),
  };
}
