import type { ConnectorId, SyncEventPayload } from '@signet/sync-contracts';
import type { EntityManager } from 'typeorm';
import { documentTotal } from './sync-documents';

/**
 * Records that an event was handed to a connector's queue: a `pending` history row per
 * event × connector, and the per-object ledger row moved to this event unless it already holds a
 * newer one. Written in the relay's transaction before the job is added, so a result that comes
 * back faster than the commit waits on these rows instead of missing them.
 */
export async function recordPublished(manager: EntityManager, payload: SyncEventPayload, jobId: string, publishedAt: Date): Promise<void> {
  const sentTotal = documentTotal(payload.document);
  const sentOn = publishedAt.toISOString().slice(0, 10);
  await manager.query(
    `INSERT INTO sync_ledger_events (event_id, connector, event_type, object_type, object_id, object_number, sequence, status, job_id, payload, sent_total, sent_on, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9::jsonb, $10, $11, $12)
     ON CONFLICT (event_id, connector) DO NOTHING`,
    [payload.eventId, payload.connector, payload.type, payload.objectType, payload.objectId, payload.objectNumber, payload.sequence, jobId, JSON.stringify(payload), sentTotal, sentOn, publishedAt],
  );
  await manager.query(
    `INSERT INTO sync_ledger (connector, object_type, object_id, status, job_id, attempts, event_id, event_type, sequence, object_number, sent_total, sent_on, requested_at)
     VALUES ($1, $2, $3, 'pending', $4, 0, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (connector, object_type, object_id) DO UPDATE SET
       status = 'pending', job_id = EXCLUDED.job_id, attempts = 0, event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type,
       sequence = EXCLUDED.sequence, object_number = EXCLUDED.object_number, sent_total = EXCLUDED.sent_total, sent_on = EXCLUDED.sent_on,
       requested_at = EXCLUDED.requested_at, finished_at = NULL, error_code = NULL, error_message = NULL, payload_hash = NULL,
       redrives = 0, updated_at = now()
     WHERE sync_ledger.sequence < EXCLUDED.sequence`,
    [payload.connector, payload.objectType, payload.objectId, jobId, payload.eventId, payload.type, payload.sequence, payload.objectNumber, sentTotal, sentOn, publishedAt],
  );
}

/** A re-drive: the same event again under a new job id, with a freshly built payload. */
export async function recordRedriven(manager: EntityManager, ledgerId: string, payload: SyncEventPayload, jobId: string, redrives: number, at: Date): Promise<void> {
  const sentTotal = documentTotal(payload.document);
  const sentOn = at.toISOString().slice(0, 10);
  await manager.query(
    `UPDATE sync_ledger_events SET status = 'pending', job_id = $3, redrives = $4, payload = $5::jsonb, sent_total = $6, sent_on = $7,
            published_at = $8, finished_at = NULL, error_code = NULL, error_message = NULL, error_detail = NULL, attempts = 0, updated_at = now()
      WHERE event_id = $1 AND connector = $2`,
    [payload.eventId, payload.connector, jobId, redrives, JSON.stringify(payload), sentTotal, sentOn, at],
  );
  await manager.query(
    `UPDATE sync_ledger SET status = 'pending', job_id = $2, redrives = $3, sent_total = $4, sent_on = $5, requested_at = $6,
            finished_at = NULL, error_code = NULL, error_message = NULL, attempts = 0, updated_at = now()
      WHERE id = $1`,
    [ledgerId, jobId, redrives, sentTotal, sentOn, at],
  );
}

export function connectorsOf(enabled: readonly { id: ConnectorId; enabled: boolean }[]): ConnectorId[] {
  return enabled.filter((c) => c.enabled).map((c) => c.id);
}
