import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { validateVariableDefinition } from '@signet/approvals-domain';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { ApprovalRuleEntity } from './approval-rule.entity';
import { ApprovalVariableEntity } from './approval-variable.entity';
import type { ApprovalVariableDto, ApprovalVariableInputDto, UpdateApprovalVariableDto } from './dto/approval-variable.dto';
import { ApprovalFieldCatalogue } from './field-catalogue';
import { toVariableDefinition, variablesUsedBy } from './rule-definitions';
import { RuleSetsService } from './rule-sets.service';

@Injectable()
export class ApprovalVariablesService {
  constructor(
    @InjectRepository(ApprovalVariableEntity) private readonly variables: Repository<ApprovalVariableEntity>,
    private readonly ruleSets: RuleSetsService,
    private readonly fields: ApprovalFieldCatalogue,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<ApprovalVariableDto>> {
    const [rows, total] = await this.variables.findAndCount({ order: { name: 'ASC' }, ...pageWindow(query) });
    const usage = await this.usage(this.variables.manager);
    return { items: rows.map((v) => this.toDto(v, usage)), total };
  }

  async create(input: ApprovalVariableInputDto, actor: Principal): Promise<ApprovalVariableDto> {
    return this.variables.manager.transaction(async (manager) => {
      const name = input.name.trim();
      await this.assertValid(manager, input);
      if (await manager.getRepository(ApprovalVariableEntity).existsBy({ name })) {
        throw new AppError(409, 'variable_name_taken', 'Conflict', `A variable named '${name}' already exists.`, { errors: [{ field: 'name', message: 'already in use' }] });
      }
      const saved = await manager.getRepository(ApprovalVariableEntity).save({ ...this.shape(input), name });
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `variable ${name} created`);
      await this.audit.record({ actorId: actor.id, action: 'approval_variable.created', targetType: 'approval_variable', targetId: saved.id, detail: { name, ruleSetVersion } }, manager);
      return this.toDto(await manager.getRepository(ApprovalVariableEntity).findOneByOrFail({ id: saved.id }), new Map());
    });
  }

  async update(id: string, input: UpdateApprovalVariableDto, actor: Principal): Promise<ApprovalVariableDto> {
    return this.variables.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ApprovalVariableEntity);
      const variable = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!variable) throw notFound('Approval variable', id);
      if (input.version !== variable.version) {
        throw conflict('stale_version', `The variable was changed by someone else (you have version ${input.version}, current is ${variable.version}). Reload and try again.`, { currentVersion: variable.version });
      }
      await this.assertValid(manager, input);
      const usage = await this.usage(manager);
      if (input.name.trim() !== variable.name && (usage.get(variable.name) ?? 0) > 0) {
        throw conflict('variable_in_use', `Rules use ${variable.name}; change them before renaming it.`, { errors: [{ field: 'name', message: 'used by rules' }] });
      }
      Object.assign(variable, this.shape(input), { name: input.name.trim() });
      const saved = await repo.save(variable);
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `variable ${saved.name} changed`);
      await this.audit.record({ actorId: actor.id, action: 'approval_variable.updated', targetType: 'approval_variable', targetId: id, detail: { name: saved.name, ruleSetVersion } }, manager);
      return this.toDto(saved, usage);
    });
  }

  async remove(id: string, actor: Principal): Promise<void> {
    await this.variables.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ApprovalVariableEntity);
      const variable = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!variable) throw notFound('Approval variable', id);
      const used = (await this.usage(manager)).get(variable.name) ?? 0;
      if (used > 0) throw conflict('variable_in_use', `${used} rule(s) use ${variable.name}; change them first.`);
      await repo.delete(id);
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `variable ${variable.name} deleted`);
      await this.audit.record({ actorId: actor.id, action: 'approval_variable.deleted', targetType: 'approval_variable', targetId: id, detail: { name: variable.name, ruleSetVersion } }, manager);
    });
  }

  private shape(input: ApprovalVariableInputDto) {
    return {
      description: input.description?.trim() ?? '',
      function: input.function,
      field: input.field?.trim() || null,
      where: (input.where ?? []).map((w) => ({ field: w.field.trim(), op: w.op, ...(w.value !== undefined ? { value: w.value } : {}) })),
    };
  }

  private async assertValid(manager: EntityManager, input: ApprovalVariableInputDto): Promise<void> {
    const { lineFields } = await this.fields.fieldNames(manager);
    const issues = validateVariableDefinition(toVariableDefinition({ ...this.shape(input), name: input.name.trim() }), { lineFields });
    if (issues.length > 0) {
      throw new AppError(400, 'invalid_variable', 'Invalid approval variable', `${issues[0].path}: ${issues[0].message}`, { errors: issues.map((i) => ({ field: i.path, message: i.message })) });
    }
  }

  /** How many rules (active or not) use each variable. */
  private async usage(manager: EntityManager): Promise<Map<string, number>> {
    const rules = await manager.getRepository(ApprovalRuleEntity).find({ select: { id: true, conditions: true } });
    const usage = new Map<string, number>();
    for (const rule of rules) for (const name of variablesUsedBy(rule.conditions)) usage.set(name, (usage.get(name) ?? 0) + 1);
    return usage;
  }

  private toDto(v: ApprovalVariableEntity, usage: Map<string, number>): ApprovalVariableDto {
    return {
      id: v.id,
      name: v.name,
      description: v.description,
      function: v.function,
      field: v.field,
      where: v.where.map((w) => ({ ...w, op: w.op as ApprovalVariableDto['where'][number]['op'] })),
      usedBy: usage.get(v.name) ?? 0,
      updatedAt: v.updatedAt.toISOString(),
      version: v.version,
    };
  }
}
