import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import { ctx, resolved } from '../testing/fixtures';
import { draftOrdersFromPlan } from './create-orders';
import { findOrderById, findOrderByKey, replaceOrders } from './find-order';
import type { Order, OrderStatus } from './model';
import {
  activateOrder,
  cancelOrder,
  isOrderActive,
  orderStateMachine,
} from './order-lifecycle';
import { QuantityLedger } from './quantity-ledger';
import { planOrders } from './split-plan';

const q = resolved([
  { id: 'L1', quantity: 3, fields: { shipTo: 'Berlin' } },
  { id: 'L2', sku: 'SUB', quantity: 10, fields: { shipTo: 'Paris' } },
]);
const [berlin, paris] = draftOrdersFromPlan(
  q,
  unwrap(
    planOrders(q, QuantityLedger.fromOrders(q, []), { by: 'fields.shipTo' }),
  ),
  {
    ...ctx,
    newId: (i) => `O${i + 1}`,
    firstSequence: 1,
  },
);
const on = parseLocalDate('2025-01-15');
const withStatus = (status: OrderStatus): Order => ({ ...berlin, status });

describe('order lifecycle transition table', () => {
  it('is a valid machine starting at draft', () => {
    expect(orderStateMachine.initial).toBe('draft');
    expect(orderStateMachine.eventsFrom('draft')).toEqual([
      'activate',
      'cancel',
    ]);
    expect(orderStateMachine.isFinal('cancelled')).toBe(true);
    expect(orderStateMachine.isFinal('fulfilled')).toBe(true);
  });

  it.each<[OrderStatus, 'activate' | 'cancel', OrderStatus | 'invalid_state']>([
    ['draft', 'activate', 'activated'],
    ['draft', 'cancel', 'cancelled'],
    ['activated', 'activate', 'invalid_state'],
    ['activated', 'cancel', 'invalid_state'],
    ['fulfilled', 'cancel', 'invalid_state'],
    ['fulfilled', 'activate', 'invalid_state'],
    ['cancelled', 'activate', 'invalid_state'],
    ['cancelled', 'cancel', 'invalid_state'],
  ])('%s --%s--> %s', (from, event, expected) => {
    const r =
      event === 'activate'
        ? activateOrder(withStatus(from), on, ctx)
        : cancelOrder(withStatus(from), ctx);
    if (expected === 'invalid_state') {
      expect(!r.ok && r.error.code).toBe('invalid_state');
    } else {
      expect(r.ok && r.value.status).toBe(expected);
      expect(r.ok && r.value.history.at(-1)).toEqual({
        from,
        to: expected,
        event,
        at: ctx.at,
        actor: ctx.actor,
      });
    }
  });

  it('records the activation date and keeps the order otherwise unchanged', () => {
    const activated = unwrap(
      activateOrder(berlin, parseLocalDate('2025-02-01'), ctx),
    );
    expect(activated.activatedOn).toBe('2025-02-01');
    expect(activated.lines).toBe(berlin.lines);
    expect(berlin.status).toBe('draft');
  });

  it('refuses to activate an order without lines', () => {
    const r = activateOrder({ ...berlin, lines: [] }, on, ctx);
    expect(!r.ok && r.error.code).toBe('invalid_state');
  });

  it.each<[OrderStatus, boolean]>([
    ['draft', false],
    ['activated', true],
    ['fulfilled', true],
    ['cancelled', false],
  ])('isOrderActive(%s) = %p', (status, active) =>
    expect(isOrderActive(withStatus(status))).toBe(active),
  );
});

describe('finding orders', () => {
  it('finds by key, the latest order winning', () => {
    const again = { ...berlin, id: 'O9', sequence: 9 };
    expect(unwrap(findOrderByKey([berlin, paris, again], 'Berlin')).id).toBe(
      'O9',
    );
    expect(unwrap(findOrderByKey([berlin, paris], 'Paris')).id).toBe('O2');
  });

  it.each(['Lisbon', ''])('an unknown key %p is unknown_order', (key) => {
    const r = findOrderByKey([berlin, paris], key);
    expect(!r.ok && r.error.code).toBe('unknown_order');
  });

  it('finds by id and replaces in place', () => {
    expect(unwrap(findOrderById([berlin, paris], 'O2')).key).toBe('Paris');
    expect(!findOrderById([berlin], 'O2').ok).toBe(true);
    const changed = { ...paris, key: 'X' };
    expect(replaceOrders([berlin, paris], [changed]).map((o) => o.key)).toEqual(
      ['Berlin', 'X'],
    );
  });
});
