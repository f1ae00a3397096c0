import { Decimal } from '@signet/shared-kernel';
import type { ResolvedQuote } from './model';
import type { OrderPlan } from './split-plan';

/** What an order line is worth: round(quote line netTotal × ordered ÷ quoted), rounded once. */
export function orderLineNetTotal(
  lineNetTotal: Decimal,
  quoted: Decimal,
  ordered: Decimal,
): Decimal {
  if (ordered.eq(quoted)) return lineNetTotal.round2();
  return lineNetTotal.mul(ordered).div(quoted).round2();
}

export interface PlanLineSummary {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: Decimal;
  readonly quoted: Decimal;
  readonly netTotal: Decimal;
  readonly start: string;
  readonly end: string;
  readonly position: number;
}

export interface PlanOrderSummary {
  readonly key: string;
  readonly effectiveDate: string;
  readonly lines: readonly PlanLineSummary[];
  readonly lineCount: number;
  readonly netTotal: Decimal;
}

export interface PlanSummary {
  readonly orders: readonly PlanOrderSummary[];
  readonly orderCount: number;
  readonly lineCount: number;
  readonly netTotal: Decimal;
}

/** Totals of a plan for previews and for the orders it becomes; the same numbers either way. */
export function summarisePlan(
  quote: ResolvedQuote,
  plan: OrderPlan,
): PlanSummary {
  let lineCount = 0;
  let total = Decimal.ZERO;
  const orders = plan.orders.map((o) => {
    const lines = o.lines.map((pl) => {
      const line = quote.byId.get(pl.lineId);
      if (!line)
        throw new Error(
          `plan names line ${pl.lineId}, not on quote ${quote.id}`,
        );
      return {
        lineId: line.id,
        sku: line.sku,
        quantity: pl.quantity,
        quoted: line.quantity,
        netTotal: orderLineNetTotal(line.netTotal, line.quantity, pl.quantity),
        start: line.start,
        end: line.end,
        position: line.position,
      };
    });
    const netTotal = Decimal.sum(lines.map((l) => l.netTotal));
    lineCount += lines.length;
    total = total.add(netTotal);
    return {
      key: o.key,
      effectiveDate: o.effectiveDate,
      lines,
      lineCount: lines.length,
      netTotal,
    };
  });
  return { orders, orderCount: orders.length, lineCount, netTotal: total };
}
