import type { Bar } from '../market/bar';
import { RollingMax, RollingMin } from './rolling-extreme';
import { Sma } from './sma';
import type { StreamingIndicator } from './streaming-indicator';

/**
 * Shifts an indicator by one bar so that its value for bar t covers the `period` bars BEFORE t.
 * `update(bar)` returns the level a strategy compares bar t against (e.g. "close above the highest
 * high of the previous 20 bars") and only then adds bar t to the window; `upcoming` is the level
 * the next bar will be compared against.
 */
export class PreviousBars<TInput> implements StreamingIndicator<TInput> {
  // A double and a flag rather than `number | null`: storing a fresh double into a field that also
  // holds null boxes it, an allocation on every bar.
  private ready = false;
  private current = 0;

  constructor(private readonly inner: StreamingIndicator<TInput>) {}

  get period(): number {
    return this.inner.period;
  }

  get value(): number | null {
    return this.ready ? this.current : null;
  }

  get upcoming(): number | null {
    return this.inner.value;
  }

  update(input: TInput): number | null {
    const previous = this.inner.value;
    if (previous !== null) {
      this.current = previous;
      this.ready = true;
    }
    this.inner.update(input);
    return this.value;
  }

  isReady(): boolean {
    return this.ready;
  }

  rescale(scale: (value: number) => number): void {
    this.inner.rescale(scale);
    this.current = scale(this.current);
  }
}

/**
 * The highs (or lows) of bars through a rolling extreme. Classes rather than a closure adapter or a
 * field name: an object literal with a getter gets a hidden class of its own and `bar[field]` is a
 * keyed load, both of which made every bar's update megamorphic.
 */
abstract class BarExtreme<TInput> implements StreamingIndicator<TInput> {
  constructor(protected readonly extreme: RollingMax | RollingMin) {}

  get period(): number {
    return this.extreme.period;
  }

  get value(): number | null {
    return this.extreme.value;
  }

  abstract update(bar: TInput): number | null;

  isReady(): boolean {
    return this.extreme.isReady();
  }

  rescale(scale: (value: number) => number): void {
    this.extreme.rescale(scale);
  }
}

class BarHighs extends BarExtreme<Pick<Bar, 'high'>> {
  update(bar: Pick<Bar, 'high'>): number | null {
    return this.extreme.update(bar.high);
  }
}

class BarLows extends BarExtreme<Pick<Bar, 'low'>> {
  update(bar: Pick<Bar, 'low'>): number | null {
    return this.extreme.update(bar.low);
  }
}

/** Highest high of the previous `period` bars, the current bar excluded (Donchian upper band). */
export class HighestHigh extends PreviousBars<Pick<Bar, 'high'>> {
  constructor(period: number) {
    super(new BarHighs(new RollingMax(period)));
  }
}

/** Lowest low of the previous `period` bars, the current bar excluded (Donchian lower band). */
export class LowestLow extends PreviousBars<Pick<Bar, 'low'>> {
  constructor(period: number) {
    super(new BarLows(new RollingMin(period)));
  }
}

/** SMA of volume over the last `period` bars, the current bar included. */
export class VolumeSma implements StreamingIndicator<Pick<Bar, 'volume'>> {
  private readonly sma: Sma;

  constructor(readonly period: number) {
    this.sma = new Sma(period);
  }

  get value(): number | null {
    return this.sma.value;
  }

  update(bar: Pick<Bar, 'volume'>): number | null {
    return this.sma.update(bar.volume);
  }

  isReady(): boolean {
    return this.sma.isReady();
  }

  rescale(scale: (value: number) => number): void {
    this.sma.rescale(scale);
  }
}

/**
 * Mean volume of the previous `period` bars, the current bar excluded (the breakout volume
 * baseline).
 */
export class PreviousVolumeSma extends PreviousBars<Pick<Bar, 'volume'>> {
  constructor(period: number) {
    super(new VolumeSma(period));
  }
}
