import {
  addDays,
  addMonths,
  Decimal,
  isLocalDate,
  type LocalDate,
} from '@signet/shared-kernel';
import {
  definitionsOf,
  type FieldDefinition,
  validateFieldValues,
} from './custom-fields';
import { validateLineValues } from './line-rules';
import type { FieldValues, LineDraft, QuoteGroup } from './model';
import type { Violation } from './quotes-error';

/** What the import knows about the world, resolved set-based by the caller. */
export interface ImportContext {
  /** Product ids by lower-case sku. */
  readonly productsBySku: ReadonlyMap<string, string>;
  /** Ship-to location ids of the account by lower-case name. */
  readonly locationsByName: ReadonlyMap<string, string>;
  /** Declared groups; when given (strict), a line's group must be one of them. */
  readonly groups: readonly QuoteGroup[] | null;
  readonly fieldDefinitions: readonly FieldDefinition[];
  readonly quoteStart: LocalDate;
  readonly newId: () => string;
}

/** A line as a CRM sends it. */
export type ImportLine = Readonly<Record<string, unknown>>;

const LINE_KEYS = new Set([
  'sku',
  'quantity',
  'discountPercent',
  'listUnitPrice',
  'startDate',
  'endDate',
  'group',
  'shipTo',
  'fields',
]);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The whole months from `start` to `end` (inclusive: end = start + n months − 1 day), else null. */
export function monthsBetween(start: LocalDate, end: LocalDate): number | null {
  const [y1, m1] = start.split('-').map(Number);
  const [y2, m2] = end.split('-').map(Number);
  const guess = (y2 - y1) * 12 + (m2 - m1);
  for (const n of [guess, guess + 1, guess - 1])
    if (n >= 1 && addDays(addMonths(start, n), -1) === end) return n;
  return null;
}

/**
 * Reads a CRM's lines into drafts, naming every bad entry as `lines[i].<field>`: wrong types,
 * unknown keys, skus, groups, ship-to locations and custom fields, negative quantities,
 * discounts over 100, an end date that is not a whole number of months after the start.
 * Pure and O(lines).
 */
export function readImportLines(
  lines: readonly unknown[],
  context: ImportContext,
): { drafts: LineDraft[]; problems: Violation[] } {
  const lineFields = definitionsOf(context.fieldDefinitions, 'line');
  const groupStarts = context.groups
    ? new Map(context.groups.map((g) => [g.name, g.startDate]))
    : null;
  const drafts: LineDraft[] = [];
  const problems: Violation[] = [];
  lines.forEach((raw, index) => {
    const at = `lines[${index}]`;
    const bad = (field: string, message: string) =>
      problems.push({ field: `${at}.${field}`, message });
    if (!isPlain(raw)) {
      problems.push({ field: at, message: 'a line is an object' });
      return;
    }
    for (const key of Object.keys(raw))
      if (!LINE_KEYS.has(key)) bad(key, `${key} is not an allowed field`);
    const decimal = (key: string, required: boolean): Decimal | null => {
      const value = raw[key];
      if (value === undefined || value === null) {
        if (required) bad(key, `${key} is required`);
        return null;
      }
      const parsed =
        typeof value === 'string' || typeof value === 'number'
          ? Decimal.tryOf(value)
          : undefined;
      if (!parsed) bad(key, `${key} must be a decimal number`);
      return parsed ?? null;
    };
    const text = (key: string): string | null => {
      const value = raw[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string' || value.trim() === '') {
        bad(key, `${key} must be a non-empty string`);
        return null;
      }
      return value.trim();
    };
    const date = (key: string): LocalDate | null => {
      const value = raw[key];
      if (value === undefined || value === null) return null;
      if (!isLocalDate(value)) {
        bad(key, `${key} must be a date YYYY-MM-DD`);
        return null;
      }
      return value;
    };

    const sku = text('sku');
    let productId: string | undefined;
    if (raw['sku'] === undefined) bad('sku', 'sku is required');
    else if (sku) {
      productId = context.productsBySku.get(sku.toLowerCase());
      if (!productId) bad('sku', `no product with sku ${sku}`);
    }
    const quantity = decimal('quantity', true);
    const discountPercent = decimal('discountPercent', false);
    const listUnitPrice = decimal('listUnitPrice', false);
    const startDate = date('startDate');
    const endDate = date('endDate');
    const group = text('group');
    if (group !== null && groupStarts && !groupStarts.has(group))
      bad('group', `no group '${group}' in groups`);
    const shipTo = text('shipTo');
    let shipToLocationId: string | null = null;
    if (shipTo !== null) {
      shipToLocationId =
        context.locationsByName.get(shipTo.toLowerCase()) ?? null;
      if (!shipToLocationId)
        bad('shipTo', `no ship-to location '${shipTo}' on the account`);
    }
    let fields: FieldValues = {};
    if (raw['fields'] !== undefined && raw['fields'] !== null) {
      if (isPlain(raw['fields'])) {
        fields = raw['fields'] as FieldValues;
        problems.push(
          ...validateFieldValues(fields, lineFields, 'line', `${at}.fields`),
        );
      } else bad('fields', 'fields must be an object');
    }
    let termMonths: number | null = null;
    if (endDate) {
      const start =
        startDate ??
        (group !== null ? groupStarts?.get(group) : null) ??
        context.quoteStart;
      termMonths = monthsBetween(start, endDate);
      if (termMonths === null)
        bad(
          'endDate',
          `endDate must be a whole number of months after the start ${start} (start + n months − 1 day)`,
        );
    }
    const draft: LineDraft = {
      id: context.newId(),
      productId: productId ?? '',
      quantity: quantity ?? Decimal.ONE,
      listUnitPrice,
      discountPercent,
      parentId: null,
      group,
      startDate,
      termMonths,
      shipToLocationId,
      fields,
    };
    problems.push(...validateLineValues(draft, at));
    drafts.push(draft);
  });
  return { drafts, problems };
}
