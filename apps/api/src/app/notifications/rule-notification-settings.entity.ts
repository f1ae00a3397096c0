import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

const hours = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** Per approval rule: reminder and escalation timing, escalation approver, chat webhook. */
@Entity({ name: 'rule_notification_settings' })
export class RuleNotificationSettingsEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @Column({ name: 'remind_after_business_hours', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: hours })
  remindAfterBusinessHours!: number | null;

  @Column({ name: 'escalate_after_business_hours', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: hours })
  escalateAfterBusinessHours!: number | null;

  @Column({ name: 'escalate_to_user_id', type: 'uuid', nullable: true })
  escalateToUserId!: string | null;

  @Column({ name: 'chat_webhook_url', type: 'text', nullable: true })
  chatWebhookUrl!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
