import { isoDateToUtcMidnight } from '../calendar/calendar-date';
import type { Bar } from '../market/bar';
import { checkBarNumbers, DataFormatError } from './data-format-error';

export interface YahooCsvOptions {
  readonly symbol: string;
  /**
   * Scale open/high/low/close by AdjClose / Close (split- and dividend-adjusted prices). Default
   * false: raw OHLC.
   */
  readonly adjusted?: boolean;
}

const HEADER = ['date', 'open', 'high', 'low', 'close', 'adj close', 'volume'];

/**
 * Parses Yahoo Finance's daily CSV (`Date,Open,High,Low,Close,Adj Close,Volume`) into bars whose
 * `time` is 00:00 UTC of the row's date, so `new Date(time).toISOString().slice(0, 10)` gives the
 * date back. Rows Yahoo marks with `null` (days without data) are skipped; any other malformed row
 * throws a DataFormatError naming its line. Dates must be strictly increasing.
 */
export function parseYahooDailyCsv(text: string, options: YahooCsvOptions): Bar[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((cell) => cell.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(',')) {
    throw new DataFormatError(
      'BAD_HEADER',
      `expected header "Date,Open,High,Low,Close,Adj Close,Volume", got "${lines[0]}"`,
      1,
    );
  }
  const bars: Bar[] = [];
  for (let i = 1; i < lines.length; i++) {
    const bar = parseRow(lines[i], i + 1, options);
    if (bar === null) continue;
    const previous = bars[bars.length - 1];
    if (previous && bar.time <= previous.time) {
      throw new DataFormatError(
        'OUT_OF_ORDER',
        'dates must be strictly increasing (duplicate or earlier date)',
        i + 1,
      );
    }
    bars.push(bar);
  }
  return bars;
}

function parseRow(raw: string, line: number, options: YahooCsvOptions): Bar | null {
  if (raw.trim() === '') return null;
  const cells = raw.split(',').map((cell) => cell.trim());
  if (cells.length !== HEADER.length) {
    throw new DataFormatError(
      'WRONG_COLUMN_COUNT',
      `expected ${HEADER.length} columns, got ${cells.length}`,
      line,
    );
  }
  if (cells.some((cell) => cell.toLowerCase() === 'null')) return null;
  let time: number;
  try {
    time = isoDateToUtcMidnight(cells[0]);
  } catch {
    throw new DataFormatError('BAD_DATE', `"${cells[0]}" is not a YYYY-MM-DD date`, line);
  }
  const [open, high, low, close, adjClose, volume] = cells
    .slice(1)
    .map((cell, k) => toNumber(cell, HEADER[k + 1], line));
  checkBarNumbers({ open, high, low, close, volume }, cells[0], line);
  const factor = options.adjusted ? adjustmentFactor(adjClose, close, line) : 1;
  return {
    symbol: options.symbol,
    time,
    open: open * factor,
    high: high * factor,
    low: low * factor,
    close: options.adjusted ? adjClose : close,
    volume,
  };
}

function toNumber(cell: string, column: string, line: number): number {
  const value = cell === '' ? Number.NaN : Number(cell);
  if (!Number.isFinite(value)) {
    throw new DataFormatError('BAD_NUMBER', `${column} "${cell}" is not a number`, line);
  }
  return value;
}

function adjustmentFactor(adjClose: number, close: number, line: number): number {
  if (close === 0 || !(adjClose > 0)) {
    throw new DataFormatError(
      'BAD_NUMBER',
      'cannot adjust: Close and Adj Close must be positive',
      line,
    );
  }
  return adjClose / close;
}
