import type { ValueTransformer } from 'typeorm';

/**
 * Times are stored as UTC epoch milliseconds in a bigint column. PostgreSQL returns bigint as a
 * string, so it is turned back into a number (safe: ms timestamps stay far below 2^53).
 */
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) =>
    value === null || value === undefined ? null : Number(value),
};

/** A counter in a bigint column (a fencing token), read back as a number like `epochMs`. */
export const bigintCounter: ValueTransformer = epochMs;
