import type { Bar } from '../market/bar';
import { HighestHigh, LowestLow } from '../indicators/previous-bars';
import { Rsi } from '../indicators/rsi';
import { Sma } from '../indicators/sma';
import { defineStrategy, integerParam, numberParam } from './define-strategy';
import { signal, warmingUp } from './signals';
import type { SignalAction, Strategy, StrategyContext, StrategySignal } from './strategy';

export interface MixedParams {
  readonly fast: number;
  readonly slow: number;
  readonly rsiPeriod: number;
  readonly oversold: number;
  readonly overbought: number;
  readonly entryPeriod: number;
  readonly exitPeriod: number;
}

const ENTER_AT_SCORE = 2;
const EXIT_AT_SCORE = -1;

const vote = (up: boolean, down: boolean): number => (up ? 1 : down ? -1 : 0);
const trendVote = (smaFast: number, smaSlow: number): number =>
  vote(smaFast > smaSlow, smaFast < smaSlow);
const breakoutVote = (close: number, highestHigh: number, lowestLow: number): number =>
  vote(close > highestHigh, close < lowestLow);

/**
 * Votes trend, RSI and breakout into one score: enter when flat at ≥ 2, exit when holding at ≤ −1.
 */
export class MixedStrategy implements Strategy {
  readonly name = 'mixed';
  private readonly fast: Sma;
  private readonly slow: Sma;
  private readonly rsi: Rsi;
  private readonly highestHigh: HighestHigh;
  private readonly lowestLow: LowestLow;
  private readonly last = { close: 0, holding: false };

  constructor(private readonly params: MixedParams) {
    this.fast = new Sma(params.fast);
    this.slow = new Sma(params.slow);
    this.rsi = new Rsi(params.rsiPeriod);
    this.highestHigh = new HighestHigh(params.entryPeriod);
    this.lowestLow = new LowestLow(params.exitPeriod);
  }

  onBar(bar: Bar, context: StrategyContext): StrategySignal {
    this.evaluate(bar, context);
    return this.describe();
  }

  evaluate(bar: Bar, { holding }: StrategyContext): SignalAction {
    const smaFast = this.fast.update(bar.close);
    const smaSlow = this.slow.update(bar.close);
    const rsi = this.rsi.update(bar.close);
    const highestHigh = this.highestHigh.update(bar);
    const lowestLow = this.lowestLow.update(bar);
    this.last.close = bar.close;
    this.last.holding = holding;
    if (
      smaFast === null ||
      smaSlow === null ||
      rsi === null ||
      highestHigh === null ||
      lowestLow === null
    )
      return 'hold';
    const score =
      trendVote(smaFast, smaSlow) +
      this.rsiVote(rsi) +
      breakoutVote(bar.close, highestHigh, lowestLow);
    return !holding && score >= ENTER_AT_SCORE
      ? 'enter'
      : holding && score <= EXIT_AT_SCORE
        ? 'exit'
        : 'hold';
  }

  describe(): StrategySignal {
    const { close, holding } = this.last;
    const smaFast = this.fast.value;
    const smaSlow = this.slow.value;
    const rsi = this.rsi.value;
    const highestHigh = this.highestHigh.value;
    const lowestLow = this.lowestLow.value;
    if (
      smaFast === null ||
      smaSlow === null ||
      rsi === null ||
      highestHigh === null ||
      lowestLow === null
    ) {
      return warmingUp({ close, smaFast, smaSlow, rsi, highestHigh, lowestLow });
    }
    const trend = trendVote(smaFast, smaSlow);
    const rsiVote = this.rsiVote(rsi);
    const breakout = breakoutVote(close, highestHigh, lowestLow);
    const score = trend + rsiVote + breakout;
    const indicators = {
      close,
      smaFast,
      smaSlow,
      rsi,
      highestHigh,
      lowestLow,
      trend,
      rsiVote,
      breakoutVote: breakout,
      score,
    };
    // Reasons on 'hold' are constant strings, and the votes are in the indicators.
    if (!holding && score >= ENTER_AT_SCORE) {
      return signal(
        'enter',
        `score ${score} ≥ ${ENTER_AT_SCORE} (trend ${trend}, rsi ${rsiVote}, breakout ${breakout})`,
        indicators,
      );
    }
    if (holding && score <= EXIT_AT_SCORE) {
      return signal(
        'exit',
        `score ${score} ≤ ${EXIT_AT_SCORE} (trend ${trend}, rsi ${rsiVote}, breakout ${breakout})`,
        indicators,
      );
    }
    return signal(
      'hold',
      holding ? 'score above the exit threshold' : 'score below the entry threshold',
      indicators,
    );
  }

  private rsiVote(rsi: number): number {
    return vote(rsi < this.params.oversold, rsi > this.params.overbought);
  }

  adjustForSplit(ratio: number): void {
    const price = (value: number) => value / ratio;
    for (const indicator of [this.fast, this.slow, this.rsi, this.highestHigh, this.lowestLow])
      indicator.rescale(price);
    this.last.close = price(this.last.close);
  }

  isReady(): boolean {
    return [this.fast, this.slow, this.rsi, this.highestHigh, this.lowestLow].every((i) =>
      i.isReady(),
    );
  }
}

export const MIXED = defineStrategy({
  name: 'mixed',
  title: 'Mixed score',
  description:
    'score = trend (SMA fast vs slow) + RSI vote (+1 ' +
    'oversold, −1 overbought) + breakout vote (+1 above the ' +
    'previous-N high, −1 below the previous-M low). Enters when ' +
    'flat and score ≥ 2; exits when holding and score ≤ −1.',
  params: [
    integerParam('fast', 'Fast SMA period', 'Bars in the fast SMA of the trend vote.', 10, 1, 500),
    integerParam('slow', 'Slow SMA period', 'Bars in the slow SMA of the trend vote.', 30, 2, 1000),
    integerParam('rsiPeriod', 'RSI period', "Bars in Wilder's RSI of the RSI vote.", 14, 2, 500),
    numberParam('oversold', 'Oversold level', 'RSI below this votes +1.', 30, 0, 100),
    numberParam('overbought', 'Overbought level', 'RSI above this votes −1.', 70, 0, 100),
    integerParam(
      'entryPeriod',
      'Breakout lookback',
      'Previous bars for the highest high (+1 vote).',
      20,
      1,
      500,
    ),
    integerParam(
      'exitPeriod',
      'Breakdown lookback',
      'Previous bars for the lowest low (−1 vote).',
      10,
      1,
      500,
    ),
  ],
  orderings: [
    { lesser: 'fast', greater: 'slow' },
    { lesser: 'oversold', greater: 'overbought' },
  ],
  build: (p) => new MixedStrategy(p),
});
