import {
  err,
  maxDate,
  minDate,
  ok,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import {
  isOrderActive,
  type ActionContext,
  type Order,
  type ResolvedQuote,
} from '@signet/orders-domain';
import { contractItemsFromOrders } from './contract-items';
import type {
  Asset,
  Contract,
  ContractingMethod,
  Subscription,
} from './contract-model';
import { sortContracts } from './contract-ordering';
import { contractsError, type ContractsError } from './contracts-error';

export interface ContractOrdersInput {
  readonly quote: ResolvedQuote;
  readonly orders: readonly Order[];
  readonly method: ContractingMethod;
  /** Contracts that already exist, so an order is never contracted twice. */
  readonly existing: readonly Contract[];
  readonly newId: (index: number) => string;
  readonly firstSequence: number;
  readonly ctx: ActionContext;
}

interface Bucket {
  subscriptions: Subscription[];
  assets: Asset[];
}

function checkOrders(input: ContractOrdersInput): ContractsError | undefined {
  if (input.orders.length === 0)
    return contractsError('invalid_input', 'no orders to contract');
  const contracted = new Set(input.existing.flatMap((c) => c.orderIds));
  for (const order of input.orders) {
    if (order.quoteId !== input.quote.id)
      return contractsError(
        'invalid_input',
        `order ${order.id} is not an order of quote ${input.quote.id}`,
      );
    if (!isOrderActive(order)) {
      return contractsError(
        'order_not_active',
        `order ${order.id} (${order.key}) is ${order.status}`,
        { order: order.id, status: order.status },
      );
    }
    if (contracted.has(order.id))
      return contractsError(
        'invalid_state',
        `order ${order.id} (${order.key}) is already contracted`,
        { order: order.id },
      );
  }
  return undefined;
}

/** Start and end: of the subscriptions and assets held, else of the orders' lines. */
function contractDates(
  bucket: Bucket,
  orders: readonly Order[],
): { start: LocalDate; end: LocalDate } {
  const starts = [
    ...bucket.subscriptions.map((s) => s.start),
    ...bucket.assets.map((a) => a.start),
  ];
  const ends = [
    ...bucket.subscriptions.map((s) => s.end),
    ...bucket.assets.map((a) => a.start),
  ];
  if (starts.length === 0) {
    for (const l of orders.flatMap((o) => o.lines)) {
      starts.push(l.start);
      ends.push(l.end);
    }
  }
  return {
    start: minDate(starts[0], ...starts),
    end: maxDate(ends[0], ...ends),
  };
}

/** single: one bucket. by-end-date: one per subscription end date, assets with the latest end. */
function bucketsFor(
  method: ContractingMethod,
  subscriptions: Subscription[],
  assets: Asset[],
): Bucket[] {
  if (method === 'single' || subscriptions.length === 0)
    return [{ subscriptions, assets }];
  const byEnd = new Map<LocalDate, Subscription[]>();
  for (const s of subscriptions) {
    const list = byEnd.get(s.end);
    if (list) list.push(s);
    else byEnd.set(s.end, [s]);
  }
  const ends = [...byEnd.keys()].sort();
  const latest = ends[ends.length - 1];
  return ends.map((end) => ({
    subscriptions: byEnd.get(end) as Subscription[],
    assets: end === latest ? assets : [],
  }));
}

/**
 * Contracts activated orders: recurring lines become subscriptions, one-time lines assets.
 * Returns the new contracts in contract order (end date, then start date).
 */
export function contractOrders(
  input: ContractOrdersInput,
): Result<Contract[], ContractsError> {
  const problem = checkOrders(input);
  if (problem) return err(problem);
  const orders = [...new Map(input.orders.map((o) => [o.id, o])).values()].sort(
    (a, b) => a.sequence - b.sequence,
  );
  const items = contractItemsFromOrders(input.quote, orders);
  if (!items.ok) return items;
  const position = (lineId: string) =>
    input.quote.byId.get(lineId)?.position ?? 0;
  const byQuoteOrder = <T extends { lineId: string }>(xs: T[]) =>
    [...xs].sort((a, b) => position(a.lineId) - position(b.lineId));
  const buckets = bucketsFor(
    input.method,
    byQuoteOrder(items.value.subscriptions),
    byQuoteOrder(items.value.assets),
  );
  const holders = orderIdsByBucket(buckets, orders);
  const contracts = buckets.map((bucket, index): Contract => {
    const { start, end } = contractDates(bucket, orders);
    return {
      id: input.newId(index),
      quoteId: input.quote.id,
      account: input.quote.account,
      orderIds: holders[index],
      method: input.method,
      start,
      end,
      subscriptions: bucket.subscriptions,
      assets: bucket.assets,
      deltas: [],
      sequence: input.firstSequence + index,
      history: [
        {
          from: 'active',
          to: 'active',
          event: 'create',
          at: input.ctx.at,
          actor: input.ctx.actor,
          ...(input.ctx.reason ? { reason: input.ctx.reason } : {}),
        },
      ],
    };
  });
  return ok(sortContracts(contracts));
}

/**
 * Which orders each contract holds: those it has items of; an order with neither subscriptions nor
 * assets (services only) is held by the last contract, so it can never be contracted again.
 */
function orderIdsByBucket(
  buckets: readonly Bucket[],
  orders: readonly Order[],
): string[][] {
  if (buckets.length === 1) return [orders.map((o) => o.id)];
  const held = buckets.map(
    (b) =>
      new Set([
        ...b.subscriptions.map((s) => s.orderId),
        ...b.assets.map((a) => a.orderId),
      ]),
  );
  const anywhere = new Set(held.flatMap((h) => [...h]));
  held[held.length - 1] = new Set([
    ...held[held.length - 1],
    ...orders.filter((o) => !anywhere.has(o.id)).map((o) => o.id),
  ]);
  return held.map((h) => orders.filter((o) => h.has(o.id)).map((o) => o.id));
}
