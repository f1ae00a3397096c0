import type { FieldValues, QuoteStatus } from '@signet/quotes-domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A quote's header with its totals kept beside it, so lists never read lines. */
@Entity({ name: 'quotes' })
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Q-000123, from a database sequence. */
  @Column({ type: 'text', insert: false, update: false })
  number!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: QuoteStatus;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'term_months', type: 'integer', nullable: true })
  termMonths!: number | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'jsonb', default: {} })
  fields!: FieldValues;

  /** ISO 4217; defaults to the account's currency. */
  @Column({ type: 'text', default: 'USD' })
  currency!: string;

  /** Default split paths of POST /quotes/:id/orders. */
  @Column({ name: 'order_by', type: 'text', array: true, default: () => "'{}'" })
  orderBy!: string[];

  /** The CRM's id of an imported quote; unique. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ name: 'line_count', type: 'integer', default: 0 })
  lineCount!: number;

  @Column({ name: 'list_total', type: 'numeric', precision: 18, scale: 2, default: 0 })
  listTotal!: string;

  @Column({ name: 'net_total', type: 'numeric', precision: 18, scale: 2, default: 0 })
  netTotal!: string;

  @Column({ name: 'discount_amount', type: 'numeric', precision: 18, scale: 2, default: 0 })
  discountAmount!: string;

  @Column({ name: 'discount_percent', type: 'numeric', precision: 9, scale: 2, nullable: true })
  discountPercent!: string | null;

  @Column({ name: 'one_time_total', type: 'numeric', precision: 18, scale: 2, default: 0 })
  oneTimeTotal!: string;

  @Column({ name: 'recurring_total', type: 'numeric', precision: 18, scale: 2, default: 0 })
  recurringTotal!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
