import type { Logger } from '@nestjs/common';
import type { MarketDataService } from '@ptp/api/market-data';
import {
  actionsAfter,
  type CorporateActions,
  dividendKey,
  NO_CORPORATE_ACTIONS,
  splitKey,
  type TradingEngine,
} from '@ptp/domain';
import type { AccountDesk } from './account-desk';

/** How often every loaded account's actions are looked at again (providers cache them per day). */
export const CORPORATE_ACTIONS_REFRESH_MS = 60_000;

/** What the feed needs of the desks: the accounts loaded here, their symbols, and their queue. */
export interface CorporateActionHost {
  accountIds(): readonly string[];
  /** The symbols an account trades or holds; null when its desk is not loaded (any more). */
  symbolsOf(accountId: string): readonly string[] | null;
  /** The symbols' splits and dividends around the market's date; never rejects. */
  actionsOf(symbols: readonly string[]): Promise<CorporateActions>;
  /** Hands them to the account's engine, in the account's queue. */
  schedule(accountId: string, actions: CorporateActions): Promise<void>;
  warn(message: string): void;
}

/**
 * Keeps the engines of live accounts supplied with the corporate actions of what they trade, so a
 * split or dividend applies live exactly as in a backtest: every account is refreshed once a minute
 * (the market's window moves on daily, and the provider asks upstream at most daily per symbol),
 * and at once when it is loaded or trades a symbol it had no actions for. A failure is logged and
 * the next refresh tries again.
 */
export class CorporateActionFeed {
  private timer: NodeJS.Timeout | null = null;
  /** Accounts with a refresh running: a burst of requests for one account runs it once. */
  private readonly running = new Set<string>();
  /** The symbols each account's last refresh covered. */
  private readonly covered = new Map<string, ReadonlySet<string>>();

  constructor(private readonly host: CorporateActionHost) {}

  /** The feed of the loaded desks, from the market-data provider, scheduled in each account's queue. */
  static forDesks(
    desks: ReadonlyMap<string, AccountDesk>,
    marketData: Pick<MarketDataService, 'corporateActions'>,
    logger: Pick<Logger, 'warn'>,
    exclusive: (accountId: string, task: () => Promise<void>) => Promise<void>,
  ): CorporateActionFeed {
    return new CorporateActionFeed({
      accountIds: () => [...desks.keys()],
      symbolsOf: (accountId) => desks.get(accountId)?.tradedSymbols() ?? null,
      actionsOf: (symbols) => marketData.corporateActions(symbols),
      schedule: (accountId, actions) =>
        exclusive(accountId, async () => {
          await desks.get(accountId)?.scheduleCorporateActions(actions);
        }),
      warn: (message) => logger.warn(message),
    });
  }

  start(everyMs = CORPORATE_ACTIONS_REFRESH_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const accountId of this.host.accountIds()) this.refresh(accountId);
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Refreshes the account if it trades a symbol its last refresh did not cover. */
  wanted(accountId: string): void {
    const covered = this.covered.get(accountId);
    const symbols = this.host.symbolsOf(accountId) ?? [];
    if (!covered || symbols.some((symbol) => !covered.has(symbol))) this.refresh(accountId);
  }

  forget(accountId: string): void {
    this.covered.delete(accountId);
  }

  refresh(accountId: string): void {
    if (this.running.has(accountId)) return;
    this.running.add(accountId);
    void this.run(accountId)
      .catch((error: unknown) =>
        this.host.warn(
          `corporate actions of account ${accountId} not scheduled: ${(error as Error).message}`,
        ),
      )
      .finally(() => this.running.delete(accountId));
  }

  private async run(accountId: string): Promise<void> {
    const symbols = this.host.symbolsOf(accountId);
    if (!symbols) return;
    this.covered.set(accountId, new Set(symbols));
    // Even with nothing to ask for, the engine writes what a new day applied (a dividend paid).
    const actions = symbols.length > 0 ? await this.host.actionsOf(symbols) : NO_CORPORATE_ACTIONS;
    await this.host.schedule(accountId, actions);
  }
}

/**
 * Schedules in the engine the actions that take effect after its current trading day (one learnt of
 * on its own day is already in that day's prices: see `actionsAfter`). Returns whether any was new
 * to `known`, the keys handed over before, which it extends.
 */
export function scheduleUpcoming(
  engine: TradingEngine,
  actions: CorporateActions,
  known: Set<string>,
): boolean {
  const upcoming = actionsAfter(actions, engine.tradingDate);
  const keys = [...upcoming.splits.map(splitKey), ...upcoming.dividends.map(dividendKey)];
  const fresh = keys.filter((key) => !known.has(key));
  for (const key of fresh) known.add(key);
  engine.scheduleCorporateActions(upcoming);
  return fresh.length > 0;
}
