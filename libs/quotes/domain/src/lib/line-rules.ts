import { Decimal } from '@signet/shared-kernel';
import type { LineDraft } from './model';
import type { Violation } from './quotes-error';

/** numeric(18,4) and numeric(18,2): the largest magnitudes the database keeps. */
const MAX_QUANTITY = Decimal.of('1e14');
const MAX_PRICE = Decimal.of('1e16');
export const MAX_TERM_MONTHS = 600;
const MAX_GROUP_LENGTH = 120;

function scaleOf(value: Decimal): number {
  const text = value.toString();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Checks one line's own values; `path` is where it sits in the request (`lines[3]`). */
export function validateLineValues(line: LineDraft, path: string): Violation[] {
  const problems: Violation[] = [];
  const { quantity, listUnitPrice, discountPercent, termMonths, group } = line;
  if (
    !quantity.isPositive() ||
    quantity.gte(MAX_QUANTITY) ||
    scaleOf(quantity) > 4
  )
    problems.push({
      field: `${path}.quantity`,
      message:
        'quantity must be positive, below 10^14, with at most 4 decimals',
    });
  if (
    listUnitPrice &&
    (listUnitPrice.isNegative() ||
      listUnitPrice.gte(MAX_PRICE) ||
      scaleOf(listUnitPrice) > 2)
  )
    problems.push({
      field: `${path}.listUnitPrice`,
      message:
        'listUnitPrice must be 0 or more, below 10^16, with at most 2 decimals',
    });
  if (
    discountPercent &&
    (discountPercent.isNegative() ||
      discountPercent.gt(100) ||
      scaleOf(discountPercent) > 4)
  )
    problems.push({
      field: `${path}.discountPercent`,
      message:
        'discountPercent must be between 0 and 100, with at most 4 decimals',
    });
  if (
    termMonths !== null &&
    (!Number.isInteger(termMonths) ||
      termMonths < 1 ||
      termMonths > MAX_TERM_MONTHS)
  )
    problems.push({
      field: `${path}.termMonths`,
      message: `termMonths must be a whole number from 1 to ${MAX_TERM_MONTHS}`,
    });
  if (
    group !== null &&
    (group.trim() === '' || group.length > MAX_GROUP_LENGTH)
  )
    problems.push({
      field: `${path}.group`,
      message: `group must be a non-empty name of at most ${MAX_GROUP_LENGTH} characters`,
    });
  return problems;
}

/**
 * Bundle structure over a whole quote: ids unique, every parent names a line of the quote, no
 * cycles. O(n): each line's root is found once and memoised.
 */
export function validateBundles(
  lines: readonly Pick<LineDraft, 'id' | 'parentId'>[],
  pathOf: (id: string) => string,
): Violation[] {
  const byId = new Map<string, Pick<LineDraft, 'id' | 'parentId'>>();
  const problems: Violation[] = [];
  for (const line of lines) {
    if (byId.has(line.id))
      problems.push({
        field: `${pathOf(line.id)}.id`,
        message: `line id ${line.id} appears twice`,
      });
    byId.set(line.id, line);
  }
  const settled = new Set<string>();
  for (const line of lines) {
    const path: string[] = [];
    let current: Pick<LineDraft, 'id' | 'parentId'> | undefined = line;
    while (current && !settled.has(current.id)) {
      if (path.includes(current.id)) {
        problems.push({
          field: `${pathOf(line.id)}.parentId`,
          message: `bundle cycle through line ${current.id}`,
        });
        break;
      }
      path.push(current.id);
      if (current.parentId === null) break;
      const parent = byId.get(current.parentId);
      if (!parent) {
        problems.push({
          field: `${pathOf(current.id)}.parentId`,
          message: `parent ${current.parentId} is not a line of this quote`,
        });
        break;
      }
      current = parent;
    }
    for (const id of path) settled.add(id);
  }
  return problems;
}

/** Ids of `removed` lines and of every line inside their bundles (a component goes with its root). */
export function withComponents(
  lines: readonly Pick<LineDraft, 'id' | 'parentId'>[],
  removed: ReadonlySet<string>,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const line of lines) {
    if (line.parentId === null) continue;
    const list = children.get(line.parentId);
    if (list) list.push(line.id);
    else children.set(line.parentId, [line.id]);
  }
  const all = new Set<string>();
  const stack = [...removed];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (all.has(id)) continue;
    all.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return all;
}
