/** A seeded random walk from 10,000, so a curve has peaks, troughs and recoveries to keep. */
export function walk(seed: number): () => number {
  let state = seed;
  let value = 10_000;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    value *= 1 + ((state / 2_147_483_647) * 2 - 1) * 0.004;
    return value;
  };
}
