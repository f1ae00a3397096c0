import { Decimal, unwrap } from '@signet/shared-kernel';
import { orderLineNetTotal, summarisePlan } from './plan-totals';
import { QuantityLedger } from './quantity-ledger';
import { resolveQuote } from './resolve-quote';
import { planOrders } from './split-plan';
import type { Catalog, Quote } from './model';

const catalog: Catalog = new Map([
  [
    'HW',
    {
      sku: 'HW',
      chargeType: 'one-time',
      revenue: 'point-in-time',
      assetConversion: 'per-unit',
    },
  ],
  [
    'SUB',
    { sku: 'SUB', chargeType: 'recurring', revenue: 'ratable', termMonths: 12 },
  ],
]);

const quote: Quote = {
  id: 'Q1',
  account: 'A',
  startDate: '2025-01-15' as Quote['startDate'],
  lines: [
    {
      id: 'L1',
      sku: 'HW',
      quantity: Decimal.of(3),
      netTotal: Decimal.of('2700.00'),
      fields: { shipTo: 'Berlin' },
    },
    {
      id: 'L2',
      sku: 'SUB',
      quantity: Decimal.of(3),
      netTotal: Decimal.of('100.00'),
      fields: { shipTo: 'Paris' },
    },
  ],
};

describe('orderLineNetTotal', () => {
  it.each<[string, string, string, string]>([
    ['100.00', '3', '3', '100.00'],
    ['100.00', '3', '1', '33.33'],
    ['100.00', '3', '2', '66.67'],
    ['0.05', '2', '1', '0.03'],
    ['-10.00', '3', '1', '-3.33'],
  ])('%s for %s quoted, %s ordered → %s', (net, quoted, ordered, expected) => {
    expect(
      orderLineNetTotal(
        Decimal.of(net),
        Decimal.of(quoted),
        Decimal.of(ordered),
      ).toFixed2(),
    ).toBe(expected);
  });
});

describe('summarisePlan', () => {
  it('counts orders, lines and totals of a split with a partial quantity', () => {
    const resolved = unwrap(resolveQuote(quote, catalog));
    const plan = unwrap(
      planOrders(resolved, QuantityLedger.fromOrders(resolved, []), {
        by: 'fields.shipTo',
        quantities: { L2: 1 },
      }),
    );
    const summary = summarisePlan(resolved, plan);
    expect(summary.orderCount).toBe(2);
    expect(summary.lineCount).toBe(2);
    expect(summary.netTotal.toFixed2()).toBe('2733.33');
    expect(
      summary.orders.map((o) => [o.key, o.netTotal.toFixed2(), o.lineCount]),
    ).toEqual([
      ['Berlin', '2700.00', 1],
      ['Paris', '33.33', 1],
    ]);
  });
});
