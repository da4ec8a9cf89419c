import { tradingDayOf } from '../engine/session-clock';
import { type SessionMinute, SessionLocator } from './session-minutes';
import { simulatedCorporateActions } from './simulated-corporate-actions';
import { type SimulatedMinute, SymbolSimulator } from './symbol-simulator';
import { symbolProfile, type SymbolProfile } from './symbol-profiles';

export interface MarketSimulatorOptions {
  readonly seed: number;
  readonly symbols: readonly string[];
  /**
   * When true, minutes outside NYSE regular sessions produce nothing; otherwise the market never
   * closes.
   */
  readonly followMarketHours: boolean;
  /** Overrides of the built-in or derived profiles. */
  readonly profiles?: readonly SymbolProfile[];
  /**
   * Prices jump at the splits `simulatedCorporateActions` announces for the seed (off by default):
   * from the first minute of an execution date on, prices are on the new basis.
   */
  readonly splits?: boolean;
}

/** The New York date a symbol's path is in, and when the next one starts. */
interface PathDay {
  date: string;
  end: number;
}

/** Outside a session (always-open mode) the market behaves like its quiet midday. */
const OFF_HOURS_MINUTE = { fraction: 0.5, opening: false };

/**
 * A whole simulated market: one SymbolSimulator per symbol, each with its own stream derived from
 * the seed and the symbol, so adding a symbol never changes the paths of the others.
 */
export class MarketSimulator {
  private readonly simulators = new Map<string, SymbolSimulator>();
  private readonly locator = new SessionLocator();
  private readonly overrides: ReadonlyMap<string, SymbolProfile>;
  private readonly days = new Map<string, PathDay>();

  constructor(private readonly options: MarketSimulatorOptions) {
    this.overrides = new Map((options.profiles ?? []).map((p) => [p.symbol, p]));
    for (const symbol of options.symbols) this.addSymbol(symbol);
  }

  get symbols(): string[] {
    return [...this.simulators.keys()];
  }

  has(symbol: string): boolean {
    return this.simulators.has(symbol);
  }

  addSymbol(symbol: string): void {
    if (!this.simulators.has(symbol)) {
      this.simulators.set(
        symbol,
        new SymbolSimulator(this.overrides.get(symbol) ?? symbolProfile(symbol), this.options.seed),
      );
    }
  }

  /** Drops a symbol; added again later, it starts over from its profile. */
  removeSymbol(symbol: string): void {
    this.simulators.delete(symbol);
    this.days.delete(symbol);
  }

  /** Whether the minute starting at `time` trades. */
  isTrading(time: number): boolean {
    return !this.options.followMarketHours || this.locator.locate(time) !== null;
  }

  /**
   * The minute starting at `time` (UTC ms, whole minute) of every symbol, or of `only` those; empty
   * while the market is closed.
   */
  step(time: number, only?: readonly string[]): SimulatedMinute[] {
    const minute: Omit<SessionMinute, 'time'> | null =
      this.locator.locate(time) ?? (this.options.followMarketHours ? null : OFF_HOURS_MINUTE);
    if (!minute) return [];
    const opening = this.options.followMarketHours && minute.opening;
    const simulators = only
      ? only.flatMap((symbol) => this.simulators.get(symbol) ?? [])
      : [...this.simulators.values()];
    if (this.options.splits)
      for (const simulator of simulators) this.splitOnNewDay(simulator, time);
    return simulators.map((simulator) => simulator.nextMinute(time, minute.fraction, opening));
  }

  /** The first minute of a new day applies the splits executed since the path's previous day. */
  private splitOnNewDay(simulator: SymbolSimulator, time: number): void {
    const symbol = simulator.profile.symbol;
    const known = this.days.get(symbol);
    if (known && time < known.end) return;
    const day = tradingDayOf(time);
    this.days.set(symbol, { date: day.date, end: day.end });
    if (!known) return;
    const { splits } = simulatedCorporateActions(
      this.options.seed,
      [symbol],
      known.date,
      day.date,
      { splits: true, dividends: false },
    );
    for (const split of splits)
      if (split.execution_date > known.date) simulator.split(split.split_from, split.split_to);
  }
}
