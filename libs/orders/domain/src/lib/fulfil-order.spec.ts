import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import { ctx, resolved } from '../testing/fixtures';
import { draftOrdersFromPlan } from './create-orders';
import { fulfilOrderLine } from './fulfil-order';
import type { Order } from './model';
import {
  activateOrder,
  cancelOrder,
  fulfilledQuantity,
} from './order-lifecycle';
import { QuantityLedger } from './quantity-ledger';
import { planOrders } from './split-plan';

const q = resolved([
  { id: 'L1', quantity: 3 },
  { id: 'L2', sku: 'SVC', quantity: 1 },
]);
const [draft] = draftOrdersFromPlan(
  q,
  unwrap(planOrders(q, QuantityLedger.fromOrders(q, []), {})),
  { ...ctx, newId: () => 'O1', firstSequence: 1 },
);
const active = unwrap(activateOrder(draft, parseLocalDate('2025-01-15'), ctx));
const on = (d: string) => parseLocalDate(d);

function fulfilAll(order: Order, steps: [string, number | string, string][]) {
  let current = order;
  for (const [lineId, quantity, day] of steps) {
    const r = fulfilOrderLine(current, { lineId, quantity, on: on(day) }, ctx);
    if (!r.ok) return r;
    current = r.value;
  }
  return { ok: true as const, value: current };
}

describe('fulfilOrderLine', () => {
  it.each<[string, [string, number | string, string][], string, number]>([
    ['one partial fulfilment', [['L1', 1, '2025-01-20']], 'activated', 1],
    [
      'two fulfilments',
      [
        ['L1', 1, '2025-01-20'],
        ['L1', 2, '2025-02-03'],
      ],
      'activated',
      3,
    ],
    [
      'every line fulfilled completes the order',
      [
        ['L1', 3, '2025-01-20'],
        ['L2', 1, '2025-01-21'],
      ],
      'fulfilled',
      3,
    ],
    [
      'fractional quantities',
      [
        ['L1', '0.5', '2025-01-20'],
        ['L1', '2.5', '2025-01-21'],
      ],
      'activated',
      3,
    ],
  ])('%s', (_, steps, status, l1) => {
    const r = fulfilAll(active, steps);
    expect(r.ok && r.value.status).toBe(status);
    expect(r.ok && fulfilledQuantity(r.value, 'L1').toNumber()).toBe(l1);
  });

  it.each<[string, Order, [string, number | string, string][], string]>([
    ['a draft', draft, [['L1', 1, '2025-01-20']], 'order_not_active'],
    [
      'a cancelled order',
      unwrap(cancelOrder(draft, ctx)),
      [['L1', 1, '2025-01-20']],
      'order_not_active',
    ],
    [
      'more than ordered',
      active,
      [['L1', 4, '2025-01-20']],
      'quantity_exceeds_remaining',
    ],
    [
      'more than is still open',
      active,
      [
        ['L1', 2, '2025-01-20'],
        ['L1', 2, '2025-02-10'],
      ],
      'quantity_exceeds_remaining',
    ],
    [
      'anything on a fulfilled order',
      active,
      [
        ['L1', 3, '2025-01-20'],
        ['L2', 1, '2025-01-20'],
        ['L1', 1, '2025-03-01'],
      ],
      'quantity_exceeds_remaining',
    ],
    ['an unknown line', active, [['L9', 1, '2025-01-20']], 'unknown_line'],
    ['zero', active, [['L1', 0, '2025-01-20']], 'invalid_input'],
  ])('fails for %s', (_, order, steps, code) => {
    const r = fulfilAll(order, steps);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('records facts in history and leaves the input untouched', () => {
    const r = unwrap(
      fulfilOrderLine(
        active,
        { lineId: 'L1', quantity: 2, on: on('2025-02-03') },
        ctx,
      ),
    );
    expect(r.lines[0].fulfilments).toEqual([
      { quantity: expect.anything(), on: '2025-02-03' },
    ]);
    expect(r.history.at(-1)).toMatchObject({
      event: 'fulfil',
      reason: 'L1 × 2 on 2025-02-03',
    });
    expect(active.lines[0].fulfilments).toEqual([]);
  });
});
