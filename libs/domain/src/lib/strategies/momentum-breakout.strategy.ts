import type { Bar } from '../market/bar';
import { HighestHigh, LowestLow, PreviousVolumeSma } from '../indicators/previous-bars';
import { defineStrategy, integerParam, numberParam } from './define-strategy';
import { signal, warmingUp } from './signals';
import type { SignalAction, Strategy, StrategyContext, StrategySignal } from './strategy';

export interface MomentumBreakoutParams {
  readonly entryPeriod: number;
  readonly exitPeriod: number;
  readonly volumeMultiple: number;
}

/**
 * Donchian-style breakout confirmed by volume. Every level is computed over the bars BEFORE the
 * current one, so a bar can break out of a channel that it does not itself widen.
 */
export class MomentumBreakoutStrategy implements Strategy {
  readonly name = 'momentum-breakout';
  private readonly highestHigh: HighestHigh;
  private readonly lowestLow: LowestLow;
  private readonly volumeMean: PreviousVolumeSma;
  private readonly last = { close: 0, volume: 0, holding: false };

  constructor(private readonly params: MomentumBreakoutParams) {
    this.highestHigh = new HighestHigh(params.entryPeriod);
    this.lowestLow = new LowestLow(params.exitPeriod);
    this.volumeMean = new PreviousVolumeSma(params.entryPeriod);
  }

  onBar(bar: Bar, context: StrategyContext): StrategySignal {
    this.evaluate(bar, context);
    return this.describe();
  }

  evaluate(bar: Bar, { holding }: StrategyContext): SignalAction {
    const highestHigh = this.highestHigh.update(bar);
    const lowestLow = this.lowestLow.update(bar);
    const volumeMean = this.volumeMean.update(bar);
    const last = this.last;
    last.close = bar.close;
    last.volume = bar.volume;
    last.holding = holding;
    if (highestHigh === null || lowestLow === null || volumeMean === null) return 'hold';
    if (!holding && bar.close > highestHigh && bar.volume > this.params.volumeMultiple * volumeMean)
      return 'enter';
    return holding && bar.close < lowestLow ? 'exit' : 'hold';
  }

  describe(): StrategySignal {
    const { close, volume, holding } = this.last;
    const highestHigh = this.highestHigh.value;
    const lowestLow = this.lowestLow.value;
    const volumeMean = this.volumeMean.value;
    const indicators = { close, volume, highestHigh, lowestLow, volumeMean };
    if (highestHigh === null || lowestLow === null || volumeMean === null) {
      return warmingUp(indicators);
    }
    const volumeThreshold = this.params.volumeMultiple * volumeMean;
    if (!holding && close > highestHigh && volume > volumeThreshold) {
      return signal(
        'enter',
        `close broke above the ${this.params.entryPeriod}-bar high on volume`,
        indicators,
      );
    }
    if (holding && close < lowestLow) {
      return signal('exit', `close fell below the ${this.params.exitPeriod}-bar low`, indicators);
    }
    if (!holding && close > highestHigh) {
      return signal('hold', 'breakout without volume confirmation', indicators);
    }
    return signal('hold', holding ? 'close not below the exit channel' : 'no breakout', indicators);
  }

  adjustForSplit(ratio: number): void {
    const price = (value: number) => value / ratio;
    this.highestHigh.rescale(price);
    this.lowestLow.rescale(price);
    this.volumeMean.rescale((value) => value * ratio);
    this.last.close = price(this.last.close);
    this.last.volume *= ratio;
  }

  isReady(): boolean {
    return this.highestHigh.isReady() && this.lowestLow.isReady() && this.volumeMean.isReady();
  }
}

export const MOMENTUM_BREAKOUT = defineStrategy({
  name: 'momentum-breakout',
  title: 'Momentum breakout',
  description:
    'Enters when the close exceeds the highest high of ' +
    'the previous N bars and volume exceeds a multiple of ' +
    'their mean volume; exits when the close falls below the lowest low of the previous M bars.',
  params: [
    integerParam(
      'entryPeriod',
      'Entry lookback',
      'Previous bars for the highest high and the mean volume.',
      20,
      1,
      500,
    ),
    integerParam('exitPeriod', 'Exit lookback', 'Previous bars for the lowest low.', 10, 1, 500),
    numberParam(
      'volumeMultiple',
      'Volume multiple',
      'Volume must exceed this multiple of the mean volume.',
      1.5,
      0,
      100,
    ),
  ],
  build: (p) => new MomentumBreakoutStrategy(p),
});
