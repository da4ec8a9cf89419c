import type { AccountMoney, TradingMetrics } from '@ptp/api/metrics';
import type { EngineOutput, SubmitResult } from '@ptp/domain';
import type { AccountDesk } from './account-desk';

/** Counts what a committed change did: its fills, and the strategy signals risk approved or refused. */
export function recordOutput(
  metrics: TradingMetrics,
  accountId: string,
  output: EngineOutput,
): void {
  for (const fill of output.fills) metrics.fill(accountId, fill.side);
  for (const decision of output.decisions) {
    if (decision.riskOutcome === 'approved' && decision.orderId !== null)
      metrics.order(accountId, 'strategy');
    else if (decision.riskOutcome === 'rejected')
      metrics.rejection(accountId, decision.riskCode ?? 'UNKNOWN');
  }
}

/** A manual order counts as placed, or as refused by the rule (the error code) that refused it. */
export function recordManualOrder(
  metrics: TradingMetrics,
  accountId: string,
  result: SubmitResult,
): void {
  if (result.ok) metrics.order(accountId, 'manual');
  else metrics.rejection(accountId, result.rejection?.code ?? result.code);
}

/** Equity and cash of the accounts in memory: a scrape never loads one. */
export function loadedMoney(desks: Iterable<AccountDesk>): AccountMoney[] {
  return [...desks].map((desk) => {
    const { equity, cash } = desk.valuation();
    return { accountId: desk.accountId, equity: Number(equity), cash: Number(cash) };
  });
}
