import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  type Bar,
  type CorporateActions,
  parseCorporateActions,
  parsePolygonAggregates,
  parseYahooDailyCsv,
} from '@ptp/domain';

const DAILY_GAP_MS = 20 * 3_600_000;

/** `AAPL.csv`, `aapl-2024.csv` and `BRK.B_daily.csv` name AAPL, AAPL and BRK.B. */
export function symbolFromFileName(path: string): string {
  const name = basename(path, extname(path)).toUpperCase();
  const match = /^[A-Z][A-Z0-9]*(?:\.[A-Z])?/.exec(name);
  if (!match)
    throw new Error(
      `cannot tell the symbol from the file name ${basename(path)}: name it like AAPL.csv`,
    );
  return match[0];
}

/** Daily aggregates are re-stamped 00:00 UTC of their date, the Yahoo convention, so both formats line up. */
function parseAggregatesFile(text: string): Bar[] {
  const bars = parsePolygonAggregates(text);
  const daily =
    bars.length > 1 &&
    bars.every((bar, i) => i === 0 || bar.time - bars[i - 1].time >= DAILY_GAP_MS);
  return daily ? parsePolygonAggregates(text, { daily: true }) : bars;
}

async function readReplayFile(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${what} ${path} cannot be read (${error.code ?? error.message})`);
  });
}

/** The replay's corporate-actions file, checked like the backtest CLI's `--corporate-actions`. */
export async function loadReplayCorporateActions(path: string): Promise<CorporateActions> {
  const text = await readReplayFile(path, 'replay corporate-actions file');
  try {
    return parseCorporateActions(text);
  } catch (error) {
    throw new Error(`replay corporate-actions file ${path}: ${(error as Error).message}`);
  }
}

/**
 * Loads replay files with the same parsers the backtest CLI uses: Yahoo daily CSV (the symbol comes
 * from the file name) or a Polygon aggregates JSON response (the symbol is its `ticker`).
 */
export async function loadReplayFiles(paths: readonly string[]): Promise<Map<string, Bar[]>> {
  const series = new Map<string, Bar[]>();
  for (const path of paths) {
    const text = await readReplayFile(path, 'replay file');
    let bars: Bar[];
    try {
      bars =
        extname(path).toLowerCase() === '.json'
          ? parseAggregatesFile(text)
          : parseYahooDailyCsv(text, { symbol: symbolFromFileName(path) });
    } catch (error) {
      throw new Error(`replay file ${path}: ${(error as Error).message}`);
    }
    for (const bar of bars) {
      const list = series.get(bar.symbol) ?? [];
      list.push(bar);
      series.set(bar.symbol, list);
    }
  }
  for (const list of series.values()) list.sort((a, b) => a.time - b.time);
  return series;
}
