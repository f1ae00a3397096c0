import {
  Decimal,
  err,
  minDate,
  ok,
  type DecimalInput,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { ResolvedLine, ResolvedQuote } from './model';
import { ordersError, type OrdersError } from './orders-error';
import type { QuantityLedger } from './quantity-ledger';
import { normaliseSplitBy, splitKey, type SplitBy } from './split-key';

export interface SplitRequest {
  readonly by?: SplitBy;
  /** A subset of lines; naming a bundle root or component selects the whole bundle. */
  readonly lines?: readonly string[] | null;
  /** Partial quantities per line; lines not named order all that remains. */
  readonly quantities?: Readonly<Record<string, DecimalInput>> | null;
}

export interface PlannedOrderLine {
  readonly lineId: string;
  readonly quantity: Decimal;
}

export interface PlannedOrder {
  readonly key: string;
  readonly lines: readonly PlannedOrderLine[];
  readonly effectiveDate: LocalDate;
}

export interface OrderPlan {
  readonly quoteId: string;
  /** In order of first appearance in the quote; empty when nothing remains to order. */
  readonly orders: readonly PlannedOrder[];
}

function selectRoots(
  quote: ResolvedQuote,
  lineIds: readonly string[] | null | undefined,
): Result<Set<string> | null, OrdersError> {
  if (lineIds === null || lineIds === undefined) return ok(null);
  const roots = new Set<string>();
  for (const id of lineIds) {
    const line = quote.byId.get(id);
    if (!line)
      return err(
        ordersError('unknown_line', `quote ${quote.id} has no line ${id}`, {
          line: id,
        }),
      );
    roots.add(line.rootId);
  }
  return ok(roots);
}

function explicitQuantities(
  quote: ResolvedQuote,
  ledger: QuantityLedger,
  roots: Set<string> | null,
  quantities: SplitRequest['quantities'],
): Result<Map<string, Decimal>, OrdersError> {
  const result = new Map<string, Decimal>();
  for (const [id, raw] of Object.entries(quantities ?? {})) {
    const line = quote.byId.get(id);
    if (!line)
      return err(
        ordersError('unknown_line', `quote ${quote.id} has no line ${id}`, {
          line: id,
        }),
      );
    if (roots && !roots.has(line.rootId)) {
      return err(
        ordersError(
          'invalid_input',
          `a quantity is given for line ${id}, which is not selected`,
          { line: id },
        ),
      );
    }
    const quantity = Decimal.tryOf(raw);
    if (!quantity || quantity.isNegative())
      return err(
        ordersError(
          'invalid_input',
          `quantity for line ${id} must be a number ≥ 0`,
          { line: id },
        ),
      );
    const remaining = ledger.remaining(id);
    if (quantity.gt(remaining)) {
      return err(
        ordersError(
          'quantity_exceeds_remaining',
          `line ${id}: ${quantity.toString()} requested, ${remaining.toString()} remaining`,
          {
            line: id,
            requested: quantity.toString(),
            remaining: remaining.toString(),
          },
        ),
      );
    }
    result.set(id, quantity);
  }
  return ok(result);
}

/**
 * Decides which orders a createOrders call would make, without making them (the API's dry run).
 * Lines are grouped by the tuple of their `by` values, components by their root's; lines with nothing
 * remaining are skipped, so repeating a call plans nothing. O(n) in quote lines.
 */
export function planOrders(
  quote: ResolvedQuote,
  ledger: QuantityLedger,
  request: SplitRequest,
): Result<OrderPlan, OrdersError> {
  const roots = selectRoots(quote, request.lines);
  if (!roots.ok) return roots;
  const explicit = explicitQuantities(
    quote,
    ledger,
    roots.value,
    request.quantities,
  );
  if (!explicit.ok) return explicit;
  const paths = normaliseSplitBy(request.by);
  const rootKeys = new Map<string, string>();
  const groups = new Map<
    string,
    { lines: PlannedOrderLine[]; effectiveDate: LocalDate }
  >();
  for (const line of quote.lines) {
    if (roots.value && !roots.value.has(line.rootId)) continue;
    const quantity = explicit.value.get(line.id) ?? ledger.remaining(line.id);
    if (quantity.isZero()) continue;
    const key = keyOfRoot(quote, line, paths, rootKeys);
    const group = groups.get(key);
    if (group) {
      group.lines.push({ lineId: line.id, quantity });
      group.effectiveDate = minDate(group.effectiveDate, line.start);
    } else {
      groups.set(key, {
        lines: [{ lineId: line.id, quantity }],
        effectiveDate: line.start,
      });
    }
  }
  const orders = [...groups.entries()].map(([key, g]) => ({
    key,
    lines: g.lines,
    effectiveDate: g.effectiveDate,
  }));
  return ok({ quoteId: quote.id, orders });
}

function keyOfRoot(
  quote: ResolvedQuote,
  line: ResolvedLine,
  paths: readonly string[],
  cache: Map<string, string>,
): string {
  const cached = cache.get(line.rootId);
  if (cached !== undefined) return cached;
  const key = splitKey(quote.byId.get(line.rootId) as ResolvedLine, paths);
  cache.set(line.rootId, key);
  return key;
}
