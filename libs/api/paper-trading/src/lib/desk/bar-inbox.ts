import type { Bar } from '@ptp/domain';

/** Most bars per symbol one tick consumes; after a long pause older ones are skipped, not traded on. */
export const MAX_BARS_PER_TICK = 500;

/** Time order, symbols alphabetically within a time: the order bars go through an engine. */
export const barOrder = (a: Bar, b: Bar): number =>
  a.time - b.time || a.symbol.localeCompare(b.symbol);

/** What the inbox needs of a session: the symbols it trades and the newest bar it consumed of each. */
export interface InboxOwner {
  readonly symbols: readonly string[];
  readonly cursor: Readonly<Record<string, number>>;
}

/**
 * The completed bars a session has not consumed yet, per symbol: MarketData pushes each bar in
 * once as it completes, the next tick takes them all. Only bars after the session's cursor and after
 * the newest one already held are kept, so a bar is never traded twice.
 */
export class BarInbox {
  private readonly pending = new Map<string, Bar[]>();

  /** Keeps the bar if the session trades its symbol and has not seen it; true when it was kept. */
  offer(bar: Bar, session: InboxOwner): boolean {
    if (!session.symbols.includes(bar.symbol)) return false;
    const queue = this.pending.get(bar.symbol) ?? [];
    const newest = queue.length > 0 ? queue[queue.length - 1].time : Number.NEGATIVE_INFINITY;
    const consumed = session.cursor[bar.symbol] ?? Number.NEGATIVE_INFINITY;
    if (bar.time <= Math.max(newest, consumed)) return false;
    queue.push(bar);
    if (queue.length > MAX_BARS_PER_TICK) queue.shift();
    this.pending.set(bar.symbol, queue);
    return true;
  }

  /** Every pending bar in time order (symbols alphabetically within a time), leaving the inbox empty. */
  drain(): Bar[] {
    const bars = [...this.pending.values()].flat();
    this.pending.clear();
    return bars.sort(barOrder);
  }
}
