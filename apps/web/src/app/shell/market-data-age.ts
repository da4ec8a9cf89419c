import type { HealthReport } from '@ptp/contracts';

/** Seconds since the platform last received a price, as the market-data health check reports it. */
export function marketDataAgeSec(report: HealthReport | undefined): number | null {
  const age = report?.details['market_data']?.['ageSec'];
  return typeof age === 'number' ? age : null;
}
