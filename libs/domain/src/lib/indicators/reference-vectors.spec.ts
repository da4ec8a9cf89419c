import { Atr } from './atr';
import { Rsi } from './rsi';
import { Sma } from './sma';
import { Ema } from './sma-seeded-smoothing';

function series<T>(inputs: readonly T[], update: (input: T) => number | null): (number | null)[] {
  return inputs.map(update);
}

/** `tolerance` covers the rounding of the published columns. */
function expectSeries(
  actual: (number | null)[],
  expected: (number | null)[],
  tolerance: number,
): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => {
    const want = expected[i];
    if (want === null) {
      expect(value).toBeNull();
    } else {
      expect(value).not.toBeNull();
      expect(Math.abs((value as number) - want)).toBeLessThanOrEqual(tolerance);
    }
  });
}

const warmUp = (count: number): null[] => Array.from({ length: count }, () => null);

describe('StockCharts ChartSchool worked examples', () => {
  // cs-rsi.xls: QQQQ closes and the published 14-day Wilder RSI column.
  const rsiCloses = [
    44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
    45.8931, 46.0328, 45.614, 46.282, 46.282, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122,
    46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205,
    42.6628, 43.1314,
  ];
  const rsiPublished = [
    ...warmUp(14),
    70.5328,
    66.3186,
    66.5498,
    69.4063,
    66.3552,
    57.9749,
    62.9296,
    63.2571,
    56.0593,
    62.3771,
    54.7076,
    50.4228,
    39.9898,
    41.4605,
    41.8689,
    45.4632,
    37.304,
    33.0795,
    37.773,
  ];

  it('reproduces the RSI(14) column, first value on the 15th close', () => {
    const rsi = new Rsi(14);
    expectSeries(
      series(rsiCloses, (c) => rsi.update(c)),
      rsiPublished,
      5e-4,
    );
  });

  // cs-ema.xls: 10-day SMA and SMA-seeded 10-day EMA.
  const emaCloses = [
    22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38,
    22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.1, 23.33, 22.68,
    23.1, 22.4, 22.17,
  ];
  const smaPublished = [
    ...warmUp(9),
    22.22,
    22.21,
    22.23,
    22.26,
    22.3,
    22.42,
    22.61,
    22.77,
    22.91,
    23.08,
    23.21,
    23.38,
    23.52,
    23.65,
    23.71,
    23.68,
    23.61,
    23.51,
    23.43,
    23.28,
    23.13,
  ];
  const emaPublished = [
    ...warmUp(9),
    22.22,
    22.21,
    22.24,
    22.27,
    22.33,
    22.52,
    22.8,
    22.97,
    23.13,
    23.28,
    23.34,
    23.43,
    23.51,
    23.53,
    23.47,
    23.4,
    23.39,
    23.26,
    23.23,
    23.08,
    22.92,
  ];

  it('reproduces the 10-day SMA column', () => {
    const sma = new Sma(10);
    expectSeries(
      series(emaCloses, (c) => sma.update(c)),
      smaPublished,
      0.005 + 1e-9,
    );
  });

  it('reproduces the SMA-seeded 10-day EMA column', () => {
    const ema = new Ema(10);
    expectSeries(
      series(emaCloses, (c) => ema.update(c)),
      emaPublished,
      0.005 + 1e-9,
    );
  });

  // cs-atr.xls: QQQQ high/low/close and the published 14-day ATR column.
  const atrHigh = [
    48.7, 48.72, 48.9, 48.87, 48.82, 49.05, 49.2, 49.35, 49.92, 50.19, 50.12, 49.66, 49.88, 50.19,
    50.36, 50.57, 50.65, 50.43, 49.63, 50.33, 50.29, 50.17, 49.32, 48.5, 48.3201, 46.8, 47.8, 48.39,
    48.66, 48.79,
  ];
  const atrLow = [
    47.79, 48.14, 48.39, 48.37, 48.24, 48.635, 48.94, 48.86, 49.5, 49.87, 49.2, 48.9, 49.43, 49.725,
    49.26, 50.09, 50.3, 49.21, 48.98, 49.61, 49.2, 49.43, 48.08, 47.64, 41.55, 44.2833, 47.31, 47.2,
    47.9, 47.7301,
  ];
  const atrClose = [
    48.16, 48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13, 49.53, 49.5, 49.75, 50.03,
    50.31, 50.52, 50.41, 49.34, 49.37, 50.23, 49.2375, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77,
    47.72, 48.62, 47.85,
  ];
  const atrPublished = [
    ...warmUp(13),
    0.555,
    0.593929,
    0.585791,
    0.568949,
    0.615452,
    0.61792,
    0.642354,
    0.674329,
    0.69277,
    0.775429,
    0.78147,
    1.209229,
    1.30262,
    1.38029,
    1.366698,
    1.336219,
    1.316482,
  ];

  it('reproduces the ATR(14) column, first value on the 14th bar', () => {
    const atr = new Atr(14);
    const bars = atrHigh.map((high, i) => ({ high, low: atrLow[i], close: atrClose[i] }));
    expectSeries(
      series(bars, (bar) => atr.update(bar)),
      atrPublished,
      5e-6,
    );
  });
});

describe('RSI edge conventions', () => {
  it('is 100 when there are no losses and 50 when the series is flat', () => {
    const rising = new Rsi(3);
    [1, 2, 3, 4, 5].forEach((c) => rising.update(c));
    expect(rising.value).toBe(100);
    const flat = new Rsi(3);
    [7, 7, 7, 7].forEach((c) => flat.update(c));
    expect(flat.value).toBe(50);
  });

  it('is 0 when there are no gains', () => {
    const falling = new Rsi(2);
    [5, 4, 3].forEach((c) => falling.update(c));
    expect(falling.value).toBe(0);
  });
});

describe('period validation', () => {
  it.each([0, -1, 2.5, Number.NaN])('rejects period %p', (period) => {
    expect(() => new Sma(period)).toThrow(RangeError);
    expect(() => new Rsi(period)).toThrow(RangeError);
  });
});
