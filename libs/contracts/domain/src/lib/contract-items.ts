import { Decimal, err, ok, type Result } from '@signet/shared-kernel';
import type {
  Order,
  OrderLine,
  ResolvedLine,
  ResolvedQuote,
} from '@signet/orders-domain';
import type { Asset, Subscription } from './contract-model';
import { contractsError, type ContractsError } from './contracts-error';

export interface ContractItems {
  readonly subscriptions: Subscription[];
  readonly assets: Asset[];
}

function subscriptionOf(
  order: Order,
  orderLine: OrderLine,
  line: ResolvedLine,
): Subscription {
  return {
    id: `${order.id}:${line.id}`,
    sku: line.sku,
    orderId: order.id,
    lineId: line.id,
    quantity: orderLine.quantity,
    start: orderLine.start,
    end: orderLine.end,
    termMonths: line.term,
    netTotal: line.netTotal.mul(orderLine.quantity).div(line.quantity).round2(),
    pricing: { netTotal: line.netTotal, quantity: line.quantity },
  };
}

/** per-unit: one asset of quantity 1 per unit; per-line: one asset of the line's quantity; none: nothing. */
function assetsOf(
  order: Order,
  orderLine: OrderLine,
  line: ResolvedLine,
): Result<Asset[], ContractsError> {
  const base = {
    sku: line.sku,
    orderId: order.id,
    lineId: line.id,
    start: orderLine.start,
  };
  switch (line.product.assetConversion ?? 'none') {
    case 'none':
      return ok([]);
    case 'per-line':
      return ok([
        {
          ...base,
          id: `${order.id}:${line.id}:1`,
          quantity: orderLine.quantity,
        },
      ]);
    case 'per-unit': {
      if (!orderLine.quantity.isInteger()) {
        return err(
          contractsError(
            'invalid_input',
            `line ${line.id}: per-unit assets need a whole quantity, not ${orderLine.quantity.toString()}`,
          ),
        );
      }
      const count = orderLine.quantity.toNumber();
      return ok(
        Array.from({ length: count }, (_, i) => ({
          ...base,
          id: `${order.id}:${line.id}:${i + 1}`,
          quantity: Decimal.ONE,
        })),
      );
    }
  }
}

/** Recurring order lines become subscriptions (one per order line); one-time lines become assets. */
export function contractItemsFromOrders(
  quote: ResolvedQuote,
  orders: readonly Order[],
): Result<ContractItems, ContractsError> {
  const subscriptions: Subscription[] = [];
  const assets: Asset[] = [];
  for (const order of orders) {
    for (const orderLine of order.lines) {
      const line = quote.byId.get(orderLine.lineId);
      if (!line)
        return err(
          contractsError(
            'invalid_input',
            `order ${order.id} names line ${orderLine.lineId}, not on quote ${quote.id}`,
          ),
        );
      if (line.product.chargeType === 'recurring') {
        subscriptions.push(subscriptionOf(order, orderLine, line));
      } else {
        const a = assetsOf(order, orderLine, line);
        if (!a.ok) return a;
        assets.push(...a.value);
      }
    }
  }
  return ok({ subscriptions, assets });
}
