import {
  type ConnectorPingPayload,
  JobName,
  parsePingPayload,
  parseSyncEvent,
  PayloadError,
  type SyncEventPayload,
  type SyncResultPayload,
  SYNC_RESULT_VERSION,
} from '@signet/sync-contracts';
import { createHash } from 'node:crypto';
import { cloudEvent, type CloudEvent, eventType } from './cloud-event';
import { deliver, type DeliveryOutcome } from './deliver';
import type { ConnectorSettings } from './settings';

export interface JobContext {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  now: () => Date;
}

/** What a handler decided: a result to report, and whether BullMQ should try the job again. */
export interface HandlerOutcome {
  result: SyncResultPayload;
  retry: boolean;
}

export type JobHandler = (data: unknown, ctx: JobContext, settings: ConnectorSettings) => Promise<HandlerOutcome>;

function summarise(outcomes: DeliveryOutcome[]): Record<string, unknown> {
  return { targets: outcomes.map((o) => ({ url: o.url, ok: o.ok, status: o.status, ...(o.error ? { error: o.error } : {}) })) };
}

/** Posts one event to every target and turns the outcomes into a result and a retry decision. */
async function deliverToAll(
  event: CloudEvent<unknown>,
  object: { objectType: string; objectId: string; eventId?: string },
  ctx: JobContext,
  settings: ConnectorSettings,
): Promise<HandlerOutcome> {
  const now = ctx.now();
  const outcomes = await Promise.all(settings.targets.map((target) => deliver(target, event, now, settings.requestTimeoutMs)));
  const failed = outcomes.filter((o) => !o.ok);
  const retryable = failed.some((o) => o.retryable);
  const lastAttempt = ctx.attempt >= ctx.maxAttempts;
  const base = {
    version: SYNC_RESULT_VERSION,
    connector: 'webhook' as const,
    ...object,
    jobId: ctx.jobId,
    attempts: ctx.attempt,
    finishedAt: now.toISOString(),
    payloadHash: createHash('sha256').update(JSON.stringify(event)).digest('hex'),
    detail: summarise(outcomes),
  };
  if (failed.length === 0) return { result: { ...base, status: 'succeeded' }, retry: false };
  return {
    result: {
      ...base,
      status: 'failed',
      error: { code: retryable ? 'delivery_failed' : 'delivery_rejected', message: `${failed.length} of ${outcomes.length} target(s) failed: ${failed.map((f) => f.error).join('; ')}` },
    },
    retry: retryable && !lastAttempt,
  };
}

async function handlePing(data: unknown, ctx: JobContext, settings: ConnectorSettings): Promise<HandlerOutcome> {
  const ping: ConnectorPingPayload = parsePingPayload(data);
  const event = cloudEvent({
    id: ping.pingId,
    type: 'dev.signet.connector.ping',
    time: ctx.now().toISOString(),
    subject: `ping/${ping.pingId}`,
    data: { pingId: ping.pingId, requestedBy: ping.requestedBy, requestedAt: ping.requestedAt },
  });
  return deliverToAll(event, { objectType: 'ping', objectId: ping.pingId }, ctx, settings);
}

/**
 * Every canonical event goes to every target as a CloudEvent whose id is the event id, so the
 * `webhook-id` is stable across retries and re-drives and receivers can drop repeats.
 */
async function handleSyncEvent(data: unknown, ctx: JobContext, settings: ConnectorSettings): Promise<HandlerOutcome> {
  let payload: SyncEventPayload;
  try {
    payload = parseSyncEvent(data);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const text = (key: string) => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : 'unknown');
    return {
      result: {
        version: SYNC_RESULT_VERSION,
        connector: 'webhook',
        objectType: text('objectType'),
        objectId: text('objectId'),
        jobId: ctx.jobId,
        attempts: ctx.attempt,
        finishedAt: ctx.now().toISOString(),
        status: 'failed',
        error: { code: 'invalid_payload', message: error.message },
      },
      retry: false,
    };
  }
  const event = cloudEvent({ id: payload.eventId, type: eventType(payload.type), time: payload.occurredAt, subject: payload.objectNumber, data: payload.document });
  return deliverToAll(event, { objectType: payload.objectType, objectId: payload.objectId, eventId: payload.eventId }, ctx, settings);
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
  if (missing.length || extra.length) {
    throw new Error(`Handler table mismatch: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
  }
}
