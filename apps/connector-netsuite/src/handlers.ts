import { createHash } from 'node:crypto';
import {
  JobName,
  parsePingPayload,
  parseSyncEvent,
  PayloadError,
  type SyncEventPayload,
  type SyncOrderDocument,
  type SyncStatus,
} from '@signet/sync-contracts';
import { NetsuiteClient } from './netsuite-client';
import { toSalesOrder } from './sales-order';
import type { ConnectorSettings } from './settings';
import { SyncError } from './sync-error';

/** What a handler reports when it did not fail (failures are thrown as `SyncError`). */
export interface HandlerResult {
  status: Extract<SyncStatus, 'succeeded' | 'skipped'>;
  objectType: string;
  objectId: string;
  eventId?: string;
  erpId?: string;
  payloadHash?: string;
  erpStatus?: string;
  erpTotal?: string;
  detail?: Record<string, unknown>;
}

export type JobHandler = (data: unknown, client: NetsuiteClient) => Promise<HandlerResult>;

/** What the result names when the payload itself could not be read. */
export function describeJob(data: unknown): { objectType: string; objectId: string; eventId?: string } {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  if (text('pingId')) return { objectType: 'ping', objectId: text('pingId') as string };
  return { objectType: text('objectType') ?? 'unknown', objectId: text('objectId') ?? 'unknown', ...(text('eventId') ? { eventId: text('eventId') } : {}) };
}

const ORDER_EVENTS = new Set(['order.activated', 'order.changed', 'order.cancelled']);

function readEvent(data: unknown): SyncEventPayload {
  try {
    return parseSyncEvent(data);
  } catch (error) {
    if (error instanceof PayloadError) throw new SyncError('unrecoverable', 'invalid_payload', error.message);
    throw error;
  }
}

async function handleSyncEvent(data: unknown, client: NetsuiteClient): Promise<HandlerResult> {
  const event = readEvent(data);
  const base = { objectType: event.objectType, objectId: event.objectId, eventId: event.eventId };
  if (!ORDER_EVENTS.has(event.type) || event.document.kind !== 'order') {
    return { ...base, status: 'skipped', detail: { reason: `NetSuite receives orders only; '${event.type}' is not sent` } };
  }
  const order = event.document as SyncOrderDocument;
  const body = JSON.stringify(toSalesOrder(event, order));
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const upserted = await client.upsertSalesOrder(order.number, body);
  // Reading back is for the ledger (status, total); the write already succeeded if this fails.
  const stored = await client.getSalesOrder(order.number).catch(() => null);
  const status = stored?.['status'] as { id?: string; refName?: string } | undefined;
  const total = stored?.['total'];
  const erpId = upserted.internalId ?? (typeof stored?.['id'] === 'string' ? (stored['id'] as string) : undefined);
  return {
    ...base,
    status: 'succeeded',
    payloadHash,
    ...(erpId ? { erpId } : {}),
    ...(status?.refName ?? status?.id ? { erpStatus: status?.refName ?? status?.id } : {}),
    ...(typeof total === 'number' ? { erpTotal: total.toFixed(2) } : {}),
    detail: { externalId: order.number, event: event.type, sequence: event.sequence, location: upserted.location },
  };
}

async function handlePing(data: unknown, client: NetsuiteClient): Promise<HandlerResult> {
  let pingId: string;
  try {
    pingId = parsePingPayload(data).pingId;
  } catch (error) {
    if (error instanceof PayloadError) throw new SyncError('unrecoverable', 'invalid_payload', error.message);
    throw error;
  }
  await client.ping();
  return { status: 'succeeded', objectType: 'ping', objectId: pingId };
}

/** Exactly one handler per job name of this connector's queue; checked at start. */
export const HANDLERS: Readonly<Record<string, JobHandler>> = {
  [JobName.ConnectorPing]: handlePing,
  [JobName.SyncEvent]: handleSyncEvent,
};

export const HANDLED_JOB_NAMES: readonly string[] = [JobName.ConnectorPing, JobName.SyncEvent];

export function assertHandlers(): void {
  const missing = HANDLED_JOB_NAMES.filter((name) => !HANDLERS[name]);
  const extra = Object.keys(HANDLERS).filter((name) => !HANDLED_JOB_NAMES.includes(name));
  if (missing.length || extra.length) throw new Error(`Handler table mismatch: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
}

