import type { Bar } from '@ptp/domain';
import { isObject, type JsonObject, num, ohlcvBar } from './polygon-wire';

/** A trade from the `T.` channel. WebSocket times are milliseconds (unlike REST trades). */
export interface StreamTrade {
  readonly symbol: string;
  readonly price: number;
  readonly size: number;
  readonly time: number;
}

/** The events of one WebSocket frame; Polygon always sends a JSON array. Anything else yields none. */
export function streamEvents(text: string): JsonObject[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isObject) : [];
}

/** `{"ev":"T","sym","p","s","t",…}` as a trade; null when a field is missing. */
export function streamTrade(event: JsonObject): StreamTrade | null {
  const price = num(event['p']);
  const time = num(event['t']);
  if (typeof event['sym'] !== 'string' || !price || time === undefined) return null;
  return { symbol: event['sym'], price, size: num(event['s']) ?? 0, time };
}

/** `{"ev":"AM","sym","o","h","l","c","v","s","e",…}` as the completed minute starting at `s`. */
export function streamMinute(event: JsonObject): Bar | null {
  return typeof event['sym'] === 'string' ? ohlcvBar(event['sym'], event, 's') : null;
}

/** The subscribe/unsubscribe `params` for symbols: trades and minute aggregates of each. */
export function streamTopics(symbols: readonly string[]): string {
  return symbols.flatMap((s) => [`T.${s}`, `AM.${s}`]).join(',');
}
