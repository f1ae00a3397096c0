import {
  Decimal,
  spreadCumulative,
  type LocalDate,
  type MonthKey,
} from '@signet/shared-kernel';
import {
  isOrderActive,
  type Order,
  type ResolvedQuote,
} from '@signet/orders-domain';
import type { Contract } from '@signet/contracts-domain';
import { allocateTransactionPrice } from './allocate-by-ssp';
import { monthlyAmounts, recognisedThrough } from './recognize';
import type {
  AllocationMethod,
  LineAllocation,
  RevenueReport,
  RevenueSchedule,
} from './revenue-model';

export interface RevenueInput {
  readonly quote: ResolvedQuote;
  readonly orders: readonly Order[];
  /** Contracts of the quote's orders: their amendment deltas are recognised ratably, not re-allocated. */
  readonly contracts: readonly Contract[];
  readonly allocation: AllocationMethod;
}

/** Spreads each line's allocation over its order lines by quantity, in order creation order. */
function orderLineSchedules(
  quote: ResolvedQuote,
  orders: readonly Order[],
  lines: readonly LineAllocation[],
): RevenueSchedule[] {
  const live = orders
    .filter((o) => o.status !== 'cancelled' && o.quoteId === quote.id)
    .sort((a, b) => a.sequence - b.sequence);
  const schedules: RevenueSchedule[] = [];
  for (const allocation of lines) {
    const line = quote.byId.get(allocation.lineId);
    if (!line) continue;
    const parts = live.flatMap((order) =>
      order.lines
        .filter((l) => l.lineId === allocation.lineId)
        .map((orderLine) => ({ order, orderLine })),
    );
    const amounts = spreadCumulative(
      allocation.allocated,
      parts.map((p) => p.orderLine.quantity),
    );
    parts.forEach(({ order, orderLine }, i) => {
      if (!isOrderActive(order)) return;
      const base = {
        id: `${order.id}:${line.id}`,
        lineId: line.id,
        orderId: order.id,
        amount: amounts[i],
      };
      schedules.push(
        line.product.revenue === 'ratable'
          ? {
              ...base,
              kind: 'ratable',
              start: orderLine.start,
              end: orderLine.end,
            }
          : {
              ...base,
              kind: 'point-in-time',
              quantity: orderLine.quantity,
              fulfilments: orderLine.fulfilments,
            },
      );
    });
  }
  return schedules;
}

function deltaSchedules(
  quote: ResolvedQuote,
  contracts: readonly Contract[],
): RevenueSchedule[] {
  return contracts
    .filter((c) => c.quoteId === quote.id)
    .flatMap((c) =>
      c.deltas.map((d) => ({
        kind: 'ratable' as const,
        id: d.id,
        lineId: null,
        orderId: null,
        amount: d.netTotal,
        start: d.start,
        end: d.end,
      })),
    );
}

/** Sums schedules per calendar month, keeping only months with a non-zero amount, in month order. */
export function revenueByPeriod(
  schedules: readonly RevenueSchedule[],
): Map<MonthKey, Decimal> {
  const totals = new Map<MonthKey, Decimal>();
  for (const s of schedules)
    for (const [month, amount] of monthlyAmounts(s))
      totals.set(month, (totals.get(month) ?? Decimal.ZERO).add(amount));
  return new Map(
    [...totals]
      .filter(([, v]) => !v.isZero())
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * The revenue of one quote: transaction price allocated to lines (splitting never changes it),
 * recognition for activated orders' lines and amendment deltas, aggregated by month.
 */
export function revenueReport(input: RevenueInput): RevenueReport {
  const lines = allocateTransactionPrice(
    input.quote,
    input.orders,
    input.allocation,
  );
  const schedules = [
    ...orderLineSchedules(input.quote, input.orders, lines),
    ...deltaSchedules(input.quote, input.contracts),
  ];
  const byPeriod = revenueByPeriod(schedules);
  return {
    quoteId: input.quote.id,
    allocation: input.allocation,
    transactionPrice: Decimal.sum(lines.map((l) => l.netTotal)),
    lines,
    schedules,
    byPeriod,
    total: Decimal.sum(byPeriod.values()),
  };
}

/** Recognised revenue through a date (inclusive), ratable by day. */
export function recognisedAt(report: RevenueReport, d: LocalDate): Decimal {
  return Decimal.sum(report.schedules.map((s) => recognisedThrough(s, d)));
}

/** Deferred revenue at the end of a day: everything scheduled (activated lines and deltas) not yet recognised. */
export function deferredAt(report: RevenueReport, d: LocalDate): Decimal {
  return Decimal.sum(report.schedules.map((s) => s.amount)).sub(
    recognisedAt(report, d),
  );
}
