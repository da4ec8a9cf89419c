/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): picks `threshold` of the points, always the
 * first and the last, and in each bucket between them the point forming the largest triangle with
 * the point picked before it and the average of the next bucket, so peaks and troughs survive and
 * the line keeps its shape. Points must be in x order; returns a subsequence of them.
 */
export function lttb<T>(
  points: readonly T[],
  threshold: number,
  x: (point: T) => number,
  y: (point: T) => number,
): T[] {
  const n = points.length;
  if (n <= threshold) return [...points];
  if (threshold < 3) return threshold <= 0 ? [] : [points[0], points[n - 1]].slice(0, threshold);
  const sampled: T[] = [points[0]];
  const every = (n - 2) / (threshold - 2);
  let picked = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += x(points[j]);
      avgY += y(points[j]);
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;
    const ax = x(points[picked]);
    const ay = y(points[picked]);
    let best = -1;
    let chosen = Math.floor(bucket * every) + 1;
    for (let j = chosen; j < Math.floor((bucket + 1) * every) + 1; j++) {
      const area = Math.abs((ax - avgX) * (y(points[j]) - ay) - (ax - x(points[j])) * (avgY - ay));
      if (area > best) {
        best = area;
        chosen = j;
      }
    }
    sampled.push(points[chosen]);
    picked = chosen;
  }
  sampled.push(points[n - 1]);
  return sampled;
}
