import { newYorkWallTimeToUtc } from '../../calendar/new-york-time';
import { NO_FEES } from '../../execution/fees';
import type { Bar } from '../../market/bar';
import { DEFAULT_RISK_CONFIG } from '../../risk/risk-config';
import type { EngineConfig } from '../engine-config';

/** A small account without fees, slippage or market hours; override what a test needs. */
export const engineConfig = (overrides: Partial<EngineConfig> = {}): EngineConfig => ({
  startingCash: 10_000,
  strategies: {},
  risk: { ...DEFAULT_RISK_CONFIG, enforceMarketHours: false, maxPositionPct: 100 },
  fees: NO_FEES,
  slippageBps: 0,
  sizing: { mode: 'auto' },
  ...overrides,
});

/** 1-minute bars of one symbol in the New York session of `date`, from 09:30 on. */
export function minuteBars(
  symbol: string,
  date: string,
  closes: readonly number[],
  firstMinute = 570,
): Bar[] {
  return closes.map((close, i) => ({
    symbol,
    time: newYorkWallTimeToUtc(date, firstMinute + i),
    open: close,
    high: close,
    low: close,
    close,
    volume: 100,
  }));
}
