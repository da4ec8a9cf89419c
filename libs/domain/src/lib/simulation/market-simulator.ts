import { type SessionMinute, SessionLocator } from './session-minutes';
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
    return simulators.map((simulator) => simulator.nextMinute(time, minute.fraction, opening));
  }
}
