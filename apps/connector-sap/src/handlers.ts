import type { HandlerOutcome, HandlerTable, JobContext, JobHandler } from '@signet/connector-core';
import { type ConnectorPingPayload, type InboundFactPayload, JobName, parsePingPayload, parseSyncEvent, type SyncEventPayload, type SyncOrderDocument } from '@signet/sync-contracts';
import { inboundPollHandler } from './inbound-poll';
import type { SapClient, SapOrder } from './sap-client';
import { itemNumber, toDeepInsert, toHeaderUpdate, toItemQuantityUpdate, toItemRejection } from './sap-mapping';
import type { SapSettings } from './settings';

/** Job names on the SAP connector's queue; each has exactly one handler (checked at start). */
export const SAP_JOB_NAMES: readonly string[] = [JobName.SyncEvent, JobName.ConnectorPing, JobName.InboundPoll];

function erpFields(order: SapOrder): Pick<HandlerOutcome, 'erpId' | 'erpStatus' | 'erpTotal'> {
  return {
    erpId: order.salesOrder,
    ...(order.processStatus || order.rejectionStatus ? { erpStatus: order.rejectionStatus === 'C' ? 'rejected' : (order.processStatus ?? 'open') } : {}),
    ...(order.totalNetAmount !== undefined ? { erpTotal: order.totalNetAmount } : {}),
  };
}

function send(ctx: JobContext, body: Record<string, unknown>): string {
  const text = JSON.stringify(body);
  ctx.sent(text);
  return text;
}

/** order.activated / order.changed: look up by our number first; create only when SAP has none. */
async function upsertOrder(event: SyncEventPayload, order: SyncOrderDocument, client: SapClient, settings: SapSettings, ctx: JobContext): Promise<HandlerOutcome> {
  const existing = await client.findByPurchaseOrder(order.number);
  if (!existing) {
    if (order.status === 'cancelled') return { status: 'skipped', reason: `order ${order.number} was cancelled before it reached SAP` };
    const created = await client.create(send(ctx, toDeepInsert(order, settings)));
    ctx.log.info({ salesOrder: created.salesOrder, order: order.number }, 'created SAP sales order');
    return { status: 'succeeded', ...erpFields(created), detail: { action: 'created' } };
  }
  if (event.type === 'order.activated') {
    // Already there: an earlier attempt committed in SAP but we never heard back (or a re-drive).
    return { status: 'succeeded', ...erpFields(existing), detail: { action: 'found-existing' } };
  }
  let etag = await client.updateHeader(existing.salesOrder, existing.etag, send(ctx, toHeaderUpdate(order)));
  const changedItems: string[] = [];
  for (const line of order.lines) {
    const current = existing.items.find((i) => i.item === itemNumber(line));
    const update = toItemQuantityUpdate(line);
    if (!current || current.quantity === undefined || Number(current.quantity) === Number(update['RequestedQuantity'])) continue;
    etag = (await client.updateItem(existing.salesOrder, current.item, JSON.stringify(update), etag)) ?? etag;
    changedItems.push(current.item);
  }
  return { status: 'succeeded', ...erpFields({ ...existing, etag }), detail: { action: 'updated', changedItems } };
}

/** order.cancelled: every item not yet rejected gets the rejection reason (rejection, not deletion: see docs/connectors.md). */
async function cancelOrder(order: SyncOrderDocument, client: SapClient, ctx: JobContext): Promise<HandlerOutcome> {
  const existing = await client.findByPurchaseOrder(order.number);
  if (!existing) return { status: 'skipped', reason: `SAP holds no sales order for ${order.number}: nothing to cancel` };
  const body = send(ctx, toItemRejection());
  const rejected: string[] = [];
  for (const item of existing.items) {
    if (item.rejectionReason) continue;
    await client.updateItem(existing.salesOrder, item.item, body);
    rejected.push(item.item);
  }
  return { status: 'succeeded', erpId: existing.salesOrder, erpStatus: 'rejected', erpTotal: '0.000', detail: { action: 'rejected', items: rejected } };
}

/** `publishFact` puts a fulfilment fact on the inbound queue (the inbound poll's output). */
export function sapHandlers(client: SapClient, settings: SapSettings, publishFact: (fact: InboundFactPayload) => Promise<void>): HandlerTable {
  const syncEvent: JobHandler<SyncEventPayload> = {
    parse: parseSyncEvent,
    subject: (e) => ({ objectType: e.objectType, objectId: e.objectId, eventId: e.eventId }),
    async run(event, ctx) {
      if (event.document.kind !== 'order') return { status: 'skipped', reason: `${event.type} is not sent to SAP (sales orders only)` };
      switch (event.type) {
        case 'order.activated':
        case 'order.changed':
          return upsertOrder(event, event.document, client, settings, ctx);
        case 'order.cancelled':
          return cancelOrder(event.document, client, ctx);
        default:
          return { status: 'skipped', reason: `${event.type} is not sent to SAP` };
      }
    },
  };
  const ping: JobHandler<ConnectorPingPayload> = {
    parse: parsePingPayload,
    subject: (p) => ({ objectType: 'ping', objectId: p.pingId }),
    async run() {
      await client.ping();
      return { status: 'succeeded', detail: { reached: settings.baseUrl } };
    },
  };
  return { [JobName.SyncEvent]: syncEvent, [JobName.ConnectorPing]: ping, [JobName.InboundPoll]: inboundPollHandler(client, publishFact) };
}
