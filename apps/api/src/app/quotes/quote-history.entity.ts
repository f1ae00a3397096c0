import type { QuoteStatus } from '@signet/quotes-domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: who changed a quote, when, what and (for status changes) from what to what. */
@Entity({ name: 'quote_history' })
export class QuoteHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'quote_id', type: 'uuid' })
  quoteId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: QuoteStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus!: QuoteStatus | null;

  @Column({ type: 'jsonb', default: {} })
  detail!: Record<string, unknown>;
}
