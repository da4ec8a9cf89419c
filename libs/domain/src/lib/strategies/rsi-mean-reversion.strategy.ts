import type { Bar } from '../market/bar';
import { Rsi } from '../indicators/rsi';
import { defineStrategy, integerParam, numberParam } from './define-strategy';
import { signal, warmingUp } from './signals';
import type { SignalAction, Strategy, StrategyContext, StrategySignal } from './strategy';

export interface RsiMeanReversionParams {
  readonly period: number;
  readonly oversold: number;
  readonly overbought: number;
}

/** Buys weakness (RSI below oversold) and sells strength (RSI above overbought). */
export class RsiMeanReversionStrategy implements Strategy {
  readonly name = 'rsi-mean-reversion';
  private readonly rsi: Rsi;
  private holding = false;

  constructor(private readonly params: RsiMeanReversionParams) {
    this.rsi = new Rsi(params.period);
  }

  onBar(bar: Bar, context: StrategyContext): StrategySignal {
    this.evaluate(bar, context);
    return this.describe();
  }

  evaluate(bar: Bar, { holding }: StrategyContext): SignalAction {
    const rsi = this.rsi.update(bar.close);
    this.holding = holding;
    if (rsi === null) return 'hold';
    return !holding && rsi < this.params.oversold
      ? 'enter'
      : holding && rsi > this.params.overbought
        ? 'exit'
        : 'hold';
  }

  describe(): StrategySignal {
    const rsi = this.rsi.value;
    const holding = this.holding;
    const indicators = { rsi };
    if (rsi === null) {
      return warmingUp(indicators);
    }
    if (!holding && rsi < this.params.oversold) {
      return signal(
        'enter',
        `RSI ${rsi.toFixed(2)} below oversold ${this.params.oversold}`,
        indicators,
      );
    }
    if (holding && rsi > this.params.overbought) {
      return signal(
        'exit',
        `RSI ${rsi.toFixed(2)} above overbought ${this.params.overbought}`,
        indicators,
      );
    }
    return signal(
      'hold',
      holding ? 'RSI not above overbought' : 'RSI not below oversold',
      indicators,
    );
  }

  adjustForSplit(ratio: number): void {
    this.rsi.rescale((value) => value / ratio);
  }

  isReady(): boolean {
    return this.rsi.isReady();
  }
}

export const RSI_MEAN_REVERSION = defineStrategy({
  name: 'rsi-mean-reversion',
  title: 'RSI mean reversion',
  description:
    "Enters when flat and Wilder's RSI is below the oversold level; " +
    'exits when holding and RSI is above the overbought level.',
  params: [
    integerParam('period', 'RSI period', "Bars in Wilder's RSI.", 14, 2, 500),
    numberParam('oversold', 'Oversold level', 'Enter when RSI falls below this.', 30, 0, 100),
    numberParam('overbought', 'Overbought level', 'Exit when RSI rises above this.', 70, 0, 100),
  ],
  orderings: [{ lesser: 'oversold', greater: 'overbought' }],
  build: (p) => new RsiMeanReversionStrategy(p),
});
