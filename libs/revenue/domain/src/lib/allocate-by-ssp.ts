import { Decimal, spreadCumulative } from '@signet/shared-kernel';
import type { Order, ResolvedLine, ResolvedQuote } from '@signet/orders-domain';
import type { AllocationMethod, LineAllocation } from './revenue-model';

/** Ordered quantity per quote line over non-cancelled orders (drafts included), in one pass. */
export function orderedQuantities(
  quote: ResolvedQuote,
  orders: readonly Order[],
): Map<string, Decimal> {
  const ordered = new Map<string, Decimal>();
  for (const o of orders) {
    if (o.status === 'cancelled' || o.quoteId !== quote.id) continue;
    for (const l of o.lines)
      ordered.set(
        l.lineId,
        (ordered.get(l.lineId) ?? Decimal.ZERO).add(l.quantity),
      );
  }
  return ordered;
}

/** A line's contribution to the transaction price: its netTotal, or round(netTotal × ordered ÷ quoted) when partial. */
export function orderedNetTotal(line: ResolvedLine, ordered: Decimal): Decimal {
  return ordered.eq(line.quantity)
    ? line.netTotal
    : line.netTotal.mul(ordered).div(line.quantity).round2();
}

/**
 * SSP total of the ordered quantity: one-time ssp × quantity; recurring ssp × quantity × term ÷ 12
 * (resolved term, else the line's own span is not used); a product without ssp weighs its netTotal.
 */
export function sspWeight(
  line: ResolvedLine,
  ordered: Decimal,
  netTotal: Decimal,
): Decimal {
  const ssp = line.product.ssp;
  if (ssp === null || ssp === undefined) return netTotal;
  if (line.product.chargeType === 'one-time') return ssp.mul(ordered);
  return ssp
    .mul(ordered)
    .mul(line.term ?? 12)
    .div(12);
}

/**
 * Allocates the quote's transaction price (the ordered lines' net totals, however many orders)
 * to its lines: in proportion to SSP totals with cumulative rounding in quote line order, or as is.
 */
export function allocateTransactionPrice(
  quote: ResolvedQuote,
  orders: readonly Order[],
  method: AllocationMethod,
): LineAllocation[] {
  const ordered = orderedQuantities(quote, orders);
  const base = quote.lines
    .filter((line) => ordered.get(line.id)?.isPositive())
    .map((line) => {
      const orderedQuantity = ordered.get(line.id) as Decimal;
      const netTotal = orderedNetTotal(line, orderedQuantity);
      return {
        lineId: line.id,
        orderedQuantity,
        netTotal,
        sspWeight: sspWeight(line, orderedQuantity, netTotal),
      };
    });
  if (method === 'none')
    return base.map((b) => ({ ...b, allocated: b.netTotal }));
  const transactionPrice = Decimal.sum(base.map((b) => b.netTotal));
  const parts = spreadCumulative(
    transactionPrice,
    base.map((b) => b.sspWeight),
  );
  return base.map((b, i) => ({ ...b, allocated: parts[i] }));
}
