import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One ERP event, written in the same transaction as the change it describes (transactional outbox). */
@Entity({ name: 'sync_outbox' })
export class SyncOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType!: string;

  @Column({ name: 'object_id', type: 'text' })
  objectId!: string;

  @Column({ name: 'object_number', type: 'text' })
  objectNumber!: string;

  /** Monotonic per object, from 1. */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
