/** A value that holds for every instant in [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * `compute` remembering every span it has returned. Reports walk instants in time order, many per
 * span and several times over, so the span last returned is tried first, then the one after it (the
 * next day of a walk), then whether it lies past every span (a first walk), then the others by
 * bisection; `compute` runs once per span. Spans must be disjoint and contain the instant they were
 * computed for.
 */
export function spanCache<S extends Span>(compute: (t: number) => S): (t: number) => S {
  // Disjoint spans in time order.
  const spans: S[] = [];
  let last = -1;
  const holds = (i: number, t: number) => t >= spans[i].start && t < spans[i].end;
  return (t) => {
    if (last >= 0 && holds(last, t)) return spans[last];
    if (last + 1 < spans.length && holds(last + 1, t)) return spans[++last];
    // A first walk meets every span past the ones it has seen.
    if (spans.length === 0 || t >= spans[spans.length - 1].end) {
      spans.push(compute(t));
      last = spans.length - 1;
      return spans[last];
    }
    const lo = lowerBound(spans.length, (i) => spans[i].end <= t);
    if (!holds(lo, t)) spans.splice(lo, 0, compute(t));
    last = lo;
    return spans[lo];
  };
}

/**
 * The first index of [0, length) whose entry is not `before` the one sought, by bisection over
 * entries in order: where the sought entry is, or where it belongs.
 */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
