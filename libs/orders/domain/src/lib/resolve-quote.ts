import {
  addDays,
  addMonths,
  err,
  ok,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type {
  Catalog,
  Product,
  Quote,
  QuoteLine,
  ResolvedLine,
  ResolvedQuote,
} from './model';
import { ordersError, type OrdersError } from './orders-error';

/** Term months resolve line, else quote, else product. */
export function resolveTerm(
  line: QuoteLine,
  quote: Quote,
  product: Product,
): number | null {
  return line.termMonths ?? quote.termMonths ?? product.termMonths ?? null;
}

/**
 * A line's start defaults to the quote's; a recurring line ends on start + term months − 1 day
 * (months clamp to the shorter month) unless it has an explicit end; a one-time line ends on its start.
 */
export function resolveLineDates(
  line: QuoteLine,
  quote: Quote,
  product: Product,
): Result<
  { start: LocalDate; end: LocalDate; term: number | null },
  OrdersError
> {
  const start = line.startDate ?? quote.startDate;
  const term = resolveTerm(line, quote, product);
  if (product.chargeType === 'one-time') return ok({ start, end: start, term });
  if (line.endDate) {
    if (line.endDate < start)
      return err(
        ordersError('invalid_quote', `line ${line.id} ends before it starts`, {
          line: line.id,
        }),
      );
    return ok({ start, end: line.endDate, term });
  }
  if (term === null || !Number.isInteger(term) || term <= 0) {
    return err(
      ordersError(
        'invalid_quote',
        `recurring line ${line.id} has no term in months`,
        { line: line.id },
      ),
    );
  }
  return ok({ start, end: addDays(addMonths(start, term), -1), term });
}

/** Follows parents to the outermost root; detects unknown parents and cycles. O(n) over all lines with memoisation. */
function resolveRoots(
  lines: readonly QuoteLine[],
  byId: ReadonlyMap<string, QuoteLine>,
): Result<Map<string, string>, OrdersError> {
  const roots = new Map<string, string>();
  for (const line of lines) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: QuoteLine = line;
    let root: string | undefined;
    while (root === undefined) {
      const known = roots.get(current.id);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (onPath.has(current.id))
        return err(
          ordersError(
            'invalid_quote',
            `bundle cycle through line ${current.id}`,
            { line: current.id },
          ),
        );
      path.push(current.id);
      onPath.add(current.id);
      if (!current.parent) {
        root = current.id;
        break;
      }
      const parent = byId.get(current.parent);
      if (!parent)
        return err(
          ordersError(
            'invalid_quote',
            `line ${current.id} names unknown parent ${current.parent}`,
            { line: current.id },
          ),
        );
      current = parent;
    }
    for (const id of path) roots.set(id, root);
  }
  return ok(roots);
}

/** Validates a quote against the catalogue and resolves every line's product, dates, term and bundle root. */
export function resolveQuote(
  quote: Quote,
  catalog: Catalog,
): Result<ResolvedQuote, OrdersError> {
  const byIdRaw = new Map<string, QuoteLine>();
  for (const line of quote.lines) {
    if (byIdRaw.has(line.id))
      return err(
        ordersError('invalid_quote', `duplicate line id ${line.id}`, {
          line: line.id,
        }),
      );
    if (!line.quantity.isPositive())
      return err(
        ordersError(
          'invalid_quote',
          `line ${line.id} has a quantity that is not positive`,
          { line: line.id },
        ),
      );
    byIdRaw.set(line.id, line);
  }
  const roots = resolveRoots(quote.lines, byIdRaw);
  if (!roots.ok) return roots;
  const lines: ResolvedLine[] = [];
  const byId = new Map<string, ResolvedLine>();
  const bundles = new Map<string, ResolvedLine[]>();
  for (const [position, line] of quote.lines.entries()) {
    const product = catalog.get(line.sku);
    if (!product)
      return err(
        ordersError(
          'invalid_quote',
          `line ${line.id} names unknown sku ${line.sku}`,
          { line: line.id },
        ),
      );
    const dates = resolveLineDates(line, quote, product);
    if (!dates.ok) return dates;
    const rootId = roots.value.get(line.id) as string;
    const resolved: ResolvedLine = {
      ...line,
      product,
      ...dates.value,
      rootId,
      position,
    };
    lines.push(resolved);
    byId.set(line.id, resolved);
    const members = bundles.get(rootId);
    if (members) members.push(resolved);
    else bundles.set(rootId, [resolved]);
  }
  return ok({
    id: quote.id,
    account: quote.account,
    startDate: quote.startDate,
    lines,
    byId,
    bundles,
  });
}
