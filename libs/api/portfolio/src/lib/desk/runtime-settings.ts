/** The runtime settings a session and the risk display need (defaults of /paper-trading/start). */
export interface RuntimeSettings {
  readonly strategy: string;
  readonly strategyParams: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly watchlist: readonly string[];
  readonly signalIntervalSec: number;
  readonly dailyLossLimitPct: number;
}
