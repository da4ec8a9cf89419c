export type Cross = 'above' | 'below' | null;

/**
 * Detects a crossover of two series with the rule "on this bar a > b, and on the most recent
 * earlier bar where a ≠ b, a < b" (and the mirror). Bars where a = b are skipped when looking back,
 * so a touch that returns to the same side is not a cross, and a cross through an equal bar is
 * still seen.
 */
export class CrossDetector {
  private lastSide: -1 | 0 | 1 = 0;

  update(a: number, b: number): Cross {
    const side = a > b ? 1 : a < b ? -1 : 0;
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
