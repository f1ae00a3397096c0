import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import { ctx, resolved } from '../testing/fixtures';
import { draftOrdersFromPlan } from './create-orders';
import {
  changeDraftQuantity,
  mergeDraftOrders,
  moveLines,
  type LineMove,
} from './draft-changes';
import type { Order } from './model';
import { activateOrder } from './order-lifecycle';
import { QuantityLedger } from './quantity-ledger';
import { planOrders } from './split-plan';

const q = resolved([
  { id: 'L1', quantity: 3, fields: { shipTo: 'Berlin' } },
  {
    id: 'L2',
    sku: 'SUB',
    quantity: 10,
    startDate: '2025-03-01',
    fields: { shipTo: 'Paris' },
  },
  {
    id: 'L3',
    sku: 'SVC',
    quantity: 2,
    startDate: '2025-02-01',
    fields: { shipTo: 'Paris' },
  },
]);
const [berlin, paris] = draftOrdersFromPlan(
  q,
  unwrap(
    planOrders(q, QuantityLedger.fromOrders(q, []), {
      by: 'fields.shipTo',
      quantities: { L2: 6 },
    }),
  ),
  { ...ctx, newId: (i) => `O${i + 1}`, firstSequence: 1 },
);
const lines = (o: Order) =>
  Object.fromEntries(o.lines.map((l) => [l.lineId, l.quantity.toNumber()]));

describe('moveLines', () => {
  it.each<
    [
      string,
      LineMove[],
      Record<string, number>,
      Record<string, number>,
      string,
      string,
      string,
    ]
  >([
    [
      'a whole line',
      [{ lineId: 'L3' }],
      { L2: 6 },
      { L1: 3, L3: 2 },
      'draft',
      '2025-03-01',
      '2025-01-15',
    ],
    [
      'part of a line',
      [{ lineId: 'L2', quantity: 2 }],
      { L2: 4, L3: 2 },
      { L1: 3, L2: 2 },
      'draft',
      '2025-02-01',
      '2025-01-15',
    ],
    [
      'everything cancels the emptied source',
      [{ lineId: 'L2' }, { lineId: 'L3' }],
      {},
      { L1: 3, L2: 6, L3: 2 },
      'cancelled',
      '2025-02-01',
      '2025-01-15',
    ],
  ])(
    'moves %s',
    (
      _,
      moves,
      sourceLines,
      targetLines,
      sourceStatus,
      sourceDate,
      targetDate,
    ) => {
      const r = unwrap(moveLines(paris, berlin, moves, ctx));
      expect([lines(r.source), lines(r.target), r.source.status]).toEqual([
        sourceLines,
        targetLines,
        sourceStatus,
      ]);
      expect([r.source.effectiveDate, r.target.effectiveDate]).toEqual([
        sourceDate,
        targetDate,
      ]);
    },
  );

  it('merges into an existing line of the target and recomputes the effective date', () => {
    const r = unwrap(
      moveLines(berlin, paris, [{ lineId: 'L1', quantity: 1 }], ctx),
    );
    expect(lines(r.target)).toEqual({ L2: 6, L3: 2, L1: 1 });
    expect(r.target.effectiveDate).toBe('2025-01-15');
    const back = unwrap(moveLines(r.target, r.source, [{ lineId: 'L1' }], ctx));
    expect(lines(back.target)).toEqual({ L1: 3 });
  });

  it.each<[string, Order, Order, LineMove[], string]>([
    [
      'an activated source',
      unwrap(activateOrder(paris, parseLocalDate('2025-01-15'), ctx)),
      berlin,
      [{ lineId: 'L2' }],
      'invalid_state',
    ],
    [
      'an activated target',
      paris,
      unwrap(activateOrder(berlin, parseLocalDate('2025-01-15'), ctx)),
      [{ lineId: 'L2' }],
      'invalid_state',
    ],
    [
      'another quote',
      paris,
      { ...berlin, quoteId: 'Q9' },
      [{ lineId: 'L2' }],
      'invalid_input',
    ],
    ['the same order', paris, paris, [{ lineId: 'L2' }], 'invalid_input'],
    [
      'a line not on the source',
      paris,
      berlin,
      [{ lineId: 'L1' }],
      'unknown_line',
    ],
    [
      'more than the source holds',
      paris,
      berlin,
      [{ lineId: 'L2', quantity: 7 }],
      'quantity_exceeds_remaining',
    ],
    [
      'a zero quantity',
      paris,
      berlin,
      [{ lineId: 'L2', quantity: 0 }],
      'invalid_input',
    ],
  ])('fails for %s', (_, source, target, moves, code) => {
    const r = moveLines(source, target, moves, ctx);
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('changeDraftQuantity', () => {
  const ledger = QuantityLedger.fromOrders(q, [berlin, paris]);

  it.each<[string, string, number, Record<string, number> | string]>([
    ['raise within what remains', 'L2', 10, { L2: 10, L3: 2 }],
    ['lower', 'L2', 1, { L2: 1, L3: 2 }],
    ['zero removes the line', 'L3', 0, { L2: 6 }],
    ['above quoted', 'L2', 11, 'quantity_exceeds_remaining'],
    ['a line not on the order', 'L1', 1, 'unknown_line'],
    ['negative', 'L2', -1, 'invalid_input'],
  ])('%s: %s → %i', (_, lineId, quantity, expected) => {
    const r = changeDraftQuantity(paris, lineId, quantity, ledger, ctx);
    if (typeof expected === 'string')
      expect(!r.ok && r.error.code).toBe(expected);
    else expect(r.ok && lines(r.value)).toEqual(expected);
  });

  it('will not empty an order (cancel it instead) nor change a live one', () => {
    expect(!changeDraftQuantity(berlin, 'L1', 0, ledger, ctx).ok).toBe(true);
    const live = unwrap(
      activateOrder(berlin, parseLocalDate('2025-01-15'), ctx),
    );
    const r = changeDraftQuantity(live, 'L1', 1, ledger, ctx);
    expect(!r.ok && r.error.code).toBe('invalid_state');
  });
});

describe('mergeDraftOrders', () => {
  it('moves every line into the first and cancels the second', () => {
    const r = unwrap(mergeDraftOrders(berlin, paris, ctx));
    expect(lines(r.into)).toEqual({ L1: 3, L2: 6, L3: 2 });
    expect(r.into.key).toBe('Berlin');
    expect(r.from.status).toBe('cancelled');
    expect(r.from.history.at(-1)).toMatchObject({
      event: 'cancel',
      reason: 'merged into O1',
    });
  });

  it.each<[string, Order, Order, string]>([
    ['into itself', berlin, berlin, 'invalid_input'],
    [
      'an activated order',
      berlin,
      unwrap(activateOrder(paris, parseLocalDate('2025-01-15'), ctx)),
      'invalid_state',
    ],
    ['another quote', berlin, { ...paris, quoteId: 'Q9' }, 'invalid_input'],
  ])('fails %s', (_, into, from, code) => {
    const r = mergeDraftOrders(into, from, ctx);
    expect(!r.ok && r.error.code).toBe(code);
  });
});
