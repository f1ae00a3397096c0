import { Decimal, isLocalDate } from '@signet/shared-kernel';
import type { FieldScalar, FieldValue, FieldValues } from './model';
import type { Violation } from './quotes-error';

/**
 * Custom fields that admins define on quotes and lines. Approval rules test them
 * (`quote.<name>`, line filters) and orders split by them (`fields.<name>`), so their values
 * are typed and checked on every write.
 */
export type FieldObject = 'quote' | 'line';
export const FIELD_TYPES = [
  'text',
  'number',
  'decimal',
  'date',
  'boolean',
  'picklist',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  readonly object: FieldObject;
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  /** Allowed values of a picklist; null for other types. */
  readonly options: readonly string[] | null;
  /** A multi-select picklist holds a list of options. */
  readonly multiple: boolean;
  /** Decimals a `decimal` field allows (0–6); null or absent: any. */
  readonly scale?: number | null;
}

/** Names Signet computes or stores itself; a custom field may not shadow them. */
export const STANDARD_FIELDS: Readonly<Record<FieldObject, readonly string[]>> =
  {
    quote: [
      'id',
      'number',
      'name',
      'status',
      'ownerId',
      'accountId',
      'accountName',
      'startDate',
      'termMonths',
      'validUntil',
      'lineCount',
      'listTotal',
      'netTotal',
      'discountAmount',
      'discountPercent',
      'oneTimeTotal',
      'recurringTotal',
    ],
    line: [
      'id',
      'productId',
      'sku',
      'productName',
      'family',
      'chargeType',
      'quantity',
      'listUnitPrice',
      'discountPercent',
      'listTotal',
      'netTotal',
      'group',
      'parentId',
      'startDate',
      'endDate',
      'termMonths',
    ],
  };

const NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,39}$/;
const MAX_TEXT_LENGTH = 1000;
const MAX_OPTIONS = 200;
export const MAX_DECIMAL_SCALE = 6;
/** Plain decimal notation only: values are compared and summed exactly, never as floats. */
const DECIMAL_TEXT = /^[+-]?\d{1,20}(\.\d{1,12})?$/;

/** Checks a new definition against the rules and the definitions that already exist. */
export function validateFieldDefinition(
  definition: FieldDefinition,
  existing: readonly FieldDefinition[],
): Violation[] {
  const problems: Violation[] = [];
  const { object, name, type, options, multiple, scale } = definition;
  if (!NAME_PATTERN.test(name))
    problems.push({
      field: 'name',
      message:
        'name must start with a lower-case letter and hold only letters and digits (at most 40)',
    });
  else if (STANDARD_FIELDS[object].includes(name))
    problems.push({
      field: 'name',
      message: `${name} is a standard ${object} field`,
    });
  else if (existing.some((d) => d.object === object && d.name === name))
    problems.push({
      field: 'name',
      message: `a ${object} field named ${name} already exists`,
    });
  if (type === 'picklist') {
    const list = options ?? [];
    if (list.length === 0 || list.length > MAX_OPTIONS)
      problems.push({
        field: 'options',
        message: `a picklist needs 1 to ${MAX_OPTIONS} options`,
      });
    else if (new Set(list).size !== list.length)
      problems.push({ field: 'options', message: 'options must be unique' });
    else if (list.some((o) => o.trim() === '' || o.length > 200))
      problems.push({
        field: 'options',
        message: 'options must be non-empty texts of at most 200 characters',
      });
  } else {
    if (options && options.length > 0)
      problems.push({
        field: 'options',
        message: 'only picklists have options',
      });
    if (multiple)
      problems.push({
        field: 'multiple',
        message: 'only picklists can hold several values',
      });
  }
  if (scale !== undefined && scale !== null) {
    if (type !== 'decimal')
      problems.push({ field: 'scale', message: 'only decimal fields have a scale' });
    else if (!Number.isInteger(scale) || scale < 0 || scale > MAX_DECIMAL_SCALE)
      problems.push({
        field: 'scale',
        message: `scale must be a whole number from 0 to ${MAX_DECIMAL_SCALE}`,
      });
  }
  return problems;
}

function checkDecimal(definition: FieldDefinition, value: FieldScalar): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const scale = definition.scale ?? null;
  const expected =
    scale === null ? 'must be a decimal number' : `must be a decimal number with at most ${scale} decimals`;
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text.trim())) return expected;
  const amount = Decimal.of(text);
  return scale === null || amount.round(scale).eq(amount) ? null : expected;
}

function checkScalar(
  definition: FieldDefinition,
  value: FieldScalar,
): string | null {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH
        ? null
        : `must be a text of at most ${MAX_TEXT_LENGTH} characters`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : 'must be a number';
    case 'decimal':
      return checkDecimal(definition, value);
    case 'date':
      return isLocalDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'picklist':
      return typeof value === 'string' &&
        (definition.options ?? []).includes(value)
        ? null
        : `must be one of: ${(definition.options ?? []).join(', ')}`;
  }
}

function checkValue(
  definition: FieldDefinition,
  value: FieldValue,
): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) {
    if (!definition.multiple) return 'must be a single value, not a list';
    if (new Set(value).size !== value.length) return 'must not repeat a value';
    for (const item of value) {
      const problem = checkScalar(definition, item);
      if (problem) return `each value ${problem}`;
    }
    return null;
  }
  if (definition.multiple) return 'must be a list of values';
  return checkScalar(definition, value as FieldScalar);
}

/**
 * Checks custom field values against the definitions of one object. A null clears a field.
 * `path` prefixes each violation (`fields`, `lines[3].fields`).
 */
export function validateFieldValues(
  values: FieldValues,
  definitions: ReadonlyMap<string, FieldDefinition>,
  object: FieldObject,
  path: string,
): Violation[] {
  const problems: Violation[] = [];
  for (const [name, value] of Object.entries(values)) {
    const definition = definitions.get(name);
    const field = `${path}.${name}`;
    if (!definition || definition.object !== object) {
      problems.push({
        field,
        message: `${name} is not a defined ${object} field`,
      });
      continue;
    }
    const problem = checkValue(definition, value);
    if (problem) problems.push({ field, message: `${name} ${problem}` });
  }
  return problems;
}

/** Definitions of one object keyed by name, for `validateFieldValues`. */
export function definitionsOf(
  all: readonly FieldDefinition[],
  object: FieldObject,
): Map<string, FieldDefinition> {
  return new Map(
    all.filter((d) => d.object === object).map((d) => [d.name, d]),
  );
}

/** Merges a field change into stored values: a null removes the field. */
export function mergeFieldValues(
  current: FieldValues,
  change: FieldValues,
): FieldValues {
  const next: Record<string, FieldValue> = { ...current };
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}
