import type { Bar } from '@ptp/domain';
import { ProviderError } from '../provider/provider-error';

/**
 * Polygon sends nanosecond timestamps as bare integers wider than a double can hold, so JSON.parse
 * would round them. Integers of 16+ digits (never a price or a volume) are quoted before parsing and
 * converted with BigInt.
 */
export function parsePolygonJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/([:[,]\s*)(\d{16,})(?=\s*[,\]}])/g, '$1"$2"'));
  } catch {
    throw new ProviderError('bad_response', 'Polygon answered malformed JSON');
  }
}

/** Nanoseconds (a quoted integer or a number) to UTC ms, exactly. */
export function nanosToMs(value: unknown): number | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(BigInt(value) / 1_000_000n);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value / 1_000_000);
  return null;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A bar from Polygon's short OHLCV fields, its start time under `timeKey` (ms); null when one is missing. */
export function ohlcvBar(symbol: string, fields: JsonObject, timeKey: 't' | 's'): Bar | null {
  const [time, open, high, low, close, volume] = [timeKey, 'o', 'h', 'l', 'c', 'v'].map((k) =>
    num(fields[k]),
  );
  if (
    time === undefined ||
    open === undefined ||
    high === undefined ||
    low === undefined ||
    close === undefined ||
    volume === undefined
  )
    return null;
  return { symbol, time, open, high, low, close, volume };
}
