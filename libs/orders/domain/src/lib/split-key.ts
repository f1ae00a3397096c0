import type { QuoteLine } from './model';

/** One field path (`"group"`, `"fields.shipTo"`) or several; none means a single order. */
export type SplitBy = string | readonly string[] | null | undefined;

export const NO_SPLIT_KEY = 'all';
export const NONE_VALUE = '(none)';
export const KEY_SEPARATOR = ' | ';

export function normaliseSplitBy(by: SplitBy): readonly string[] {
  if (by === null || by === undefined) return [];
  return typeof by === 'string' ? [by] : by;
}

/** Reads a dot-separated path from a quote line; undefined when any step is missing. */
export function readPath(line: QuoteLine, path: string): unknown {
  let current: unknown = line;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Missing, null and blank values all show as `(none)`. */
export function formatKeyValue(value: unknown): string {
  if (value === null || value === undefined) return NONE_VALUE;
  if (typeof value === 'string')
    return value.trim() === '' ? NONE_VALUE : value;
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  )
    return String(value);
  return JSON.stringify(value);
}

/** An order key: the values of the `by` paths joined by " | ", or "all" without paths. */
export function splitKey(line: QuoteLine, paths: readonly string[]): string {
  if (paths.length === 0) return NO_SPLIT_KEY;
  return paths
    .map((p) => formatKeyValue(readPath(line, p)))
    .join(KEY_SEPARATOR);
}
