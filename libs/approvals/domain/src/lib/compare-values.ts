import { Decimal } from 'decimal.js';
import type { FieldValue, Scalar } from './model';

/**
 * Value semantics shared by conditions, line filters and smart re-tests:
 * - numbers compare numerically (exactly, through decimals); a numeric string compares
 *   numerically with a number (money often travels as `"558.90"`);
 * - two strings compare case-insensitively (ISO dates therefore compare as strings);
 * - booleans only equal booleans and have no order;
 * - anything else (mixed types) is unequal and unordered.
 */

const NUMERIC_STRING = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

export function isNullish(
  value: FieldValue | undefined,
): value is null | undefined {
  return value === null || value === undefined;
}

/** The decimal form of a finite number or numeric string, else null. */
export function toDecimal(value: FieldValue | undefined): Decimal | null {
  if (typeof value === 'number')
    return Number.isFinite(value) ? new Decimal(value) : null;
  if (typeof value === 'string' && NUMERIC_STRING.test(value))
    return new Decimal(value.trim());
  return null;
}

function numericPair(a: Scalar, b: Scalar): [Decimal, Decimal] | null {
  if (typeof a !== 'number' && typeof b !== 'number') return null;
  const da = toDecimal(a);
  const db = toDecimal(b);
  return da && db ? [da, db] : null;
}

/** Order of two non-null scalars: -1, 0, 1, or null when they cannot be ordered. */
export function compareScalars(a: Scalar, b: Scalar): -1 | 0 | 1 | null {
  if (a === null || b === null) return null;
  const numbers = numericPair(a, b);
  if (numbers) return numbers[0].comparedTo(numbers[1]) as -1 | 0 | 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  return null;
}

export function scalarsEqual(a: Scalar, b: Scalar): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  return compareScalars(a, b) === 0;
}

/**
 * Equality of two non-null values. Two arrays are equal when they hold the same elements
 * (as sets); an array never equals a scalar.
 */
export function valuesEqual(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const left = a as readonly Scalar[];
    const right = b as readonly Scalar[];
    return (
      left.every((x) => right.some((y) => sameScalar(x, y))) &&
      right.every((y) => left.some((x) => sameScalar(x, y)))
    );
  }
  return scalarsEqual(a as Scalar, b as Scalar);
}

/** Like `scalarsEqual`, but null equals null (used inside arrays and by smart re-tests). */
function sameScalar(a: Scalar, b: Scalar): boolean {
  return a === null || b === null ? a === b : scalarsEqual(a, b);
}

/** Order of two non-null values; arrays have no order. */
export function compareValues(a: FieldValue, b: FieldValue): -1 | 0 | 1 | null {
  if (Array.isArray(a) || Array.isArray(b)) return null;
  return compareScalars(a as Scalar, b as Scalar);
}

/**
 * "Has the value changed?" as smart re-tests read it: null equals null, null differs from
 * any value, strings compare case-insensitively, numbers numerically.
 */
export function valuesDiffer(
  a: FieldValue | undefined,
  b: FieldValue | undefined,
): boolean {
  if (isNullish(a) || isNullish(b)) return isNullish(a) !== isNullish(b);
  return !valuesEqual(a, b);
}

/** A value for display: strings quoted, arrays bracketed, null as `null`. */
export function formatValue(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value))
    return `[${(value as readonly Scalar[]).map((v) => formatValue(v)).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
