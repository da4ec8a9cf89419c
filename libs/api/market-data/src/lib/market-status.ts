import type { MarketDataSource, MarketStatusResponse, ProviderState } from '@ptp/contracts';
import { addDays, newYorkDate, session, type TradingSession } from '@ptp/domain';
import type { ProviderMarketStatus } from './provider/market-data.provider';

/** Longer than any run of closed days (NYSE calendar plus announced closures). */
const MAX_DAYS_TO_SEARCH = 21;

/** The NYSE calendar's session on a New York date, with the provider's announced closures applied. */
function sessionOn(
  date: string,
  closures: ProviderMarketStatus['closures'],
): TradingSession | null {
  const regular = session(date);
  const closure = closures.get(date);
  if (!regular || !closure) return regular;
  return closure.close === null ? null : { ...regular, close: closure.close, earlyClose: true };
}

function firstAfter(
  now: number,
  closures: ProviderMarketStatus['closures'],
  edge: (s: TradingSession) => number,
): number {
  const start = newYorkDate(now);
  for (let i = 0; i <= MAX_DAYS_TO_SEARCH; i++) {
    const candidate = sessionOn(addDays(start, i), closures);
    if (candidate && edge(candidate) > now) return edge(candidate);
  }
  throw new Error(
    `no NYSE session within ${MAX_DAYS_TO_SEARCH} days of ${new Date(now).toISOString()}`,
  );
}

/**
 * Market hours = the core NYSE calendar, corrected by what the provider knows: Polygon's live
 * open/closed flag and its announced closures and early closes; the simulated market may never close.
 */
export function composeMarketStatus(
  status: ProviderMarketStatus,
  provider: MarketDataSource,
  providerState: ProviderState,
): MarketStatusResponse {
  const now = status.now;
  const today = sessionOn(newYorkDate(now), status.closures);
  const inSession = today !== null && now >= today.open && now < today.close;
  return {
    open: status.open ?? inSession,
    alwaysOpen: status.alwaysOpen === true,
    clockRate: status.clockRate,
    session: today ? { open: today.open, close: today.close, earlyClose: today.earlyClose } : null,
    nextOpen: firstAfter(now, status.closures, (s) => s.open),
    nextClose: firstAfter(now, status.closures, (s) => s.close),
    provider,
    providerState,
    asOf: now,
  };
}
