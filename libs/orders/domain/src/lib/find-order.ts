import { err, ok, type Result } from '@signet/shared-kernel';
import type { Order } from './model';
import { ordersError, type OrdersError } from './orders-error';

/** The most recently created order with this key (keys repeat when lines are re-ordered after a cancel). */
export function findOrderByKey(
  orders: readonly Order[],
  key: string,
): Result<Order, OrdersError> {
  let found: Order | undefined;
  for (const o of orders)
    if (o.key === key && (!found || o.sequence > found.sequence)) found = o;
  return found
    ? ok(found)
    : err(ordersError('unknown_order', `no order with key "${key}"`, { key }));
}

export function findOrderById(
  orders: readonly Order[],
  id: string,
): Result<Order, OrdersError> {
  const found = orders.find((o) => o.id === id);
  return found
    ? ok(found)
    : err(ordersError('unknown_order', `no order ${id}`, { order: id }));
}

/** Replaces orders by id, keeping positions; used to apply a changed order to a list. */
export function replaceOrders(
  orders: readonly Order[],
  changed: readonly Order[],
): Order[] {
  const byId = new Map(changed.map((o) => [o.id, o]));
  return orders.map((o) => byId.get(o.id) ?? o);
}
