export type Cross = 'above' | 'below' | null;

/** 1 when a > b, −1 when a < b, 0 otherwise (equal, or NaN). */
export const sideOf = (a: number, b: number): -1 | 0 | 1 => (a > b ? 1 : a < b ? -1 : 0);

/**
 * Detects a crossover of two series with the rule "on this bar a > b, and on the most recent
 * earlier bar where a ≠ b, a < b" (and the mirror). Bars where a = b are skipped when looking back,
 * so a touch that returns to the same side is not a cross, and a cross through an equal bar is
 * still seen.
 */
export class CrossDetector {
  private lastSide: -1 | 0 | 1 = 0;

  update(a: number, b: number): Cross {
    return this.step(sideOf(a, b));
  }

  /**
   * update() given sideOf(a, b): a small integer is passed as it is, where two doubles passed to a
   * call the compiler did not inline are boxed, on every bar.
   */
  step(side: -1 | 0 | 1): Cross {
    if (side === 0) {
      return null;
    }
    const previous = this.lastSide;
    this.lastSide = side;
    if (side === 1 && previous === -1) return 'above';
    if (side === -1 && previous === 1) return 'below';
    return null;
  }
}
