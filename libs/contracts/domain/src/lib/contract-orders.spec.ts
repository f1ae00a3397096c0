import { unwrap } from '@signet/shared-kernel';
import { cancelOrder } from '@signet/orders-domain';
import {
  contractsOf,
  ctx,
  mixedLines,
  ordersOf,
  quoteOf,
} from '../testing/fixtures';
import type { Contract } from './contract-model';
import { contractOrders } from './contract-orders';
import { compareContracts, sortContracts } from './contract-ordering';

const view = (c: Contract) => ({
  start: c.start,
  end: c.end,
  subscriptions: c.subscriptions.map(
    (s) => `${s.sku}×${s.quantity.toString()} ${s.start}…${s.end}`,
  ),
  assets: c.assets.map((a) => `${a.sku}×${a.quantity.toString()}`),
  orderIds: c.orderIds,
});

describe('contractOrders', () => {
  const quote = quoteOf(mixedLines, null);
  const orders = ordersOf(quote);

  it('single: one contract holding everything, spanning earliest start to latest end', () => {
    expect(contractsOf(quote, orders, 'single').map(view)).toEqual([
      {
        start: '2025-01-15',
        end: '2027-01-14',
        subscriptions: [
          'SUB×10 2025-01-15…2026-01-14',
          'SUP×5 2025-01-15…2027-01-14',
          'SUB×2 2025-03-01…2025-08-31',
        ],
        assets: ['HW×1', 'HW×1', 'HW×1', 'RACK×2', 'RACK×2'],
        orderIds: ['O1', 'O2'],
      },
    ]);
  });

  it('by-end-date: one contract per subscription end date, assets with the latest, ordered by end', () => {
    expect(contractsOf(quote, orders, 'by-end-date').map(view)).toEqual([
      {
        start: '2025-03-01',
        end: '2025-08-31',
        subscriptions: ['SUB×2 2025-03-01…2025-08-31'],
        assets: [],
        orderIds: ['O2'],
      },
      {
        start: '2025-01-15',
        end: '2026-01-14',
        subscriptions: ['SUB×10 2025-01-15…2026-01-14'],
        assets: [],
        orderIds: ['O2'],
      },
      {
        start: '2025-01-15',
        end: '2027-01-14',
        subscriptions: ['SUP×5 2025-01-15…2027-01-14'],
        assets: ['HW×1', 'HW×1', 'HW×1', 'RACK×2', 'RACK×2'],
        orderIds: ['O1', 'O2'],
      },
    ]);
  });

  it.each(['single', 'by-end-date'] as const)(
    '%s without subscriptions: one contract of the assets',
    (method) => {
      const hwOnly = ordersOf(quote, { lines: ['L1', 'L2'] });
      expect(contractsOf(quote, hwOnly, method).map(view)).toEqual([
        {
          start: '2025-01-15',
          end: '2025-01-15',
          subscriptions: [],
          assets: ['HW×1', 'HW×1', 'HW×1', 'RACK×2'],
          orderIds: ['O1'],
        },
      ]);
    },
  );

  it('with neither subscriptions nor assets, the contract takes its orders’ dates', () => {
    const q = quoteOf([
      {
        id: 'S',
        sku: 'SVC',
        quantity: 1,
        netTotal: '10.00',
        startDate: '2025-04-01',
      },
    ]);
    expect(contractsOf(q, ordersOf(q), 'by-end-date').map(view)).toEqual([
      {
        start: '2025-04-01',
        end: '2025-04-01',
        subscriptions: [],
        assets: [],
        orderIds: ['O1'],
      },
    ]);
  });

  it('prices a partially ordered subscription by its share of the line', () => {
    const partial = ordersOf(quote, { lines: ['L4'], quantities: { L4: 3 } });
    const [c] = contractsOf(quote, partial, 'single');
    expect(c.subscriptions[0].netTotal.toFixed2()).toBe('3600.00');
    expect(c.subscriptions[0].pricing.quantity.toString()).toBe('10');
  });

  it('a services-only order held by by-end-date contracts cannot be contracted again', () => {
    const q = quoteOf([
      { id: 'A', sku: 'SUB', quantity: 1, netTotal: '10.00', site: 'X' },
      {
        id: 'B',
        sku: 'SUB',
        quantity: 1,
        netTotal: '10.00',
        termMonths: 6,
        site: 'X',
      },
      { id: 'S', sku: 'SVC', quantity: 1, netTotal: '10.00', site: 'Y' },
    ]);
    const os = ordersOf(q);
    const contracts = contractsOf(q, os, 'by-end-date');
    expect(contracts.map((c) => c.orderIds)).toEqual([['O1'], ['O1', 'O2']]);
    const again = contractOrders({
      quote: q,
      orders: [os[1]],
      method: 'single',
      existing: contracts,
      newId: () => 'C9',
      firstSequence: 9,
      ctx,
    });
    expect(!again.ok && again.error.code).toBe('invalid_state');
  });

  it.each<[string, () => ReturnType<typeof contractOrders>, string]>([
    [
      'a draft order',
      () =>
        contractOrders({
          quote,
          orders: ordersOf(quote, undefined, false),
          method: 'single',
          existing: [],
          newId: () => 'C',
          firstSequence: 1,
          ctx,
        }),
      'order_not_active',
    ],
    [
      'a cancelled order',
      () =>
        contractOrders({
          quote,
          orders: ordersOf(quote, undefined, false).map((o) =>
            unwrap(cancelOrder(o, ctx)),
          ),
          method: 'single',
          existing: [],
          newId: () => 'C',
          firstSequence: 1,
          ctx,
        }),
      'order_not_active',
    ],
    [
      'an order contracted twice',
      () =>
        contractOrders({
          quote,
          orders,
          method: 'single',
          existing: contractsOf(quote, orders, 'single'),
          newId: () => 'C',
          firstSequence: 2,
          ctx,
        }),
      'invalid_state',
    ],
    [
      'no orders',
      () =>
        contractOrders({
          quote,
          orders: [],
          method: 'single',
          existing: [],
          newId: () => 'C',
          firstSequence: 1,
          ctx,
        }),
      'invalid_input',
    ],
    [
      'an order of another quote',
      () =>
        contractOrders({
          quote,
          orders: orders.map((o) => ({ ...o, quoteId: 'Q9' })),
          method: 'single',
          existing: [],
          newId: () => 'C',
          firstSequence: 1,
          ctx,
        }),
      'invalid_input',
    ],
    [
      'per-unit assets of a fractional quantity',
      () => {
        const q = quoteOf([
          { id: 'H', sku: 'HW', quantity: '1.5', netTotal: '10.00' },
        ]);
        return contractOrders({
          quote: q,
          orders: ordersOf(q),
          method: 'single',
          existing: [],
          newId: () => 'C',
          firstSequence: 1,
          ctx,
        });
      },
      'invalid_input',
    ],
  ])('fails for %s', (_, run, code) => {
    const r = run();
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('contract ordering', () => {
  const base = contractsOf(
    quoteOf(mixedLines, null),
    ordersOf(quoteOf(mixedLines, null)),
    'single',
  )[0];
  it.each<[string, Partial<Contract>, Partial<Contract>, number]>([
    [
      'earlier end first',
      { end: '2025-06-30' as Contract['end'] },
      { end: '2025-07-31' as Contract['end'] },
      -1,
    ],
    [
      'then earlier start',
      { start: '2025-01-01' as Contract['start'] },
      { start: '2025-02-01' as Contract['start'] },
      -1,
    ],
    ['then creation', { sequence: 2 }, { sequence: 1 }, 1],
  ])('%s', (_, a, b, sign) => {
    expect(
      Math.sign(compareContracts({ ...base, ...a }, { ...base, ...b })),
    ).toBe(sign);
    expect(
      sortContracts([
        { ...base, ...b, id: 'B' },
        { ...base, ...a, id: 'A' },
      ]).map((c) => c.id),
    ).toEqual(sign < 0 ? ['A', 'B'] : ['B', 'A']);
  });
});
