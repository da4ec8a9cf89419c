/** Marks a nanosecond timestamp so it is written as a bare JSON integer, as Polygon does. */
export class Nanoseconds {
  constructor(readonly value: bigint) {}

  static fromMs(ms: number, subMillisecond = 0n): Nanoseconds {
    return new Nanoseconds(BigInt(ms) * 1_000_000n + subMillisecond);
  }
}

const MARK = '\u0000ns:';

/** JSON.stringify, except Nanoseconds become integers wider than a double can hold exactly. */
export function toPolygonJson(body: unknown): string {
  const text = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof Nanoseconds ? `${MARK}${value.value}` : value,
  );
  return text.replace(/"\\u0000ns:(\d+)"/g, '$1');
}

/** A 32-hex request id like Polygon's. */
export function requestId(counter: number): string {
  return counter.toString(16).padStart(32, '0');
}
