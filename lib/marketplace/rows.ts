import { rowsOf } from '../infra/db.js';

/**
 * Raw statements (the CTEs that keep writes atomic) return snake_case rows whose int8 and timestamp
 * columns arrive as strings, numbers, bigints or Dates depending on the driver; these normalise them.
 */
export const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value));
export const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : num(value);
export const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
export const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : date(value);

export type RawRow = Record<string, unknown>;
export const firstRow = (result: unknown): RawRow | undefined => rowsOf<RawRow>(result)[0];
export const allRows = (result: unknown): RawRow[] => rowsOf<RawRow>(result);
