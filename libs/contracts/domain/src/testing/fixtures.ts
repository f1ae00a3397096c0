import { dec, parseLocalDate, unwrap } from '@signet/shared-kernel';
import {
  QuantityLedger,
  activateOrder,
  draftOrdersFromPlan,
  planOrders,
  resolveQuote,
  type ActionContext,
  type Catalog,
  type Order,
  type Product,
  type ResolvedQuote,
  type SplitRequest,
} from '@signet/orders-domain';
import type { Contract, ContractingMethod } from '../lib/contract-model';
import { contractOrders } from '../lib/contract-orders';

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
    sku: 'RACK',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('500'),
    assetConversion: 'per-line',
  },
  {
    sku: 'SVC',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('200'),
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
    sku: 'SUP',
    chargeType: 'recurring',
    revenue: 'ratable',
    ssp: dec('600'),
    termMonths: 24,
  },
  {
    sku: 'NOLIST',
    chargeType: 'recurring',
    revenue: 'ratable',
    termMonths: 12,
  },
];

export const catalog: Catalog = new Map(products.map((p) => [p.sku, p]));

export interface LineSpec {
  id: string;
  sku: string;
  quantity: number | string;
  netTotal: string;
  startDate?: string;
  termMonths?: number;
  site?: string;
}

export function quoteOf(
  lines: LineSpec[],
  termMonths: number | null = 12,
): ResolvedQuote {
  return unwrap(
    resolveQuote(
      {
        id: 'Q1',
        account: 'ACME',
        startDate: parseLocalDate('2025-01-15'),
        termMonths,
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

/** Orders split by `fields.site` (or per request), all activated on the quote start unless `activate` is false. */
export function ordersOf(
  quote: ResolvedQuote,
  request: SplitRequest = { by: 'fields.site' },
  activate = true,
): Order[] {
  const drafts = draftOrdersFromPlan(
    quote,
    unwrap(planOrders(quote, QuantityLedger.fromOrders(quote, []), request)),
    {
      ...ctx,
      newId: (i) => `O${i + 1}`,
      firstSequence: 1,
    },
  );
  return activate
    ? drafts.map((o) => unwrap(activateOrder(o, quote.startDate, ctx)))
    : drafts;
}

export function contractsOf(
  quote: ResolvedQuote,
  orders: Order[],
  method: ContractingMethod,
  existing: Contract[] = [],
): Contract[] {
  return unwrap(
    contractOrders({
      quote,
      orders,
      method,
      existing,
      newId: (i) => `C${existing.length + i + 1}`,
      firstSequence: existing.length + 1,
      ctx,
    }),
  );
}

/** The quote of conformance scenarios 06/07. */
export const mixedLines: LineSpec[] = [
  { id: 'L1', sku: 'HW', quantity: 3, netTotal: '2700.00', site: 'A' },
  { id: 'L2', sku: 'RACK', quantity: 2, netTotal: '900.00', site: 'A' },
  { id: 'L3', sku: 'SVC', quantity: 1, netTotal: '150.00', site: 'A' },
  { id: 'L4', sku: 'SUB', quantity: 10, netTotal: '12000.00', site: 'B' },
  { id: 'L5', sku: 'SUP', quantity: 5, netTotal: '5400.00', site: 'B' },
  {
    id: 'L6',
    sku: 'SUB',
    quantity: 2,
    netTotal: '1100.00',
    startDate: '2025-03-01',
    termMonths: 6,
    site: 'B',
  },
  { id: 'L7', sku: 'RACK', quantity: 2, netTotal: '900.00', site: 'B' },
];
