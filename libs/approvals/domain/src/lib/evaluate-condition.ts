import {
  compareValues,
  isNullish,
  scalarsEqual,
  valuesEqual,
} from './compare-values';
import type { FieldValue, Operator, Scalar } from './model';

/**
 * Applies one operator to a tested value and a comparand (README 1.2 and 1.7).
 *
 * Null handling (null and missing are the same):
 * - a null tested value makes `eq lt le gt ge contains startsWith in` false,
 *   `ne notContains notIn isNull` true, `notNull` false;
 * - a null comparand makes `eq lt le gt ge contains startsWith in` false and
 *   `ne notContains notIn` true.
 *
 * Multi-value (array) tested values: `contains` is true when an element equals the
 * comparand; `in` is true when any element is in the list; `eq` compares arrays as sets.
 * `in`/`notIn` accept a list comparand; a scalar comparand is read as a list of one.
 * `contains`/`startsWith` on scalars work on their text (numbers as written), case-insensitively.
 */
export function evaluateOperator(
  op: Operator,
  tested: FieldValue | undefined,
  comparand: FieldValue | undefined,
): boolean {
  if (op === 'isNull') return isNullish(tested);
  if (op === 'notNull') return !isNullish(tested);
  if (isNullish(tested) || isNullish(comparand))
    return NEGATIVE_OPERATORS.has(op);
  switch (op) {
    case 'eq':
      return valuesEqual(tested, comparand);
    case 'ne':
      return !valuesEqual(tested, comparand);
    case 'lt':
      return compareValues(tested, comparand) === -1;
    case 'le':
      return isOneOf(compareValues(tested, comparand), [-1, 0]);
    case 'gt':
      return compareValues(tested, comparand) === 1;
    case 'ge':
      return isOneOf(compareValues(tested, comparand), [0, 1]);
    case 'contains':
      return contains(tested, comparand);
    case 'notContains':
      return !contains(tested, comparand);
    case 'startsWith':
      return startsWith(tested, comparand);
    case 'in':
      return isIn(tested, comparand);
    case 'notIn':
      return !isIn(tested, comparand);
  }
}

/** Operators that hold when one side is null. */
const NEGATIVE_OPERATORS: ReadonlySet<Operator> = new Set<Operator>([
  'ne',
  'notContains',
  'notIn',
]);

function isOneOf(
  order: -1 | 0 | 1 | null,
  accepted: readonly number[],
): boolean {
  return order !== null && accepted.includes(order);
}

function asText(value: Scalar): string | null {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number') return String(value);
  return null;
}

function contains(tested: FieldValue, comparand: FieldValue): boolean {
  if (Array.isArray(comparand)) return false;
  const needle = comparand as Scalar;
  if (Array.isArray(tested))
    return (tested as readonly Scalar[]).some((element) =>
      scalarsEqual(element, needle),
    );
  const haystack = asText(tested as Scalar);
  const text = asText(needle);
  return haystack !== null && text !== null && haystack.includes(text);
}

function startsWith(tested: FieldValue, comparand: FieldValue): boolean {
  if (Array.isArray(tested) || Array.isArray(comparand)) return false;
  const text = asText(tested as Scalar);
  const prefix = asText(comparand as Scalar);
  return text !== null && prefix !== null && text.startsWith(prefix);
}

function isIn(tested: FieldValue, comparand: FieldValue): boolean {
  const list = (
    Array.isArray(comparand) ? comparand : [comparand]
  ) as readonly Scalar[];
  const candidates = (
    Array.isArray(tested) ? tested : [tested]
  ) as readonly Scalar[];
  return candidates.some((candidate) =>
    list.some((item) => scalarsEqual(candidate, item)),
  );
}
