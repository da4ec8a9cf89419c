import { isoDateToUtcMidnight } from '../calendar/calendar-date';
import { DataFormatError } from '../data-formats/data-format-error';
import type { CorporateActions, DividendAction, SplitAction } from './corporate-action-types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function isDate(text: string): boolean {
  try {
    isoDateToUtcMidnight(text);
    return true;
  } catch {
    return false;
  }
}

function fail(where: string, message: string): never {
  throw new DataFormatError('BAD_RESULT', `${where}: ${message}`);
}

function ticker(item: Json, where: string): string {
  const value = item['ticker'];
  if (typeof value !== 'string' || !/^[A-Z][A-Z0-9.-]{0,9}$/.test(value))
    fail(where, 'ticker must be an upper-case symbol');
  return value;
}

function date(item: Json, key: string, where: string, optional = false): string | undefined {
  const value = item[key];
  if (value === undefined || value === null) {
    if (optional) return undefined;
    fail(where, `${key} must be a date YYYY-MM-DD`);
  }
  if (typeof value !== 'string' || !isDate(value)) fail(where, `${key} must be a date YYYY-MM-DD`);
  return value;
}

function optionalId(item: Json): { id?: string } {
  return typeof item['id'] === 'string' ? { id: item['id'] } : {};
}

export function parseSplit(item: unknown, where: string): SplitAction {
  if (!isObject(item)) fail(where, 'must be an object');
  const split_from = item['split_from'];
  const split_to = item['split_to'];
  if (!positive(split_from) || !positive(split_to))
    fail(where, 'split_from and split_to must be positive numbers');
  if (split_from === split_to) fail(where, 'split_from equals split_to');
  return {
    ticker: ticker(item, where),
    execution_date: date(item, 'execution_date', where) as string,
    split_from,
    split_to,
    ...optionalId(item),
  };
}

export function parseDividend(item: unknown, where: string): DividendAction {
  if (!isObject(item)) fail(where, 'must be an object');
  const cash_amount = item['cash_amount'];
  if (!positive(cash_amount)) fail(where, 'cash_amount must be a positive number');
  const exDate = date(item, 'ex_dividend_date', where) as string;
  const payDate = date(item, 'pay_date', where) as string;
  if (payDate < exDate) fail(where, 'pay_date is before ex_dividend_date');
  const record_date = date(item, 'record_date', where, true);
  const declaration_date = date(item, 'declaration_date', where, true);
  const type = item['dividend_type'];
  const frequency = item['frequency'];
  if (type !== undefined && typeof type !== 'string') fail(where, 'dividend_type must be a string');
  if (frequency !== undefined && frequency !== null && !Number.isInteger(frequency))
    fail(where, 'frequency must be an integer');
  return {
    ticker: ticker(item, where),
    cash_amount,
    ex_dividend_date: exDate,
    pay_date: payDate,
    ...(record_date ? { record_date } : {}),
    ...(declaration_date ? { declaration_date } : {}),
    ...(typeof type === 'string' ? { dividend_type: type } : {}),
    ...(typeof frequency === 'number' ? { frequency } : {}),
    ...optionalId(item),
  };
}

/**
 * Checks the corporate-actions file (`{"splits": […], "dividends": […]}`, items with Polygon's
 * fields); either list may be missing. Throws DataFormatError (BAD_JSON / BAD_RESULT) naming the
 * first bad item.
 */
export function parseCorporateActions(input: unknown): CorporateActions {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new DataFormatError('BAD_JSON', 'corporate actions: not valid JSON');
    }
  }
  if (!isObject(value)) fail('corporate actions', 'must be an object {splits, dividends}');
  const list = (key: string): unknown[] => {
    const items = value[key] ?? [];
    if (!Array.isArray(items)) fail('corporate actions', `${key} must be an array`);
    return items;
  };
  return {
    splits: list('splits').map((s, i) => parseSplit(s, `splits[${i}]`)),
    dividends: list('dividends').map((d, i) => parseDividend(d, `dividends[${i}]`)),
  };
}
