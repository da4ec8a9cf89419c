/** Minutes in a regular NYSE session (09:30–16:00). */
export const SESSION_MINUTES = 390;

/**
 * U-shaped intraday multipliers: activity is highest after the open and before the close and lowest
 * around lunch. Each curve is 1 + k·(2u − 1)², scaled so that the session mean of the curve
 * (volume) or of its square (volatility, which adds up as variance) is exactly 1: the annualised
 * volatility and the average volume stay what the profile says.
 */
function uShape(k: number, meanOf: 'value' | 'square'): (fraction: number) => number {
  // For x uniform on [-1, 1]: E[1 + kx²] = 1 + k/3 and E[(1 + kx²)²] = 1 + 2k/3 + k²/5.
  const scale = meanOf === 'value' ? 1 / (1 + k / 3) : 1 / Math.sqrt(1 + (2 * k) / 3 + (k * k) / 5);
  return (fraction) => {
    const x = 2 * fraction - 1;
    return scale * (1 + k * x * x);
  };
}

/**
 * Volatility multiplier; `fraction` is the minute's position in the session, 0 (open) to 1 (close).
 */
export const intradayVolatility = uShape(2, 'square');

/**
 * Volume multiplier: the U is more pronounced for volume than for volatility, as in real markets.
 */
export const intradayVolume = uShape(4, 'value');

/**
 * Session position of minute `index` (0-based) of a session of `minutes` minutes, at the minute's
 * middle.
 */
export function sessionFraction(index: number, minutes = SESSION_MINUTES): number {
  return (index + 0.5) / minutes;
}
