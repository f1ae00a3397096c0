import type { SyncResultPayload } from '@signet/sync-contracts';
import type { EntityManager } from 'typeorm';

/**
 * A connector's report on one event. Applied to the event's history row, and to the per-object
 * ledger row only while that row still holds this event and job (a result of an older event, or of
 * a job replaced by a re-drive, changes the history only). A repeated or late report (finishedAt
 * not newer than what is stored) changes nothing.
 */
export async function applyEventResult(manager: EntityManager, result: SyncResultPayload & { eventId: string }): Promise<'applied' | 'stale' | 'unknown-event'> {
  const events: { sequence: number; type: string; object_number: string; object_type: string; object_id: string }[] = await manager.query(
    `SELECT sequence, type, object_number, object_type, object_id FROM sync_outbox WHERE id = $1`,
    [result.eventId],
  );
  const event = events[0];
  if (!event) return 'unknown-event';
  const error = result.error ?? null;
  const values = [
    result.eventId,
    result.connector,
    result.status,
    result.jobId,
    result.attempts,
    result.erpId ?? null,
    error?.code ?? null,
    error?.message ?? null,
    error?.detail === undefined ? null : JSON.stringify(error.detail),
    result.payloadHash ?? null,
    result.erpStatus ?? null,
    result.erpTotal ?? null,
    result.finishedAt,
  ];
  const history: unknown[] = await manager.query(
    `INSERT INTO sync_ledger_events AS e (event_id, connector, status, job_id, attempts, erp_id, error_code, error_message, error_detail,
        payload_hash, erp_status, erp_total, finished_at, event_type, object_type, object_id, object_number, sequence, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18, '{}'::jsonb)
     ON CONFLICT (event_id, connector) DO UPDATE SET
       status = EXCLUDED.status, attempts = EXCLUDED.attempts, erp_id = coalesce(EXCLUDED.erp_id, e.erp_id),
       error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, error_detail = EXCLUDED.error_detail,
       payload_hash = coalesce(EXCLUDED.payload_hash, e.payload_hash), erp_status = EXCLUDED.erp_status, erp_total = EXCLUDED.erp_total,
       finished_at = EXCLUDED.finished_at, updated_at = now()
     WHERE e.job_id = EXCLUDED.job_id AND (e.finished_at IS NULL OR e.finished_at < EXCLUDED.finished_at)
     RETURNING e.id`,
    [...values, event.type, event.object_type, event.object_id, event.object_number, event.sequence],
  );
  if (history.length === 0) return 'stale';
  await manager.query(
    `UPDATE sync_ledger l SET
       status = $4, attempts = $6, erp_id = coalesce($7, l.erp_id), error_code = $8, error_message = $9,
       payload_hash = coalesce($10, l.payload_hash), erp_status = $11, erp_total = $12, finished_at = $13,
       detail = $14::jsonb, updated_at = now()
     WHERE l.connector = $1 AND l.object_type = $2 AND l.object_id = $3 AND l.event_id = $15 AND l.job_id = $5
       AND (l.finished_at IS NULL OR l.finished_at < $13)`,
    [
      result.connector,
      event.object_type,
      event.object_id,
      result.status,
      result.jobId,
      result.attempts,
      result.erpId ?? null,
      error?.code ?? null,
      error?.message ?? null,
      result.payloadHash ?? null,
      result.erpStatus ?? null,
      result.erpTotal ?? null,
      result.finishedAt,
      JSON.stringify(result.detail ?? {}),
      result.eventId,
    ],
  );
  return 'applied';
}
