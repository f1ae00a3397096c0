import { definitionsOf, type FieldDefinition } from './custom-fields';
import type { LocalDate } from '@signet/shared-kernel';
import type { QuoteGroup } from './model';
import type { Violation } from './quotes-error';

/**
 * Line properties the orders split reads (`by` of POST /quotes/:id/orders and a quote's
 * `orderBy`); custom line fields are `fields.<name>`.
 */
export const ORDER_BY_PATHS = [
  'group',
  'sku',
  'startDate',
  'endDate',
  'termMonths',
  'shipTo',
] as const;

const FIELD_PATH = /^fields\.([A-Za-z][A-Za-z0-9_]*)$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_GROUP_NAME = 120;

/** Every `orderBy` entry must be a split path or a declared line field; each bad one is named. */
export function validateOrderBy(
  paths: readonly string[],
  definitions: readonly FieldDefinition[],
  at = 'orderBy',
): Violation[] {
  const lineFields = new Set(definitionsOf(definitions, 'line').keys());
  const problems: Violation[] = [];
  const seen = new Set<string>();
  paths.forEach((path, index) => {
    const field = `${at}[${index}]`;
    if (seen.has(path))
      problems.push({ field, message: `'${path}' appears twice` });
    seen.add(path);
    if ((ORDER_BY_PATHS as readonly string[]).includes(path)) return;
    const match = FIELD_PATH.exec(path);
    if (match && lineFields.has(match[1])) return;
    problems.push({
      field,
      message: `unknown split path '${path}': use ${ORDER_BY_PATHS.join(', ')} or fields.<line field>`,
    });
  });
  return problems;
}

/** The split paths a quote may order by, given the declared fields (for pickers). */
export function orderByChoices(
  definitions: readonly FieldDefinition[],
): string[] {
  return [
    ...ORDER_BY_PATHS,
    ...[...definitionsOf(definitions, 'line').keys()].map(
      (name) => `fields.${name}`,
    ),
  ];
}

/** ISO 4217 shape: three capital letters. */
export function validateCurrency(
  currency: string,
  at = 'currency',
): Violation[] {
  return CURRENCY.test(currency)
    ? []
    : [{ field: at, message: 'currency must be an ISO 4217 code like EUR' }];
}

/** Group names unique (case-sensitive), non-empty, at most 120 characters. */
export function validateGroups(
  groups: readonly QuoteGroup[],
  at = 'groups',
): Violation[] {
  const problems: Violation[] = [];
  const seen = new Set<string>();
  groups.forEach((group, index) => {
    const name = group.name.trim();
    if (name === '' || name.length > MAX_GROUP_NAME)
      problems.push({
        field: `${at}[${index}].name`,
        message: `a group name is 1 to ${MAX_GROUP_NAME} characters`,
      });
    if (seen.has(name))
      problems.push({
        field: `${at}[${index}].name`,
        message: `group '${name}' appears twice`,
      });
    seen.add(name);
  });
  return problems;
}

/**
 * The groups of a quote after its lines change: the declared ones in order, then any group a
 * line names that is not declared yet (no start date), in line order. With `strict`, a line
 * naming an undeclared group is a violation instead.
 */
export function groupsForLines(
  declared: readonly QuoteGroup[],
  lines: readonly { readonly group: string | null }[],
  strict: boolean,
  pathOf: (index: number) => string = (i) => `lines[${i}]`,
): { groups: QuoteGroup[]; problems: Violation[] } {
  const groups = [...declared];
  const names = new Set(declared.map((g) => g.name));
  const problems: Violation[] = [];
  lines.forEach((line, index) => {
    if (line.group === null || names.has(line.group)) return;
    if (strict) {
      problems.push({
        field: `${pathOf(index)}.group`,
        message: `no group '${line.group}' on this quote`,
      });
      return;
    }
    names.add(line.group);
    groups.push({ name: line.group, startDate: null as LocalDate | null });
  });
  return { groups, problems };
}
