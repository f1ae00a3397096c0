import { ConnectorError, type HandlerOutcome, type JobContext, type JobHandler } from '@signet/connector-core';
import { type ConnectorPingPayload, JobName, parsePingPayload, parseSyncEvent, type SyncEventPayload } from '@signet/sync-contracts';
import { cloudEvent, type CloudEvent, eventType } from './cloud-event';
import { deliver } from './deliver';
import type { WebhookTarget } from './settings';

export const JOB_NAMES: readonly string[] = [JobName.ConnectorPing, JobName.SyncEvent];

/**
 * Posts one event to every target. All delivered → succeeded. Otherwise the job fails: retried
 * when any failure could heal (every target gets it again; receivers drop the ids they have),
 * unrecoverable when every failure is a refusal (4xx, such as a rejected signature).
 */
async function deliverToAll(targets: readonly WebhookTarget[], event: CloudEvent<unknown>, ctx: JobContext): Promise<HandlerOutcome> {
  const body = JSON.stringify(event);
  ctx.sent(body);
  const now = ctx.now();
  const outcomes = await Promise.all(targets.map((target) => deliver(ctx.http, target, event, body, now)));
  const detail = { targets: outcomes.map((o) => ({ url: o.url, ok: o.ok, status: o.status, ...(o.error ? { error: o.error } : {}) })) };
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length === 0) return { status: 'succeeded', detail };
  const retryable = failed.some((o) => o.retryable);
  throw new ConnectorError(
    retryable ? 'retryable' : 'unrecoverable',
    retryable ? 'delivery_failed' : 'delivery_rejected',
    `${failed.length} of ${outcomes.length} target(s) failed: ${failed.map((f) => `${f.url}: ${f.error}`).join('; ')}`,
    detail,
  );
}

/** Every job name of the webhook queue and its handler (the runner checks the table at start). */
export function webhookHandlers(targets: readonly WebhookTarget[]) {
  const ping: JobHandler<ConnectorPingPayload> = {
    parse: parsePingPayload,
    subject: (p) => ({ objectType: 'ping', objectId: p.pingId }),
    run: (p, ctx) =>
      deliverToAll(
        targets,
        cloudEvent({
          id: p.pingId,
          type: 'dev.signet.connector.ping',
          time: ctx.now().toISOString(),
          subject: `ping/${p.pingId}`,
          data: { pingId: p.pingId, requestedBy: p.requestedBy, requestedAt: p.requestedAt },
        }),
        ctx,
      ),
  };

  /**
   * Every canonical event goes to every target as a CloudEvent whose id is the event id, so the
   * `webhook-id` is stable across retries and re-drives and receivers can drop repeats.
   */
  const syncEvent: JobHandler<SyncEventPayload> = {
    parse: parseSyncEvent,
    subject: (e) => ({ objectType: e.objectType, objectId: e.objectId, eventId: e.eventId }),
    run: (e, ctx) =>
      deliverToAll(targets, cloudEvent({ id: e.eventId, type: eventType(e.type), time: e.occurredAt, subject: e.objectNumber, data: e.document }), ctx),
  };

  return { [JobName.ConnectorPing]: ping, [JobName.SyncEvent]: syncEvent };
}
