/**
 * Equality for values that came over JSON: a poll that brings the same settings is "no change", so
 * signals derived from it (and forms seeded from them) are not reset under the user's cursor.
 */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
