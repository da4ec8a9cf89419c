/** A domain number as the API sends it: a string (null and other members stay as they are). */
type AsString<V> = V extends number ? string : V;

/**
 * `T` with its number fields `K` sent as strings: decimal strings for money, prices and quantities
 * (the ledger is decimal, JSON numbers are not) or ISO-8601 UTC strings for times.
 */
export type WireStrings<T, K extends keyof T> = {
  readonly [P in keyof T]: P extends K ? AsString<T[P]> : T[P];
};

/**
 * Identity at run time; at compile time the list must name every member of the union `T` and
 * nothing else, so a member added to the domain cannot be missing from a list the API validates with.
 */
export function everyMember<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never),
  ): L => list;
}
