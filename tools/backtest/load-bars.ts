import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  type Bar,
  newYorkDate,
  newYorkWallTimeToUtc,
  parsePolygonAggregates,
  parseYahooDailyCsv,
} from '@ptp/domain';

export interface LoadBarsOptions {
  readonly symbol: string;
  readonly adjusted: boolean;
}

/** Polygon stamps daily aggregates at 00:00 New York; such files are read as daily bars (dated, like the CSV). */
function isDailyPolygon(bars: readonly Bar[]): boolean {
  return (
    bars.length > 0 &&
    bars.every((bar) => bar.time === newYorkWallTimeToUtc(newYorkDate(bar.time), 0))
  );
}

/** Reads a Yahoo daily CSV, or Polygon aggregates JSON when the file ends in .json; parse errors are DataFormatErrors. */
export function loadBars(path: string, options: LoadBarsOptions): Bar[] {
  const text = readFileSync(path, 'utf8');
  if (extname(path).toLowerCase() !== '.json') return parseYahooDailyCsv(text, options);
  const body: unknown = JSON.parse(text);
  const bars = parsePolygonAggregates(body, { symbol: options.symbol });
  return isDailyPolygon(bars)
    ? parsePolygonAggregates(body, { symbol: options.symbol, daily: true })
    : bars;
}
