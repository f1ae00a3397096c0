import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** History of the sync ledger: one row per event × connector, so an order's ledger shows every event. */
@Entity({ name: 'sync_ledger_events' })
export class SyncLedgerEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  connector!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType!: string;

  @Column({ name: 'object_id', type: 'text' })
  objectId!: string;

  @Column({ name: 'object_number', type: 'text' })
  objectNumber!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** pending | succeeded | failed (dead letter) | skipped */
  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', default: 0 })
  redrives!: number;

  @Column({ name: 'erp_id', type: 'text', nullable: true })
  erpId!: string | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'error_detail', type: 'jsonb', nullable: true })
  errorDetail!: unknown;

  @Column({ name: 'payload_hash', type: 'text', nullable: true })
  payloadHash!: string | null;

  @Column({ name: 'erp_status', type: 'text', nullable: true })
  erpStatus!: string | null;

  /** Decimal as a string (numeric(18,2)). */
  @Column({ name: 'erp_total', type: 'numeric', precision: 18, scale: 2, nullable: true })
  erpTotal!: string | null;

  @Column({ name: 'sent_total', type: 'numeric', precision: 18, scale: 2, nullable: true })
  sentTotal!: string | null;

  @Column({ name: 'sent_on', type: 'date', nullable: true })
  sentOn!: string | null;

  /** The last SyncEventPayload handed to the connector's queue. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
