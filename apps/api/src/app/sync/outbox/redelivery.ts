/**
 * Which pending deliveries the redelivery sweep re-publishes. A ledger entry that stays `pending`
 * past the threshold is looked up in its queue; only when the job is gone (e.g. Redis lost it in a
 * restart) is it added again, with the same job id, so a live job is never duplicated.
 */
export interface PendingDelivery {
  readonly id: string;
  readonly jobId: string;
  readonly publishedAt: Date;
}

export type QueuedJobState = 'missing' | 'waiting' | 'active' | 'delayed' | 'prioritized' | 'waiting-children' | 'completed' | 'failed' | 'unknown';

export function dueForRedelivery<T extends PendingDelivery>(pending: readonly T[], now: Date, afterSeconds: number): T[] {
  const cutoff = now.getTime() - afterSeconds * 1000;
  return pending.filter((p) => p.publishedAt.getTime() <= cutoff).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/**
 * Only a missing job is re-added. A completed or failed job whose result never reached the ledger
 * is left alone: the connector reports from the job, and re-adding would not replace a kept job.
 */
export function shouldRepublish(state: QueuedJobState): boolean {
  return state === 'missing' || state === 'unknown';
}
