import { SeededRandom } from './seeded-random';

/**
 * How one simulated symbol behaves. Drift and volatility are annualised (252 sessions of 390
 * minutes).
 */
export interface SymbolProfile {
  readonly symbol: string;
  readonly startPrice: number;
  readonly annualDrift: number;
  readonly annualVolatility: number;
  /** Typical quoted spread in basis points of the price at midday. */
  readonly spreadBps: number;
  /** Average shares traded per regular-session minute. */
  readonly averageMinuteVolume: number;
}

/**
 * Liquid US tickers and ETFs with start prices, volatilities and volumes of the right order (late
 * 2025).
 */
export const DEFAULT_SYMBOL_PROFILES: readonly SymbolProfile[] = [
  {
    symbol: 'SPY',
    startPrice: 590,
    annualDrift: 0.08,
    annualVolatility: 0.16,
    spreadBps: 0.5,
    averageMinuteVolume: 180_000,
  },
  {
    symbol: 'QQQ',
    startPrice: 510,
    annualDrift: 0.1,
    annualVolatility: 0.2,
    spreadBps: 0.6,
    averageMinuteVolume: 110_000,
  },
  {
    symbol: 'AAPL',
    startPrice: 225,
    annualDrift: 0.1,
    annualVolatility: 0.26,
    spreadBps: 1,
    averageMinuteVolume: 130_000,
  },
  {
    symbol: 'MSFT',
    startPrice: 420,
    annualDrift: 0.1,
    annualVolatility: 0.24,
    spreadBps: 1,
    averageMinuteVolume: 55_000,
  },
  {
    symbol: 'NVDA',
    startPrice: 135,
    annualDrift: 0.2,
    annualVolatility: 0.5,
    spreadBps: 1.5,
    averageMinuteVolume: 600_000,
  },
  {
    symbol: 'AMZN',
    startPrice: 200,
    annualDrift: 0.1,
    annualVolatility: 0.32,
    spreadBps: 1.5,
    averageMinuteVolume: 100_000,
  },
  {
    symbol: 'GOOGL',
    startPrice: 170,
    annualDrift: 0.08,
    annualVolatility: 0.3,
    spreadBps: 1.5,
    averageMinuteVolume: 70_000,
  },
  {
    symbol: 'META',
    startPrice: 580,
    annualDrift: 0.12,
    annualVolatility: 0.36,
    spreadBps: 2,
    averageMinuteVolume: 35_000,
  },
  {
    symbol: 'TSLA',
    startPrice: 250,
    annualDrift: 0.05,
    annualVolatility: 0.6,
    spreadBps: 2,
    averageMinuteVolume: 250_000,
  },
  {
    symbol: 'AMD',
    startPrice: 140,
    annualDrift: 0.08,
    annualVolatility: 0.48,
    spreadBps: 2,
    averageMinuteVolume: 110_000,
  },
];

export const DEFAULT_SIMULATED_WATCHLIST: readonly string[] = DEFAULT_SYMBOL_PROFILES.map(
  (p) => p.symbol,
);

const BY_SYMBOL = new Map(DEFAULT_SYMBOL_PROFILES.map((p) => [p.symbol, p]));

/**
 * The profile of a default ticker, or a plausible one derived from the symbol's name for any other
 * ticker, so a user's own watchlist simulates without configuration (and always the same way).
 */
export function symbolProfile(symbol: string): SymbolProfile {
  const known = BY_SYMBOL.get(symbol);
  if (known) return known;
  const random = new SeededRandom(`profile:${symbol}`);
  return {
    symbol,
    startPrice: Math.round(Math.exp(Math.log(10) + random.next() * Math.log(50)) * 100) / 100,
    annualDrift: 0.02 + random.next() * 0.1,
    annualVolatility: 0.2 + random.next() * 0.4,
    spreadBps: 1 + random.next() * 4,
    averageMinuteVolume: Math.round(5_000 + random.next() * 95_000),
  };
}
