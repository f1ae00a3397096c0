import type { ActionContext, Order, OrderLine, ResolvedQuote } from './model';
import type { OrderPlan } from './split-plan';

export interface DraftOrderOptions extends ActionContext {
  /** Supplies the id of each new order (ids come from outside the domain). */
  readonly newId: (index: number) => string;
  /** Sequence number of the first new order; later orders count up from it. */
  readonly firstSequence: number;
}

/** Turns a plan into draft orders. An empty plan makes no order. */
export function draftOrdersFromPlan(
  quote: ResolvedQuote,
  plan: OrderPlan,
  options: DraftOrderOptions,
): Order[] {
  return plan.orders.map((planned, index) => {
    const lines: OrderLine[] = planned.lines.map((pl) => {
      const line = quote.byId.get(pl.lineId);
      if (!line)
        throw new Error(
          `plan names line ${pl.lineId}, which quote ${quote.id} does not have`,
        );
      return {
        lineId: line.id,
        sku: line.sku,
        quantity: pl.quantity,
        start: line.start,
        end: line.end,
        fulfilments: [],
      };
    });
    return {
      id: options.newId(index),
      quoteId: quote.id,
      key: planned.key,
      status: 'draft',
      sequence: options.firstSequence + index,
      lines,
      effectiveDate: planned.effectiveDate,
      history: [
        {
          from: 'draft',
          to: 'draft',
          event: 'create',
          at: options.at,
          actor: options.actor,
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
        },
      ],
    };
  });
}
