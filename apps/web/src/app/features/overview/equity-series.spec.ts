import { drawdownSeries, rebaseTo, sliceToRange } from './equity-series';

const DAY = 86_400_000;
const series = (ys: number[], stepMs = DAY) => ys.map((y, i) => ({ x: i * stepMs, y }));

describe('equity series', () => {
  it('keeps only the last day, week or month measured from the newest point', () => {
    const points = series(Array.from({ length: 40 }, (_, i) => 100 + i));
    expect(sliceToRange(points, 'ALL')).toHaveLength(40);
    expect(sliceToRange(points, '1D').map((p) => p.y)).toEqual([138, 139]);
    expect(sliceToRange(points, '1W')).toHaveLength(8);
    expect(sliceToRange(points, '1M')).toHaveLength(31);
    expect(sliceToRange([], '1D')).toEqual([]);
  });

  it('measures drawdown from the running peak in percent', () => {
    expect(
      drawdownSeries(series([100, 110, 99, 121, 60.5])).map((p) => Number(p.y.toFixed(4))),
    ).toEqual([0, 0, -10, 0, -50]);
  });

  it('rebases a price series onto the starting capital', () => {
    expect(rebaseTo(series([50, 55, 45]), 500).map((p) => p.y)).toEqual([500, 550, 450]);
    expect(rebaseTo([], 500)).toEqual([]);
  });
});
