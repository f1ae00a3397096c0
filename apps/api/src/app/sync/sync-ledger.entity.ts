import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Latest known sync state of one object at one connector, fed by the results queue. */
@Entity({ name: 'sync_ledger' })
export class SyncLedgerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  connector!: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType!: string;

  @Column({ name: 'object_id', type: 'text' })
  objectId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'erp_id', type: 'text', nullable: true })
  erpId!: string | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail!: Record<string, unknown>;

  /** The latest event of the object at this connector (null for pings). */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: string | null;

  /** The latest event's sequence; a result of an older event never overwrites the row. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ name: 'object_number', type: 'text', nullable: true })
  objectNumber!: string | null;

  @Column({ name: 'payload_hash', type: 'text', nullable: true })
  payloadHash!: string | null;

  @Column({ name: 'erp_status', type: 'text', nullable: true })
  erpStatus!: string | null;

  @Column({ name: 'erp_total', type: 'numeric', precision: 18, scale: 2, nullable: true })
  erpTotal!: string | null;

  @Column({ name: 'sent_total', type: 'numeric', precision: 18, scale: 2, nullable: true })
  sentTotal!: string | null;

  @Column({ name: 'sent_on', type: 'date', nullable: true })
  sentOn!: string | null;

  @Column({ type: 'integer', default: 0 })
  redrives!: number;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
