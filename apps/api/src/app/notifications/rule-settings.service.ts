import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EscalationPolicy, NO_ESCALATION, validateEscalationPolicy } from '@signet/notifications-domain';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { conflict, invalidInput, notFound } from '../common/app-error';
import type { RuleNotificationSettingsDto, UpdateRuleNotificationSettingsDto } from './dto/rule-settings.dto';
import { RuleNotificationSettingsEntity } from './rule-notification-settings.entity';

export interface RuleNotificationSettings extends EscalationPolicy {
  readonly chatWebhookUrl: string | null;
}

const NONE: RuleNotificationSettings = { ...NO_ESCALATION, chatWebhookUrl: null };

@Injectable()
export class RuleSettingsService {
  constructor(
    @InjectRepository(RuleNotificationSettingsEntity) private readonly settings: Repository<RuleNotificationSettingsEntity>,
    private readonly audit: AuditService,
  ) {}

  async forRule(ruleId: string): Promise<RuleNotificationSettings> {
    const row = await this.settings.findOneBy({ ruleId });
    return row ? { remindAfterBusinessHours: row.remindAfterBusinessHours, escalateAfterBusinessHours: row.escalateAfterBusinessHours, escalateToUserId: row.escalateToUserId, chatWebhookUrl: row.chatWebhookUrl } : NONE;
  }

  async get(ruleId: string): Promise<RuleNotificationSettingsDto> {
    await this.assertRule(ruleId);
    const row = await this.settings.findOneBy({ ruleId });
    return { ruleId, ...(await this.forRule(ruleId)), version: row?.version ?? 0 };
  }

  async update(ruleId: string, input: UpdateRuleNotificationSettingsDto, actor: Principal): Promise<RuleNotificationSettingsDto> {
    await this.assertRule(ruleId);
    const next: RuleNotificationSettings = {
      remindAfterBusinessHours: input.remindAfterBusinessHours ?? null,
      escalateAfterBusinessHours: input.escalateAfterBusinessHours ?? null,
      escalateToUserId: input.escalateToUserId ?? null,
      chatWebhookUrl: input.chatWebhookUrl?.trim() || null,
    };
    const errors = validateEscalationPolicy(next);
    if (next.escalateToUserId) {
      const [user]: { active: boolean; roles: string[] }[] = await this.settings.query(`SELECT active, roles FROM users WHERE id = $1`, [next.escalateToUserId]);
      if (!user?.active) errors.push({ field: 'escalateToUserId', message: 'no active user with this id' });
      else if (!user.roles.includes('approver') && !user.roles.includes('admin')) errors.push({ field: 'escalateToUserId', message: 'the escalation approver needs the approver role' });
    }
    if (errors.length > 0) throw invalidInput(errors, 'The notification settings are not valid.');
    return this.settings.manager.transaction(async (manager) => {
      const repo = manager.getRepository(RuleNotificationSettingsEntity);
      const row = await repo.findOne({ where: { ruleId }, lock: { mode: 'pessimistic_write' } });
      const current = row?.version ?? 0;
      if (input.version !== undefined && input.version !== current) {
        throw conflict('stale_version', `The rule's notification settings were changed by someone else (you have version ${input.version}, current is ${current}).`, { currentVersion: current });
      }
      const saved = await repo.save({ ...(row ?? { ruleId }), ...next, updatedBy: actor.id });
      await this.audit.record({ actorId: actor.id, action: 'notifications.rule_settings_changed', targetType: 'approval_rule', targetId: ruleId, detail: { ...next, chatWebhookUrl: next.chatWebhookUrl ? '(set)' : null } }, manager);
      return { ruleId, ...next, version: saved.version };
    });
  }

  private async assertRule(ruleId: string): Promise<void> {
    const rows = await this.settings.query(`SELECT 1 FROM approval_rules WHERE id = $1`, [ruleId]);
    if (rows.length === 0) throw notFound('Approval rule', ruleId);
  }
}
