import { type HandlerOutcome, type JobContext, type JobHandler } from '@signet/connector-core';
import { type ConnectorPingPayload, JobName, parsePingPayload, parseSyncEvent, type SyncEventPayload, type SyncOrderDocument } from '@signet/sync-contracts';
import { NetsuiteClient } from './netsuite-client';
import { toSalesOrder } from './sales-order';
import type { NetsuiteSettings } from './settings';

export const JOB_NAMES: readonly string[] = [JobName.ConnectorPing, JobName.SyncEvent];

const ORDER_EVENTS = new Set(['order.activated', 'order.changed', 'order.cancelled']);

/** Every job name of the NetSuite queue and its handler (the runner checks the table at start). */
export function netsuiteHandlers(settings: Pick<NetsuiteSettings, 'baseUrl' | 'credentials'>) {
  const client = (ctx: JobContext) => new NetsuiteClient(ctx.http, settings.baseUrl, settings.credentials, ctx.now);

  const syncEvent: JobHandler<SyncEventPayload> = {
    parse: parseSyncEvent,
    subject: (e) => ({ objectType: e.objectType, objectId: e.objectId, eventId: e.eventId }),
    async run(event, ctx): Promise<HandlerOutcome> {
      if (!ORDER_EVENTS.has(event.type) || event.document.kind !== 'order') {
        return { status: 'skipped', reason: `NetSuite receives orders only; '${event.type}' is not sent` };
      }
      const order = event.document as SyncOrderDocument;
      const body = JSON.stringify(toSalesOrder(event, order));
      const netsuite = client(ctx);
      ctx.sent(body);
      const upserted = await netsuite.upsertSalesOrder(order.number, body);
      // The read-back is for the ledger (status, total); the write has succeeded even if it fails.
      const stored = await netsuite.getSalesOrder(order.number).catch((error: unknown) => {
        ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'read-back after upsert failed');
        return null;
      });
      const status = stored?.['status'] as { id?: string; refName?: string } | undefined;
      const total = stored?.['total'];
      const erpId = upserted.internalId ?? (typeof stored?.['id'] === 'string' ? (stored['id'] as string) : undefined);
      const erpStatus = status?.refName ?? status?.id;
      return {
        status: 'succeeded',
        ...(erpId ? { erpId } : {}),
        ...(erpStatus ? { erpStatus } : {}),
        ...(typeof total === 'number' ? { erpTotal: total.toFixed(2) } : {}),
        detail: { externalId: order.number, event: event.type, sequence: event.sequence, location: upserted.location },
      };
    },
  };

  const ping: JobHandler<ConnectorPingPayload> = {
    parse: parsePingPayload,
    subject: (p) => ({ objectType: 'ping', objectId: p.pingId }),
    async run(_ping, ctx): Promise<HandlerOutcome> {
      await client(ctx).ping();
      return { status: 'succeeded' };
    },
  };

  return { [JobName.ConnectorPing]: ping, [JobName.SyncEvent]: syncEvent };
}
