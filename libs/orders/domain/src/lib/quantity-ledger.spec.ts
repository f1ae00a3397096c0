import { dec, unwrap } from '@signet/shared-kernel';
import { ctx, resolved } from '../testing/fixtures';
import { draftOrdersFromPlan } from './create-orders';
import { QuantityLedger } from './quantity-ledger';
import { planOrders } from './split-plan';

describe('QuantityLedger', () => {
  const q = resolved([
    { id: 'L1', quantity: 3 },
    { id: 'L2', sku: 'SUB', quantity: 10 },
  ]);
  const make = (quantities: Record<string, number>, prefix: string) =>
    draftOrdersFromPlan(
      q,
      unwrap(
        planOrders(q, QuantityLedger.fromOrders(q, []), {
          lines: Object.keys(quantities),
          quantities,
        }),
      ),
      {
        ...ctx,
        newId: (i) => `${prefix}${i}`,
        firstSequence: 1,
      },
    );

  it.each<
    [
      string,
      Record<string, number>[],
      ('draft' | 'cancelled')[],
      Record<string, [number, number, number]>,
    ]
  >([
    ['no orders', [], [], { L1: [3, 0, 3], L2: [10, 0, 10] }],
    [
      'one partial order',
      [{ L2: 4 }],
      ['draft'],
      { L1: [3, 0, 3], L2: [10, 4, 6] },
    ],
    [
      'two orders add up',
      [{ L2: 4 }, { L1: 1, L2: 6 }],
      ['draft', 'draft'],
      { L1: [3, 1, 2], L2: [10, 10, 0] },
    ],
    [
      'cancelled orders release quantity',
      [{ L2: 4 }, { L2: 6 }],
      ['draft', 'cancelled'],
      { L1: [3, 0, 3], L2: [10, 4, 6] },
    ],
  ])('%s', (_, orderSpecs, statuses, expected) => {
    const orders = orderSpecs.flatMap((s, i) =>
      make(s, `O${i}-`).map((o) => ({ ...o, status: statuses[i] })),
    );
    const ledger = QuantityLedger.fromOrders(q, orders);
    for (const [id, [quoted, ordered, remaining]] of Object.entries(expected)) {
      const b = ledger.balance(id);
      expect([
        b.quoted.toNumber(),
        b.ordered.toNumber(),
        b.remaining.toNumber(),
      ]).toEqual([quoted, ordered, remaining]);
    }
    expect(ledger.isExhausted()).toBe(
      Object.values(expected).every(([, , r]) => r === 0),
    );
  });

  it('ignores orders of other quotes and knows its lines', () => {
    const other = make({ L1: 3 }, 'X').map((o) => ({ ...o, quoteId: 'Q2' }));
    const ledger = QuantityLedger.fromOrders(q, other);
    expect(ledger.remaining('L1').eq(dec(3))).toBe(true);
    expect(ledger.orderedOf('L1').isZero()).toBe(true);
    expect(ledger.has('L1')).toBe(true);
    expect(ledger.has('L9')).toBe(false);
  });
});

describe('QuantityLedger.fromBalances', () => {
  const q = resolved([
    { id: 'L1', quantity: 3 },
    { id: 'L2', sku: 'SUB', quantity: 10 },
  ]);
  it.each<[Record<string, number>, Record<string, number>]>([
    [{}, { L1: 3, L2: 10 }],
    [{ L2: 4 }, { L1: 3, L2: 6 }],
    [{ L1: 3, L2: 10 }, { L1: 0, L2: 0 }],
    [{ L1: 5 }, { L1: 0, L2: 10 }],
  ])('stored %j leaves %j remaining', (stored, remaining) => {
    const ledger = QuantityLedger.fromBalances(
      q,
      new Map(Object.entries(stored).map(([k, v]) => [k, dec(v)])),
    );
    for (const [id, r] of Object.entries(remaining))
      expect(ledger.remaining(id).toNumber()).toBe(r);
  });
});
