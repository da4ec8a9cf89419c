export interface TimedValue {
  readonly time: number;
  readonly value: number;
}

/** Simple returns v[i] / v[i−1] − 1 between consecutive values. */
export function simpleReturns(values: Float64Array): Float64Array {
  const returns = new Float64Array(Math.max(0, values.length - 1));
  // Each value is read once and kept for the next return.
  let previous = values.length > 0 ? values[0] : 0;
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    returns[i - 1] = value / previous - 1;
    previous = value;
  }
  return returns;
}
