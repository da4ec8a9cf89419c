import { MINUTE_MS } from '../calendar/calendar-date';
import type { Bar, QuoteTick, TradeTick } from '../market/bar';
import { intradayVolatility, intradayVolume, SESSION_MINUTES } from './intraday-profile';
import { SeededRandom } from './seeded-random';
import type { SymbolProfile } from './symbol-profiles';

const MINUTES_PER_YEAR = 252 * SESSION_MINUTES;

/**
 * GARCH(1,1) weights: α + β < 1 keeps the variance mean-reverting; β near 1 gives long-lived
 * clusters.
 */
const GARCH_ALPHA = 0.1;
const GARCH_BETA = 0.88;
/**
 * Chance of a jump in any minute (about one and a half a session) and its size in minute-σ units.
 * Jumps carry JUMP_PROBABILITY · JUMP_SIGMAS² = 10 % of the variance; the diffusion carries the
 * rest.
 */
const JUMP_PROBABILITY = 0.004;
const JUMP_SIGMAS = 5;
const DIFFUSION_SHARE = 1 - JUMP_PROBABILITY * JUMP_SIGMAS * JUMP_SIGMAS;
/** An overnight gap is as wide as this many minutes of trading. */
const OVERNIGHT_GAP_MINUTES = 60;
/** Spread of log-volume noise, and how strongly a large move draws volume. */
const VOLUME_NOISE = 0.35;
const VOLUME_PER_SHOCK = 0.6;

/** One simulated minute: its bar, the quote at its end and its last trade. */
export interface SimulatedMinute {
  readonly bar: Bar;
  readonly quote: QuoteTick;
  readonly trade: TradeTick;
}

function roundPrice(price: number): number {
  return price >= 1 ? Math.round(price * 100) / 100 : Math.round(price * 10_000) / 10_000;
}

/**
 * Geometric Brownian motion with GARCH(1,1) volatility clustering, Gaussian jumps and a U-shaped
 * intraday volatility/volume profile for one symbol. Pure and deterministic: the same seed, profile
 * and sequence of calls give the same bars.
 */
export class SymbolSimulator {
  private readonly random: SeededRandom;
  /** Total per-minute variance the profile asks for (diffusion + jumps). */
  private readonly baseVariance: number;
  private readonly omega: number;
  private readonly driftPerMinute: number;
  private price: number;
  private variance: number;

  constructor(
    readonly profile: SymbolProfile,
    seed: number,
  ) {
    this.random = new SeededRandom(`${seed}:${profile.symbol}`);
    this.baseVariance = (profile.annualVolatility * profile.annualVolatility) / MINUTES_PER_YEAR;
    this.omega = this.baseVariance * DIFFUSION_SHARE * (1 - GARCH_ALPHA - GARCH_BETA);
    this.driftPerMinute = profile.annualDrift / MINUTES_PER_YEAR - this.baseVariance / 2;
    this.price = profile.startPrice;
    this.variance = this.baseVariance * DIFFUSION_SHARE;
  }

  /** The current (unrounded) price, i.e. the last close. */
  get lastPrice(): number {
    return this.price;
  }

  /** A split: from now on every `splitFrom` shares are `splitTo`, so the price is on the new basis. */
  split(splitFrom: number, splitTo: number): void {
    this.price = (this.price * splitFrom) / splitTo;
  }

  /**
   * The bar of the minute starting at `time`. `fraction` places the minute in the session (0 =
   * open, 1 = close); `opening` marks the first minute after a closed period, which opens with a
   * gap.
   */
  nextBar(time: number, fraction: number, opening = false): Bar {
    const random = this.random;
    const sigma = Math.sqrt(this.variance);
    const shock = sigma * random.normal();
    const jump =
      random.next() < JUMP_PROBABILITY
        ? JUMP_SIGMAS * Math.sqrt(this.baseVariance) * random.normal()
        : 0;
    // Only the diffusion feeds the GARCH recursion, so jumps do not inflate the long-run variance.
    this.variance = this.omega + GARCH_ALPHA * shock * shock + GARCH_BETA * this.variance;

    const gap = opening
      ? Math.sqrt(this.baseVariance * OVERNIGHT_GAP_MINUTES) * random.normal()
      : 0;
    const open = this.price * Math.exp(gap);
    const volatilityShape = intradayVolatility(fraction);
    const close = open * Math.exp(this.driftPerMinute + volatilityShape * shock + jump);
    const wick = volatilityShape * sigma * 0.5;
    const high = Math.max(open, close) * Math.exp(Math.abs(random.normal()) * wick);
    const low = Math.min(open, close) * Math.exp(-Math.abs(random.normal()) * wick);

    const surprise = Math.abs(shock + jump) / Math.sqrt(this.baseVariance);
    const volume = Math.round(
      this.profile.averageMinuteVolume *
        intradayVolume(fraction) *
        (1 - VOLUME_PER_SHOCK * 0.8 + VOLUME_PER_SHOCK * surprise) *
        Math.exp(VOLUME_NOISE * random.normal() - (VOLUME_NOISE * VOLUME_NOISE) / 2),
    );
    this.price = close;
    const roundedOpen = roundPrice(open);
    const roundedClose = roundPrice(close);
    return {
      symbol: this.profile.symbol,
      time,
      open: roundedOpen,
      high: Math.max(roundPrice(high), roundedOpen, roundedClose),
      low: Math.min(roundPrice(low), roundedOpen, roundedClose),
      close: roundedClose,
      volume: Math.max(volume, 1),
    };
  }

  /**
   * A bar plus the quote and the last trade at the end of its minute; the spread widens with the
   * intraday U.
   */
  nextMinute(time: number, fraction: number, opening = false): SimulatedMinute {
    const bar = this.nextBar(time, fraction, opening);
    const end = time + MINUTE_MS - 1;
    const tick = bar.close >= 1 ? 0.01 : 0.0001;
    const halfSpread = Math.max(
      tick,
      (bar.close * this.profile.spreadBps * intradayVolatility(fraction)) / 20_000,
    );
    const random = this.random;
    const lots = (scale: number) => 100 * (1 + Math.floor(random.next() * scale));
    return {
      bar,
      quote: {
        symbol: bar.symbol,
        time: end,
        bid: roundPrice(Math.max(tick, Math.floor((this.price - halfSpread) / tick) * tick)),
        ask: roundPrice(Math.ceil((this.price + halfSpread) / tick) * tick),
        bidSize: lots(10),
        askSize: lots(10),
      },
      trade: { symbol: bar.symbol, time: end, price: bar.close, size: lots(5) },
    };
  }
}
