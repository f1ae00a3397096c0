import type { HandlerOutcome, JobHandler } from '@signet/connector-core';
import { INBOUND_FACT_VERSION, type InboundFactPayload } from '@signet/sync-contracts';
import Decimal from 'decimal.js';
import type { SapClient } from './sap-client';

/** How far back each poll looks: facts are absolute and keyed, so overlapping polls are harmless. */
export const POLL_LOOKBACK_MS = 15 * 60_000;

export interface DeliveryRow {
  ReferenceSDDocument: string;
  ReferenceSDDocumentItem: string;
  ActualDeliveryQuantity: string;
  ActualGoodsMovementDate: string;
  LastChangeDateTime: string;
}

const ms = (odata: string): number => Number(/\/Date\((-?\d+)/.exec(odata)?.[1] ?? NaN);

/**
 * One fulfilment fact per sales order from all its delivery items: cumulative delivered quantity
 * per item (SAP item number / 10 = the Signet line position), the latest goods movement date.
 * The fact id carries the latest change time, so the same state always makes the same fact.
 */
export function deliveriesToFact(salesOrder: string, orderNumber: string, rows: readonly DeliveryRow[]): InboundFactPayload | null {
  const mine = rows.filter((r) => r.ReferenceSDDocument === salesOrder);
  if (mine.length === 0) return null;
  const byItem = new Map<string, { quantity: Decimal; date: number }>();
  for (const row of mine) {
    const current = byItem.get(row.ReferenceSDDocumentItem) ?? { quantity: new Decimal(0), date: 0 };
    byItem.set(row.ReferenceSDDocumentItem, { quantity: current.quantity.add(row.ActualDeliveryQuantity), date: Math.max(current.date, ms(row.ActualGoodsMovementDate)) });
  }
  const changed = Math.max(...mine.map((r) => ms(r.LastChangeDateTime)));
  return {
    version: INBOUND_FACT_VERSION,
    factId: `delivery-${salesOrder}-${changed}`,
    connector: 'sap',
    kind: 'fulfilment',
    orderNumber,
    erpDocumentId: salesOrder,
    occurredAt: new Date(changed).toISOString(),
    fulfilment: {
      lines: [...byItem.entries()]
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([item, v]) => ({ position: Number(item) / 10, quantity: v.quantity.toFixed(), status: 'delivered' as const, date: new Date(v.date).toISOString().slice(0, 10) })),
    },
  };
}

/** The repeatable `sync.inbound-poll` job: reads recent deliveries and publishes facts on the inbound queue. */
export function inboundPollHandler(client: SapClient, publish: (fact: InboundFactPayload) => Promise<void>): JobHandler<Record<string, unknown>> {
  return {
    reportsResult: false,
    parse: (data) => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}),
    subject: () => ({ objectType: 'inbound-poll', objectId: 'sap' }),
    async run(_payload, ctx): Promise<HandlerOutcome> {
      const since = new Date(ctx.now().getTime() - POLL_LOOKBACK_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const recent = (await client.deliveryItems(`LastChangeDateTime ge datetimeoffset'${since}'`)) as unknown as DeliveryRow[];
      const salesOrders = [...new Set(recent.map((r) => r.ReferenceSDDocument))];
      let published = 0;
      for (const salesOrder of salesOrders) {
        const order = await client.getOrder(salesOrder);
        if (!order?.purchaseOrderByCustomer) continue; // not a Signet order
        const all = (await client.deliveryItems(`ReferenceSDDocument eq '${salesOrder.replace(/'/g, "''")}'`)) as unknown as DeliveryRow[];
        const fact = deliveriesToFact(salesOrder, order.purchaseOrderByCustomer, all);
        if (fact) {
          await publish(fact);
          published += 1;
        }
      }
      ctx.log[published ? 'info' : 'debug']({ deliveries: recent.length, facts: published }, 'inbound poll done');
      return { status: 'succeeded', detail: { facts: published } };
    },
  };
}
