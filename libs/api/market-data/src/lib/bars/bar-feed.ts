import type { Bar } from '@ptp/domain';
import { Subject } from 'rxjs';
import { BarHistory } from './bar-history';

/**
 * A provider's completed 1-minute bars: the history `recentBars` reads and the stream `bars$` pushes,
 * kept together so the stream never carries a bar the history does not hold.
 *
 * Publishing is idempotent per symbol and minute: a bar at or before the newest one held is never
 * emitted, so sources that overlap (REST aggregates, WebSocket minutes, a retried fetch) can neither
 * repeat nor reorder the stream.
 */
export class BarFeed {
  private readonly history: BarHistory;
  private readonly published = new Subject<Bar>();
  private readonly recorded = new Subject<Bar>();
  readonly bars$ = this.published.asObservable();
  /** Bars taken as history (`record`), for a market-data leader that shares them with its peers. */
  readonly history$ = this.recorded.asObservable();

  constructor(capacity: number) {
    this.history = new BarHistory(capacity);
  }

  /** Holds and emits a bar newer than any held for its symbol; false for one already known. */
  publish(bar: Bar): boolean {
    if (!this.isNew(bar)) return false;
    this.history.append(bar);
    this.published.next(bar);
    return true;
  }

  /** History that is not news: warm-up bars loaded when a symbol is first watched. */
  record(bar: Bar): void {
    if (this.history.append(bar)) this.recorded.next(bar);
  }

  /** A corrected version of the newest minute replaces it silently (its first version was emitted). */
  revise(bar: Bar): void {
    if (this.history.last(bar.symbol)?.time === bar.time) this.history.append(bar);
  }

  /** Lets go of the symbols' history. */
  forget(symbols: readonly string[]): void {
    for (const symbol of symbols) this.history.forget(symbol);
  }

  isNew(bar: Bar): boolean {
    const last = this.history.last(bar.symbol);
    return !last || bar.time > last.time;
  }

  last(symbol: string): Bar | undefined {
    return this.history.last(symbol);
  }

  recent(symbol: string, count: number): Bar[] {
    return this.history.recent(symbol, count);
  }

  range(symbol: string, from: number, to: number): Bar[] {
    return this.history.range(symbol, from, to);
  }

  complete(): void {
    this.published.complete();
    this.recorded.complete();
  }
}
