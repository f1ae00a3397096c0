import { type ConnectorPingPayload, JobName, parsePingPayload, type SyncResultPayload, SYNC_RESULT_VERSION } from '@signet/sync-contracts';
import { cloudEvent } from './cloud-event';
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

async function handlePing(data: unknown, ctx: JobContext, settings: ConnectorSettings): Promise<HandlerOutcome> {
  const ping: ConnectorPingPayload = parsePingPayload(data);
  const now = ctx.now();
  const event = cloudEvent({
    id: ping.pingId,
    type: 'dev.signet.connector.ping',
    time: now.toISOString(),
    subject: `ping/${ping.pingId}`,
    data: { pingId: ping.pingId, requestedBy: ping.requestedBy, requestedAt: ping.requestedAt },
  });
  const outcomes = await Promise.all(settings.targets.map((target) => deliver(target, event, now, settings.requestTimeoutMs)));
  const failed = outcomes.filter((o) => !o.ok);
  const retryable = failed.some((o) => o.retryable);
  const lastAttempt = ctx.attempt >= ctx.maxAttempts;
  const base = {
    version: SYNC_RESULT_VERSION,
    connector: 'webhook' as const,
    objectType: 'ping',
    objectId: ping.pingId,
    jobId: ctx.jobId,
    attempts: ctx.attempt,
    finishedAt: now.toISOString(),
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

/** Exactly one handler per job name of this connector's queue; checked at start. */
export const HANDLERS: Readonly<Record<string, JobHandler>> = {
  [JobName.ConnectorPing]: handlePing,
};

export const HANDLED_JOB_NAMES: readonly string[] = [JobName.ConnectorPing];

export function assertHandlers(): void {
  const missing = HANDLED_JOB_NAMES.filter((name) => !HANDLERS[name]);
  const extra = Object.keys(HANDLERS).filter((name) => !HANDLED_JOB_NAMES.includes(name));
  if (missing.length || extra.length) {
    throw new Error(`Handler table mismatch: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
  }
}
