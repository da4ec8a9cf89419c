import type { AccountRisk, RiskLimits } from '@ptp/contracts';
import type { TradingEngine } from '@ptp/domain';
import { riskStateView } from './portfolio-view';

/** GET /api/risk: the account's limits and the engine's risk state, as its pre-trade checks see them. */
export function accountRiskView(
  accountId: string,
  limits: RiskLimits,
  engine: TradingEngine,
  marketTime: number,
): AccountRisk {
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
    asOf: new Date(marketTime).toISOString(),
  };
}
