import { Decimal } from 'decimal.js';
import { toDecimal } from './compare-values';
import { evaluateOperator } from './evaluate-condition';
import type { QuoteLine, VariableDefinition } from './model';
import { readLineField } from './read-operand';

/**
 * Approval variables aggregate the quote lines that satisfy every `where` filter
 * (README 1.2, 1.7):
 * - `sum avg min max` over `field`, skipping null (and non-numeric) values;
 * - `count` with a `field` counts lines whose field is not null, without one all filtered lines;
 * - `discount` = (1 − Σ netTotal ÷ Σ listTotal) × 100 over the filtered lines that carry both
 *   totals (a line missing either has no known discount and is left out); null when
 *   Σ listTotal = 0;
 * - over no values, `sum` and `count` are 0 and the others null.
 * Arithmetic is decimal, so `0.1 + 0.2` sums to `0.3`.
 */
export type VariableValues = Readonly<Record<string, number | null>>;

export function computeVariables(
  definitions: readonly VariableDefinition[],
  lines: readonly QuoteLine[],
): VariableValues {
  const values: Record<string, number | null> = {};
  for (const definition of definitions)
    values[definition.name] = computeVariable(definition, lines);
  return values;
}

export function computeVariable(
  definition: VariableDefinition,
  lines: readonly QuoteLine[],
): number | null {
  const selected = lines.filter((line) => matchesFilters(definition, line));
  if (definition.function === 'discount') return discount(selected);
  if (definition.function === 'count') {
    const field = definition.field;
    return field
      ? selected.filter((line) => !isNull(readLineField(line, field))).length
      : selected.length;
  }
  const numbers = numericValues(selected, definition.field ?? null);
  return aggregate(definition.function, numbers);
}

function matchesFilters(
  definition: VariableDefinition,
  line: QuoteLine,
): boolean {
  return (definition.where ?? []).every((filter) =>
    evaluateOperator(
      filter.op,
      readLineField(line, filter.field),
      filter.value,
    ),
  );
}

function isNull(value: unknown): boolean {
  return value === null || value === undefined;
}

function numericValues(
  lines: readonly QuoteLine[],
  field: string | null,
): Decimal[] {
  if (!field) return [];
  const numbers: Decimal[] = [];
  for (const line of lines) {
    const value = readLineField(line, field);
    const number = Array.isArray(value) ? null : toDecimal(value);
    if (number) numbers.push(number);
  }
  return numbers;
}

function aggregate(
  fn: 'sum' | 'avg' | 'min' | 'max',
  numbers: readonly Decimal[],
): number | null {
  if (fn === 'sum') return Decimal.sum(0, ...numbers).toNumber();
  if (numbers.length === 0) return null;
  if (fn === 'avg')
    return Decimal.sum(...numbers)
      .dividedBy(numbers.length)
      .toNumber();
  return (
    fn === 'min' ? Decimal.min(...numbers) : Decimal.max(...numbers)
  ).toNumber();
}

function discount(lines: readonly QuoteLine[]): number | null {
  let net = new Decimal(0);
  let list = new Decimal(0);
  for (const line of lines) {
    const lineNet = toDecimal(scalarOrNull(readLineField(line, 'netTotal')));
    const lineList = toDecimal(scalarOrNull(readLineField(line, 'listTotal')));
    if (!lineNet || !lineList) continue;
    net = net.plus(lineNet);
    list = list.plus(lineList);
  }
  if (list.isZero()) return null;
  return new Decimal(1).minus(net.dividedBy(list)).times(100).toNumber();
}

function scalarOrNull<T>(value: T): T | null {
  return Array.isArray(value) ? null : value;
}
