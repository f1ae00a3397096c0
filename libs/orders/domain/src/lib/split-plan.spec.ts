import { dec, unwrap } from '@signet/shared-kernel';
import { ctx, resolved, type LineSpec } from '../testing/fixtures';
import { draftOrdersFromPlan } from './create-orders';
import type { Order, ResolvedQuote } from './model';
import { QuantityLedger } from './quantity-ledger';
import { planOrders, type OrderPlan, type SplitRequest } from './split-plan';

type Summary = {
  key: string;
  lines: Record<string, number>;
  effectiveDate: string;
}[];

const summary = (plan: OrderPlan): Summary =>
  plan.orders.map((o) => ({
    key: o.key,
    lines: Object.fromEntries(
      o.lines.map((l) => [l.lineId, l.quantity.toNumber()]),
    ),
    effectiveDate: o.effectiveDate,
  }));

const shipToQuote: LineSpec[] = [
  {
    id: 'L1',
    sku: 'HW',
    quantity: 3,
    group: 'Phase 1',
    fields: { shipTo: 'Berlin', cc: 'CC1' },
  },
  {
    id: 'L2',
    sku: 'SUB',
    quantity: 10,
    group: 'Phase 1',
    fields: { shipTo: 'Paris', cc: 'CC2' },
  },
  {
    id: 'L3',
    sku: 'HW',
    quantity: 2,
    startDate: '2025-02-01',
    group: 'Phase 2',
    fields: { shipTo: 'Berlin', cc: 'CC1' },
  },
  { id: 'L4', sku: 'SVC', quantity: 1, startDate: '2025-04-01', fields: {} },
  {
    id: 'L5',
    sku: 'SUB',
    quantity: 5,
    startDate: '2025-03-01',
    group: 'Phase 2',
    fields: { shipTo: null },
  },
];

const bundleQuote: LineSpec[] = [
  { id: 'K1', sku: 'HW', quantity: 2, fields: { shipTo: 'Berlin' } },
  {
    id: 'A1',
    sku: 'ACC',
    quantity: 2,
    parent: 'K1',
    fields: { shipTo: 'Paris' },
  },
  { id: 'S1', sku: 'SUB', quantity: 2, parent: 'K1', fields: {} },
  {
    id: 'H',
    sku: 'HW',
    quantity: 1,
    startDate: '2025-02-01',
    fields: { shipTo: 'Paris' },
  },
  {
    id: 'K2',
    sku: 'HW',
    quantity: 1,
    startDate: '2025-03-01',
    fields: { shipTo: 'Madrid' },
  },
  {
    id: 'A2',
    sku: 'ACC',
    quantity: 1,
    parent: 'K2',
    startDate: '2025-03-01',
    fields: { shipTo: 'Berlin' },
  },
];

function plan(q: ResolvedQuote, request: SplitRequest, orders: Order[] = []) {
  return planOrders(q, QuantityLedger.fromOrders(q, orders), request);
}

describe('planOrders: grouping', () => {
  const q = resolved(shipToQuote);
  it.each<[string, SplitRequest, Summary]>([
    [
      'by one field; missing and null share (none)',
      { by: ['fields.shipTo'] },
      [
        { key: 'Berlin', lines: { L1: 3, L3: 2 }, effectiveDate: '2025-01-15' },
        { key: 'Paris', lines: { L2: 10 }, effectiveDate: '2025-01-15' },
        { key: '(none)', lines: { L4: 1, L5: 5 }, effectiveDate: '2025-03-01' },
      ],
    ],
    [
      'by a composite key',
      { by: ['fields.shipTo', 'fields.cc'] },
      [
        {
          key: 'Berlin | CC1',
          lines: { L1: 3, L3: 2 },
          effectiveDate: '2025-01-15',
        },
        { key: 'Paris | CC2', lines: { L2: 10 }, effectiveDate: '2025-01-15' },
        {
          key: '(none) | (none)',
          lines: { L4: 1, L5: 5 },
          effectiveDate: '2025-03-01',
        },
      ],
    ],
    [
      'by group',
      { by: 'group' },
      [
        {
          key: 'Phase 1',
          lines: { L1: 3, L2: 10 },
          effectiveDate: '2025-01-15',
        },
        {
          key: 'Phase 2',
          lines: { L3: 2, L5: 5 },
          effectiveDate: '2025-02-01',
        },
        { key: '(none)', lines: { L4: 1 }, effectiveDate: '2025-04-01' },
      ],
    ],
    [
      'no split',
      {},
      [
        {
          key: 'all',
          lines: { L1: 3, L2: 10, L3: 2, L4: 1, L5: 5 },
          effectiveDate: '2025-01-15',
        },
      ],
    ],
    [
      'subset',
      { by: 'group', lines: ['L3', 'L4'] },
      [
        { key: 'Phase 2', lines: { L3: 2 }, effectiveDate: '2025-02-01' },
        { key: '(none)', lines: { L4: 1 }, effectiveDate: '2025-04-01' },
      ],
    ],
    [
      'partial quantity',
      { lines: ['L2'], quantities: { L2: 4 } },
      [{ key: 'all', lines: { L2: 4 }, effectiveDate: '2025-01-15' }],
    ],
    [
      'explicit zero skips the line',
      { lines: ['L1', 'L2'], quantities: { L2: 0 } },
      [{ key: 'all', lines: { L1: 3 }, effectiveDate: '2025-01-15' }],
    ],
    [
      'fractional quantity',
      { lines: ['L2'], quantities: { L2: '2.5' } },
      [{ key: 'all', lines: { L2: 2.5 }, effectiveDate: '2025-01-15' }],
    ],
  ])('%s', (_, request, expected) => {
    expect(summary(unwrap(plan(q, request)))).toEqual(expected);
  });
});

