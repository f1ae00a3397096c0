import type { DeliveryMode, DigestItem } from '@signet/notifications-domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** Serialized form of a digest item (dates as ISO strings). */
export type StoredDigestItem = Omit<DigestItem, 'at'> & { at: string };

/** An email owed to a user for one notification: sent alone (immediate) or in a digest. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  channel!: 'email';

  @Column({ type: 'text' })
  mode!: DeliveryMode;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'digest_item', type: 'jsonb' })
  digestItem!: StoredDigestItem;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
