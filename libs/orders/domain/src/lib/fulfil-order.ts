import {
  Decimal,
  err,
  ok,
  type DecimalInput,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { ActionContext, Order } from './model';
import {
  applyOrderEvent,
  isFullyFulfilled,
  isOrderActive,
} from './order-lifecycle';
import { ordersError, type OrdersError } from './orders-error';

export interface FulfilmentInput {
  readonly lineId: string;
  readonly quantity: DecimalInput;
  readonly on: LocalDate;
}

/**
 * Records a fulfilment fact (usually from the ERP). Only live orders can be fulfilled; fulfilling more
 * than was ordered fails. When every line is fully fulfilled the order becomes `fulfilled`.
 */
export function fulfilOrderLine(
  order: Order,
  input: FulfilmentInput,
  ctx: ActionContext,
): Result<Order, OrdersError> {
  if (!isOrderActive(order)) {
    return err(
      ordersError(
        'order_not_active',
        `order ${order.id} (${order.key}) is ${order.status}`,
        { order: order.id, status: order.status },
      ),
    );
  }
  const index = order.lines.findIndex((l) => l.lineId === input.lineId);
  if (index < 0)
    return err(
      ordersError(
        'unknown_line',
        `order ${order.id} has no line ${input.lineId}`,
        { order: order.id, line: input.lineId },
      ),
    );
  const quantity = Decimal.tryOf(input.quantity);
  if (!quantity || !quantity.isPositive())
    return err(
      ordersError('invalid_input', 'a fulfilled quantity must be positive', {
        line: input.lineId,
      }),
    );
  const line = order.lines[index];
  const done = Decimal.sum(line.fulfilments.map((f) => f.quantity));
  const open = line.quantity.sub(done);
  if (quantity.gt(open)) {
    return err(
      ordersError(
        'quantity_exceeds_remaining',
        `line ${line.lineId}: ${quantity.toString()} fulfilled, ${open.toString()} open`,
        {
          line: line.lineId,
          requested: quantity.toString(),
          remaining: open.toString(),
        },
      ),
    );
  }
  const lines = order.lines.map((l, i) =>
    i === index
      ? { ...l, fulfilments: [...l.fulfilments, { quantity, on: input.on }] }
      : l,
  );
  const history = [
    ...order.history,
    {
      from: order.status,
      to: order.status,
      event: 'fulfil' as const,
      at: ctx.at,
      actor: ctx.actor,
      reason: `${line.lineId} × ${quantity.toString()} on ${input.on}`,
    },
  ];
  const updated: Order = { ...order, lines, history };
  if (updated.status === 'activated' && isFullyFulfilled(updated))
    return applyOrderEvent(updated, 'complete', ctx);
  return ok(updated);
}
