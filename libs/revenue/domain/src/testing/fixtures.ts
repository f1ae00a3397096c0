import { dec, parseLocalDate, unwrap } from '@signet/shared-kernel';
import {
  QuantityLedger,
  activateOrder,
  draftOrdersFromPlan,
  findOrderByKey,
  fulfilOrderLine,
  planOrders,
  replaceOrders,
  resolveQuote,
  type ActionContext,
  type Catalog,
  type Order,
  type Product,
  type ResolvedQuote,
  type SplitRequest,
} from '@signet/orders-domain';

/** Test data builders shared by this library's specs. */

export const ctx: ActionContext = {
  at: '2025-01-15T09:00:00Z',
  actor: 'tester',
};

const products: Product[] = [
  {
    sku: 'HW',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('1000'),
    assetConversion: 'per-unit',
  },
  {
    sku: 'TRN',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('300'),
    assetConversion: 'none',
  },
  {
    sku: 'SUB',
    chargeType: 'recurring',
    revenue: 'ratable',
    ssp: dec('1200'),
    termMonths: 12,
  },
  {
    sku: 'FREE',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    assetConversion: 'none',
  },
];
export const catalog: Catalog = new Map(products.map((p) => [p.sku, p]));

export interface LineSpec {
  id: string;
  sku: string;
  quantity: number;
  netTotal: string;
  site?: string;
  startDate?: string;
  termMonths?: number;
}

/** The quote of conformance scenarios 09/10 unless other lines are given. */
export function quoteOf(
  lines: LineSpec[] = [
    { id: 'L1', sku: 'HW', quantity: 3, netTotal: '2700.00', site: 'Berlin' },
    { id: 'L2', sku: 'SUB', quantity: 10, netTotal: '12000.00', site: 'Paris' },
    { id: 'L3', sku: 'TRN', quantity: 2, netTotal: '500.00', site: 'Berlin' },
  ],
): ResolvedQuote {
  return unwrap(
    resolveQuote(
      {
        id: 'Q9',
        account: 'ACME',
        startDate: parseLocalDate('2025-01-15'),
        termMonths: 12,
        lines: lines.map((l) => ({
          id: l.id,
          sku: l.sku,
          quantity: dec(l.quantity),
          netTotal: dec(l.netTotal),
          startDate: l.startDate ? parseLocalDate(l.startDate) : null,
          termMonths: l.termMonths ?? null,
          fields: { site: l.site ?? 'A' },
        })),
      },
      catalog,
    ),
  );
}

/** Appends the orders of one createOrders call. */
export function order(
  quote: ResolvedQuote,
  orders: Order[],
  request: SplitRequest,
): Order[] {
  const first = orders.length + 1;
  const plan = unwrap(
    planOrders(quote, QuantityLedger.fromOrders(quote, orders), request),
  );
  return [
    ...orders,
    ...draftOrdersFromPlan(quote, plan, {
      ...ctx,
      newId: (i) => `O${first + i}`,
      firstSequence: first,
    }),
  ];
}

export function activate(orders: Order[], key: string): Order[] {
  const o = unwrap(findOrderByKey(orders, key));
  return replaceOrders(orders, [
    unwrap(activateOrder(o, parseLocalDate('2025-01-15'), ctx)),
  ]);
}

export function fulfil(
  orders: Order[],
  key: string,
  lineId: string,
  quantity: number,
  on: string,
): Order[] {
  const o = unwrap(findOrderByKey(orders, key));
  return replaceOrders(orders, [
    unwrap(
      fulfilOrderLine(o, { lineId, quantity, on: parseLocalDate(on) }, ctx),
    ),
  ]);
}

/** Scenario 09: split by site, both activated, L1 fulfilled 1 + 1, L3 fulfilled 2. */
export function scenario09(split: SplitRequest = { by: 'fields.site' }): {
  quote: ResolvedQuote;
  orders: Order[];
} {
  const quote = quoteOf();
  let orders = order(quote, [], split);
  for (const o of orders) orders = activate(orders, o.key);
  const [l1, l3] = [
    orders.find((o) => o.lines.some((l) => l.lineId === 'L1')),
    orders.find((o) => o.lines.some((l) => l.lineId === 'L3')),
  ];
  orders = fulfil(orders, l1?.key as string, 'L1', 1, '2025-01-20');
  orders = fulfil(orders, l1?.key as string, 'L1', 1, '2025-02-03');
  orders = fulfil(orders, l3?.key as string, 'L3', 2, '2025-03-10');
  return { quote, orders };
}
