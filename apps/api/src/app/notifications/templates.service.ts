import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_TEMPLATES,
  renderTemplate,
  sampleTemplateContext,
  TEMPLATE_EVENTS,
  type TemplateEvent,
  type TemplateParts,
  templateProblemsAsFieldErrors,
  validateTemplate,
} from '@signet/notifications-domain';
import { IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { conflict, invalidInput, notFound } from '../common/app-error';
import type { PreviewTemplateDto, SaveTemplateDto, TemplateDto, TemplatePreviewDto } from './dto/template.dto';
import { NotificationTemplateEntity } from './notification-template.entity';

const scopeWhere = (ruleId: string | null) => ({ ruleId: ruleId ?? IsNull() });

@Injectable()
export class TemplatesService {
  constructor(
    @InjectRepository(NotificationTemplateEntity) private readonly templates: Repository<NotificationTemplateEntity>,
    private readonly audit: AuditService,
  ) {}

  /** The effective template of every event at a scope (a rule, or the house default). */
  async list(ruleId: string | null): Promise<TemplateDto[]> {
    const rows = await this.templates.find({ where: ruleId ? [{ ruleId }, { ruleId: IsNull() }] : { ruleId: IsNull() } });
    return TEMPLATE_EVENTS.map((event) => this.effective(event, ruleId, rows));
  }

  async get(event: TemplateEvent, ruleId: string | null): Promise<TemplateDto> {
    return (await this.list(ruleId)).find((t) => t.event === event) as TemplateDto;
  }

  /** The parts to send for an event: the rule's own, else the house default, else built-in. */
  async resolve(event: TemplateEvent, ruleId: string | null): Promise<TemplateParts> {
    const { subject, html, text } = await this.get(event, ruleId);
    return { subject, html, text };
  }

  async save(event: TemplateEvent, ruleId: string | null, input: SaveTemplateDto, actor: Principal): Promise<TemplateDto> {
    const parts: TemplateParts = { subject: input.subject, html: input.html, text: input.text };
    const problems = validateTemplate(parts);
    if (problems.length > 0) {
      throw invalidInput(templateProblemsAsFieldErrors(problems), `The ${event} template has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${templateProblemsAsFieldErrors(problems).map((e) => `${e.field} ${e.message}`).join('; ')}`);
    }
    await this.templates.manager.transaction(async (manager) => {
      const repo = manager.getRepository(NotificationTemplateEntity);
      const row = await repo.findOne({ where: { event, ...scopeWhere(ruleId) }, lock: { mode: 'pessimistic_write' } });
      const current = row?.version ?? null;
      if (input.version !== undefined ? input.version !== current : current !== null) {
        throw conflict('stale_version', `The ${event} template was changed by someone else (you have version ${input.version ?? 'none'}, current is ${current ?? 'none'}). Reload and try again.`, {
          currentVersion: current,
        });
      }
      await repo.save({ ...(row ?? { event, ruleId }), ...parts, updatedBy: actor.id });
      await this.audit.record(
        { actorId: actor.id, action: 'notifications.template_saved', targetType: 'notification_template', targetId: `${ruleId ?? 'house'}/${event}`, detail: { subject: parts.subject } },
        manager,
      );
    });
    return this.get(event, ruleId);
  }

  /** Removes the saved template at this scope, so the next one down applies again. */
  async reset(event: TemplateEvent, ruleId: string | null, actor: Principal): Promise<TemplateDto> {
    await this.templates.manager.transaction(async (manager) => {
      const result = await manager.getRepository(NotificationTemplateEntity).delete({ event, ...scopeWhere(ruleId) });
      if (!result.affected) throw notFound('Saved template', `${ruleId ?? 'house'}/${event}`);
      await this.audit.record({ actorId: actor.id, action: 'notifications.template_reset', targetType: 'notification_template', targetId: `${ruleId ?? 'house'}/${event}` }, manager);
    });
    return this.get(event, ruleId);
  }

  /** Always answers: problems with their lines, or the message rendered with sample data. */
  preview(input: PreviewTemplateDto, baseUrl: string): TemplatePreviewDto {
    const parts: TemplateParts = { subject: input.subject, html: input.html, text: input.text };
    const problems = validateTemplate(parts);
    if (problems.length > 0) return { valid: false, problems: problems.map((p) => ({ ...p })), subject: null, html: null, text: null };
    return { valid: true, problems: [], ...renderTemplate(parts, sampleTemplateContext(input.event, baseUrl)) };
  }

  private effective(event: TemplateEvent, ruleId: string | null, rows: NotificationTemplateEntity[]): TemplateDto {
    const own = rows.find((r) => r.event === event && r.ruleId === ruleId);
    const house = ruleId ? rows.find((r) => r.event === event && r.ruleId === null) : undefined;
    const chosen = own ?? house;
    const parts = chosen ?? DEFAULT_TEMPLATES[event];
    return {
      event,
      ruleId,
      source: own ? (ruleId ? 'rule' : 'house') : house ? 'house' : 'built-in',
      subject: parts.subject,
      html: parts.html,
      text: parts.text,
      version: own?.version ?? null,
      updatedAt: own?.updatedAt.toISOString() ?? null,
    };
  }
}
