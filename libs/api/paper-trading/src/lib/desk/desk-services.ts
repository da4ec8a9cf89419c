import type { TradingMetrics } from '@ptp/api/metrics';
import type { RuntimeConfigService } from '@ptp/api/runtime-config';
import type { MarketStatusResponse } from '@ptp/contracts';
import type { ChartDataStore } from '../chart-data/chart-data.store';
import type { AccountLoader } from './account-loader.service';
import type { ClientOrderTag, Replacement, SessionProgress } from './ledger-batch';
import type { LedgerWriter } from './ledger-writer.service';
import type { LivePrices } from './live-prices';
import type { OrderUpdates } from './order-updates';
import type { TickSession } from './tick-session';

/** What every desk shares: the writers, the loader, the price board and the chart store. */
export interface DeskServices {
  readonly writer: LedgerWriter;
  readonly metrics: TradingMetrics;
  readonly loader: AccountLoader;
  readonly runtime: RuntimeConfigService;
  readonly chart: ChartDataStore;
  readonly prices: LivePrices;
  /** Where committed order events go (the trade-updates stream reads them). */
  readonly updates: OrderUpdates;
  readonly benchmarkSymbol: string;
  /** Each account's attached session; it outlives a desk that is discarded and loaded again. */
  readonly sessions: Map<string, TickSession>;
  /** Whether the market accepts fills now: while it is closed no price is traded on. */
  marketOpen(): Promise<boolean>;
  /** Market hours now: under a volume cap only bars of the regular session fill orders. */
  marketStatus(): Promise<MarketStatusResponse>;
  /** The account traded: a symbol new to it should have its corporate actions in its engine soon. */
  corporateActionsWanted(accountId: string): void;
  /** Called when a write failed: the desk's memory may be ahead of the database and must be rebuilt. */
  discard(accountId: string): void;
}

/** What a change of the engine adds to its own output when it is committed. */
export interface CommitExtras {
  readonly session?: SessionProgress;
  /** Write an equity snapshot even without fills (every tick does). */
  readonly snapshot?: boolean;
  readonly clientOrders?: readonly (ClientOrderTag & { readonly orderId: string })[];
  readonly replacement?: Replacement;
}