describe('planOrders: bundles stay whole', () => {
  const q = resolved(bundleQuote);
  it.each<[string, SplitRequest, Summary]>([
    [
      'components take their root key',
      { by: ['fields.shipTo'] },
      [
        {
          key: 'Berlin',
          lines: { K1: 2, A1: 2, S1: 2 },
          effectiveDate: '2025-01-15',
        },
        { key: 'Paris', lines: { H: 1 }, effectiveDate: '2025-02-01' },
        { key: 'Madrid', lines: { K2: 1, A2: 1 }, effectiveDate: '2025-03-01' },
      ],
    ],
    [
      'naming a root brings its components',
      { by: ['fields.shipTo'], lines: ['K2'] },
      [{ key: 'Madrid', lines: { K2: 1, A2: 1 }, effectiveDate: '2025-03-01' }],
    ],
    [
      'naming a component brings its root',
      { lines: ['A1'] },
      [
        {
          key: 'all',
          lines: { K1: 2, A1: 2, S1: 2 },
          effectiveDate: '2025-01-15',
        },
      ],
    ],
    [
      'a partial root does not scale its components',
      { lines: ['K1'], quantities: { K1: 1 } },
      [
        {
          key: 'all',
          lines: { K1: 1, A1: 2, S1: 2 },
          effectiveDate: '2025-01-15',
        },
      ],
    ],
  ])('%s', (_, request, expected) => {
    expect(summary(unwrap(plan(q, request)))).toEqual(expected);
  });
});

describe('planOrders: the quantity ledger', () => {
  const q = resolved(shipToQuote);
  const existing = draftOrdersFromPlan(
    q,
    unwrap(plan(q, { lines: ['L2'], quantities: { L2: 4 } })),
    { ...ctx, newId: (i) => `O${i}`, firstSequence: 1 },
  );

  it('orders only what remains and skips exhausted lines', () => {
    expect(summary(unwrap(plan(q, { lines: ['L1', 'L2'] }, existing)))).toEqual(
      [{ key: 'all', lines: { L1: 3, L2: 6 }, effectiveDate: '2025-01-15' }],
    );
  });

  it('plans nothing when everything is ordered (repeating a call is safe)', () => {
    const all = draftOrdersFromPlan(q, unwrap(plan(q, {})), {
      ...ctx,
      newId: (i) => `A${i}`,
      firstSequence: 1,
    });
    expect(unwrap(plan(q, {}, all)).orders).toEqual([]);
    expect(unwrap(plan(q, { by: 'group' }, all)).orders).toEqual([]);
  });

  it('releases quantity of cancelled orders', () => {
    const cancelled = existing.map((o) => ({
      ...o,
      status: 'cancelled' as const,
    }));
    expect(summary(unwrap(plan(q, { lines: ['L2'] }, cancelled)))).toEqual([
      { key: 'all', lines: { L2: 10 }, effectiveDate: '2025-01-15' },
    ]);
  });

  it.each<[string, SplitRequest, string]>([
    [
      'more than quoted',
      { lines: ['L2'], quantities: { L2: 11 } },
      'quantity_exceeds_remaining',
    ],
    [
      'more than remains',
      { lines: ['L2'], quantities: { L2: 7 } },
      'quantity_exceeds_remaining',
    ],
    ['unknown line in the subset', { lines: ['L9'] }, 'unknown_line'],
    ['unknown line in quantities', { quantities: { L9: 1 } }, 'unknown_line'],
    [
      'quantity of an unselected line',
      { lines: ['L1'], quantities: { L2: 1 } },
      'invalid_input',
    ],
    ['negative quantity', { quantities: { L2: -1 } }, 'invalid_input'],
    ['non-numeric quantity', { quantities: { L2: 'two' } }, 'invalid_input'],
  ])('fails for %s', (_, request, code) => {
    const r = plan(q, request, existing);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('fails an explicit quantity on an exhausted line', () => {
    const all = draftOrdersFromPlan(q, unwrap(plan(q, {})), {
      ...ctx,
      newId: (i) => `A${i}`,
      firstSequence: 1,
    });
    const r = plan(q, { lines: ['L2'], quantities: { L2: 1 } }, all);
    expect(!r.ok && r.error.code).toBe('quantity_exceeds_remaining');
  });
});

describe('planOrders at scale', () => {
  it('plans a 10,000-line quote with bundles in one pass', () => {
    const specs: LineSpec[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const root = i % 10 === 0;
      specs.push({
        id: `L${i}`,
        sku: i % 3 === 0 ? 'SUB' : 'HW',
        quantity: (i % 7) + 1,
        parent: root ? null : `L${i - (i % 10)}`,
        fields: {
          shipTo: `site-${Math.floor(i / 10) % 25}`,
          cc: i % 2 === 0 ? 'even' : null,
        },
      });
    }
    const q = resolved(specs);
    const result = unwrap(plan(q, { by: ['fields.shipTo', 'fields.cc'] }));
    expect(result.orders).toHaveLength(25);
    expect(result.orders.reduce((n, o) => n + o.lines.length, 0)).toBe(10_000);
    const total = result.orders
      .flatMap((o) => o.lines)
      .reduce((s, l) => s.add(l.quantity), dec(0));
    expect(total.eq(q.lines.reduce((s, l) => s.add(l.quantity), dec(0)))).toBe(
      true,
    );
  });
});
