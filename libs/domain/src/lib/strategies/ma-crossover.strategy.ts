import type { Bar } from '../market/bar';
import { Sma } from '../indicators/sma';
import { CrossDetector, sideOf, type Cross } from './cross-detector';
import { defineStrategy, integerParam } from './define-strategy';
import { signal, warmingUp } from './signals';
import type { SignalAction, Strategy, StrategyContext, StrategySignal } from './strategy';

export interface MaCrossoverParams {
  readonly fast: number;
  readonly slow: number;
}

/** Long when the fast SMA of closes crosses above the slow one; flat when it crosses back below. */
export class MaCrossoverStrategy implements Strategy {
  readonly name = 'ma-crossover';
  private readonly fast: Sma;
  private readonly slow: Sma;
  private readonly cross = new CrossDetector();
  /**
   * What describe() reports besides the SMAs, which it reads from the indicators (no per-bar boxing
   * of them here).
   */
  private readonly last: { cross: Cross; holding: boolean } = { cross: null, holding: false };

  constructor(params: MaCrossoverParams) {
    this.fast = new Sma(params.fast);
    this.slow = new Sma(params.slow);
  }

  onBar(bar: Bar, context: StrategyContext): StrategySignal {
    this.evaluate(bar, context);
    return this.describe();
  }

  evaluate(bar: Bar, { holding }: StrategyContext): SignalAction {
    const { last, fast, slow } = this;
    fast.update(bar.close);
    slow.update(bar.close);
    last.holding = holding;
    last.cross = this.isReady() ? this.cross.step(sideOf(fast.average, slow.average)) : null;
    return last.cross === 'above' && !holding
      ? 'enter'
      : last.cross === 'below' && holding
        ? 'exit'
        : 'hold';
  }

  describe(): StrategySignal {
    const { cross, holding } = this.last;
    const fast = this.fast.value;
    const slow = this.slow.value;
    const indicators = { smaFast: fast, smaSlow: slow };
    if (fast === null || slow === null) {
      return warmingUp(indicators);
    }
    if (cross === 'above' && !holding) {
      return signal('enter', 'fast SMA crossed above slow SMA', indicators);
    }
    if (cross === 'below' && holding) {
      return signal('exit', 'fast SMA crossed below slow SMA', indicators);
    }
    return signal(
      'hold',
      cross === null
        ? 'no crossover'
        : holding
          ? 'crossed above while holding'
          : 'crossed below while flat',
      indicators,
    );
  }

  adjustForSplit(ratio: number): void {
    const price = (value: number) => value / ratio;
    this.fast.rescale(price);
    this.slow.rescale(price);
  }

  isReady(): boolean {
    return this.fast.isReady() && this.slow.isReady();
  }
}

export const MA_CROSSOVER = defineStrategy({
  name: 'ma-crossover',
  title: 'Moving-average crossover',
  description:
    'Enters when the fast SMA of closes crosses above the ' +
    'slow SMA (fast > slow now, fast < slow on the most ' +
    'recent earlier bar where they differed); exits on the mirror-image cross below.',
  params: [
    integerParam(
      'fast',
      'Fast SMA period',
      'Bars in the fast simple moving average of closes.',
      10,
      1,
      500,
    ),
    integerParam(
      'slow',
      'Slow SMA period',
      'Bars in the slow simple moving average of closes.',
      30,
      2,
      1000,
    ),
  ],
  orderings: [{ lesser: 'fast', greater: 'slow' }],
  build: (p) => new MaCrossoverStrategy(p),
});
