import {
  Decimal,
  StateMachine,
  err,
  ok,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { ActionContext, Order, OrderEvent, OrderStatus } from './model';
import { ordersError, type OrdersError } from './orders-error';

/** Orders move draft → activated → fulfilled; only drafts can be cancelled. */
export const ORDER_TRANSITIONS = [
  { from: 'draft', event: 'activate', to: 'activated' },
  { from: 'draft', event: 'cancel', to: 'cancelled' },
  { from: 'activated', event: 'complete', to: 'fulfilled' },
] as const satisfies readonly {
  from: OrderStatus;
  event: OrderEvent;
  to: OrderStatus;
}[];

export const orderStateMachine = new StateMachine<
  OrderStatus,
  OrderEvent,
  Order
>({
  states: ['draft', 'activated', 'fulfilled', 'cancelled'],
  initial: 'draft',
  transitions: ORDER_TRANSITIONS,
  guards: [
    {
      name: 'has-lines',
      events: ['activate'],
      check: ({ ctx }) =>
        ctx.lines.length === 0
          ? 'an order without lines cannot be activated'
          : undefined,
    },
    {
      name: 'fully-fulfilled',
      events: ['complete'],
      check: ({ ctx }) =>
        isFullyFulfilled(ctx)
          ? undefined
          : 'some quantity is not fulfilled yet',
    },
  ],
});

/** Activated and fulfilled orders are live: they can be fulfilled (fulfilled ones have nothing left) and contracted. */
export function isOrderActive(order: Order): boolean {
  return order.status === 'activated' || order.status === 'fulfilled';
}

export function fulfilledQuantity(order: Order, lineId: string): Decimal {
  const line = order.lines.find((l) => l.lineId === lineId);
  return Decimal.sum(line?.fulfilments.map((f) => f.quantity) ?? []);
}

export function isFullyFulfilled(order: Order): boolean {
  return order.lines.every((l) =>
    Decimal.sum(l.fulfilments.map((f) => f.quantity)).gte(l.quantity),
  );
}

/** Applies a lifecycle event through the state machine, appending the history entry. */
export function applyOrderEvent(
  order: Order,
  event: OrderEvent,
  ctx: ActionContext,
): Result<Order, OrdersError> {
  const r = orderStateMachine.transition(order.status, event, {
    ...ctx,
    data: order,
  });
  if (!r.ok) {
    return err(
      ordersError(
        'invalid_state',
        `order ${order.id} (${order.key}) is ${order.status}: ${r.error.message}`,
        {
          order: order.id,
          status: order.status,
          event,
        },
      ),
    );
  }
  return ok({
    ...order,
    status: r.value.state,
    history: [...order.history, r.value.history],
  });
}

/** Activates a draft order on a business date (`on`); activating twice fails with invalid_state. */
export function activateOrder(
  order: Order,
  on: LocalDate,
  ctx: ActionContext,
): Result<Order, OrdersError> {
  const r = applyOrderEvent(order, 'activate', ctx);
  return r.ok ? ok({ ...r.value, activatedOn: on }) : r;
}

/** Cancels a draft; an activated or fulfilled order cannot be cancelled (invalid_state). */
export function cancelOrder(
  order: Order,
  ctx: ActionContext,
): Result<Order, OrdersError> {
  return applyOrderEvent(order, 'cancel', ctx);
}
