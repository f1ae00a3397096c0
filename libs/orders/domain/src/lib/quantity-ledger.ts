import { Decimal } from '@signet/shared-kernel';
import type { Order, ResolvedQuote } from './model';

export interface LineBalance {
  readonly quoted: Decimal;
  readonly ordered: Decimal;
  readonly remaining: Decimal;
}

/**
 * How much of each quote line is already on a non-cancelled order. Cancelling an order releases
 * its quantities; ordered never exceeds quoted. Built in O(lines + order lines).
 */
export class QuantityLedger {
  private constructor(
    private readonly quoted: ReadonlyMap<string, Decimal>,
    private readonly ordered: ReadonlyMap<string, Decimal>,
  ) {}

  static fromOrders(
    quote: ResolvedQuote,
    orders: readonly Order[],
  ): QuantityLedger {
    const quoted = new Map<string, Decimal>();
    for (const line of quote.lines) quoted.set(line.id, line.quantity);
    const ordered = new Map<string, Decimal>();
    for (const order of orders) {
      if (order.status === 'cancelled' || order.quoteId !== quote.id) continue;
      for (const l of order.lines)
        ordered.set(
          l.lineId,
          (ordered.get(l.lineId) ?? Decimal.ZERO).add(l.quantity),
        );
    }
    return new QuantityLedger(quoted, ordered);
  }

  /** From stored balances (the database's per-line ordered quantities); unknown lines count as 0 ordered. */
  static fromBalances(
    quote: ResolvedQuote,
    ordered: ReadonlyMap<string, Decimal>,
  ): QuantityLedger {
    const quoted = new Map<string, Decimal>();
    for (const line of quote.lines) quoted.set(line.id, line.quantity);
    return new QuantityLedger(quoted, new Map(ordered));
  }

  has(lineId: string): boolean {
    return this.quoted.has(lineId);
  }

  balance(lineId: string): LineBalance {
    const quoted = this.quoted.get(lineId) ?? Decimal.ZERO;
    const ordered = this.ordered.get(lineId) ?? Decimal.ZERO;
    const remaining = Decimal.max(quoted.sub(ordered), Decimal.ZERO);
    return { quoted, ordered, remaining };
  }

  remaining(lineId: string): Decimal {
    return this.balance(lineId).remaining;
  }

  orderedOf(lineId: string): Decimal {
    return this.balance(lineId).ordered;
  }

  /** True when nothing remains on any line. */
  isExhausted(): boolean {
    for (const id of this.quoted.keys())
      if (!this.remaining(id).isZero()) return false;
    return true;
  }
}
