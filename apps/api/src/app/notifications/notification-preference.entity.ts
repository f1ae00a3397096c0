import type { DeliveryMode } from '@signet/notifications-domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'email_enabled', type: 'boolean' })
  emailEnabled!: boolean;

  @Column({ type: 'text' })
  mode!: DeliveryMode;

  @Column({ name: 'digest_every_hours', type: 'smallint' })
  digestEveryHours!: number;

  @Column({ name: 'quiet_start', type: 'text', nullable: true })
  quietStart!: string | null;

  @Column({ name: 'quiet_end', type: 'text', nullable: true })
  quietEnd!: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
