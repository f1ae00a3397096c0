import { Injectable } from '@nestjs/common';
import type { SyncEventType, SyncObjectType } from '@signet/sync-contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxEvent {
  readonly type: SyncEventType;
  readonly objectType: SyncObjectType;
  readonly objectId: string;
  readonly data?: Record<string, unknown>;
}

export interface EmittedEvent {
  readonly id: string;
  readonly sequence: number;
  readonly objectNumber: string;
}

const NUMBER_SOURCES: Record<SyncObjectType, string> = {
  order: `SELECT number FROM orders WHERE id = $1`,
  contract: `SELECT number FROM contracts WHERE id = $1`,
};

/**
 * Writes ERP events into `sync_outbox` with the caller's transaction, so an event exists if and
 * only if the change it describes committed. The relay publishes them after commit.
 */
@Injectable()
export class OutboxService {
  async emit(manager: EntityManager, event: OutboxEvent): Promise<EmittedEvent> {
    // Serialises emitters of one object so that `sequence` is gap-free and strictly increasing in
    // commit order (the lock is held to the end of the caller's transaction).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sync_outbox:${event.objectType}:${event.objectId}`]);
    const numbers: { number: string }[] = await manager.query(NUMBER_SOURCES[event.objectType], [event.objectId]);
    const objectNumber = numbers[0]?.number;
    if (!objectNumber) throw new Error(`Cannot emit ${event.type}: ${event.objectType} ${event.objectId} does not exist`);
    const rows: { id: string; sequence: number }[] = await manager.query(
      `INSERT INTO sync_outbox (type, object_type, object_id, object_number, sequence, data)
       SELECT $1, $2, $3, $4, coalesce(max(sequence), 0) + 1, $5::jsonb
         FROM sync_outbox WHERE object_type = $2 AND object_id = $3
       RETURNING id, sequence`,
      [event.type, event.objectType, event.objectId, objectNumber, JSON.stringify(event.data ?? {})],
    );
    return { id: rows[0].id, sequence: Number(rows[0].sequence), objectNumber };
  }
}
