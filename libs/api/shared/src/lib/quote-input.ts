/** The most characters of a caller's input an error message quotes. */
export const MAX_QUOTED_CHARS = 200;
/** A whole error message (own words plus quotes) is cut here, whatever produced it. */
export const MAX_ERROR_MESSAGE_CHARS = 500;
/** Entries of an array or object in error details beyond this are left out. */
export const MAX_DETAIL_ENTRIES = 20;
const MAX_DETAIL_DEPTH = 4;
const ELLIPSIS = '…';

/**
 * Input as an error may repeat it: at most `max` characters, an ellipsis marking a cut, so a
 * megabyte-long value never comes back (or lands in a log) in full.
 */
export function quoteInput(value: unknown, max = MAX_QUOTED_CHARS): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= max) return text;
  // Cutting between the two halves of a surrogate pair would leave half a character.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end) + ELLIPSIS;
}

/**
 * Error details with every string quoted, and arrays and objects cut to their first entries: details
 * often carry the offending input (validation messages name unknown properties, lists echo values).
 */
export function boundDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DETAIL_DEPTH) return quoteInput(value);
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_DETAIL_ENTRIES).map((item) => boundDetails(item, depth + 1));
    return value.length > MAX_DETAIL_ENTRIES
      ? [...kept, `${ELLIPSIS} ${value.length - MAX_DETAIL_ENTRIES} more`]
      : kept;
  }
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, MAX_DETAIL_ENTRIES)
      .map(([key, item]) => [quoteInput(key), boundDetails(item, depth + 1)]),
  );
}
