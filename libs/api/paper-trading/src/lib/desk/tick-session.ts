import type { BarInbox } from './bar-inbox';

/** What the desk needs to know about an account's running session. */
export interface TickSession {
  readonly id: string;
  readonly accountId: string;
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  readonly symbols: readonly string[];
  /** Newest bar time consumed per symbol. */
  cursor: Record<string, number>;
  lastTickAt: number | null;
  /** Completed bars pushed by MarketData that the next tick trades on. */
  readonly inbox: BarInbox;
}
