import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ConfigIssue, validateRuleDefinition } from '@signet/approvals-domain';
import { type EntityManager, In, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { UserGroupEntity } from '../directory/user-group.entity';
import { UserEntity } from '../users/user.entity';
import { ApprovalRuleEntity, type StoredApprover } from './approval-rule.entity';
import { ApprovalVariableEntity } from './approval-variable.entity';
import type { ApprovalRuleDto, ApprovalRuleInputDto, ApprovalRuleQueryDto, RuleValidationDto, UpdateApprovalRuleDto } from './dto/approval-rule.dto';
import { ApprovalFieldCatalogue } from './field-catalogue';
import { inputToShape, toRuleDefinition } from './rule-definitions';
import { RuleSetsService } from './rule-sets.service';

/** Names of the users and groups rules refer to, for labels like "group Finance (quorum 2)". */
interface Names {
  users: Map<string, string>;
  groups: Map<string, string>;
}

export function approverLabel(approver: StoredApprover, names: Names): string {
  switch (approver.type) {
    case 'user':
      return names.users.get(approver.userId ?? '') ?? `unknown user ${approver.userId}`;
    case 'group': {
      const mode = approver.mode === 'quorum' ? `quorum ${approver.quorum}` : (approver.mode ?? 'any');
      return `group ${names.groups.get(approver.groupId ?? '') ?? `unknown ${approver.groupId}`} (${mode})`;
    }
    case 'field':
      return `user in ${approver.field}`;
    case 'managerOf':
      return `manager of ${approver.field}`;
  }
}

export function toRuleDto(rule: ApprovalRuleEntity, names: Names): ApprovalRuleDto {
  const { type, userId, groupId, mode, quorum, field } = rule.approver;
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    chain: rule.chain,
    step: rule.step,
    approver: { type, userId, groupId, mode, quorum, field },
    approverLabel: approverLabel(rule.approver, names),
    conditionsMet: rule.conditionsMet,
    logic: rule.logic,
    conditions: rule.conditions.map((c) => ({ ...c, op: c.op as ApprovalRuleDto['conditions'][number]['op'] })),
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    reevaluateSmartIndividually: rule.reevaluateSmartIndividually,
    active: rule.active,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
    version: rule.version,
  };
}

@Injectable()
export class ApprovalRulesService {
  constructor(
    @InjectRepository(ApprovalRuleEntity) private readonly rules: Repository<ApprovalRuleEntity>,
    private readonly ruleSets: RuleSetsService,
    private readonly fields: ApprovalFieldCatalogue,
    private readonly audit: AuditService,
  ) {}

  async list(query: ApprovalRuleQueryDto): Promise<Page<ApprovalRuleDto>> {
    const qb = this.rules.createQueryBuilder('r');
    if (query.search) qb.andWhere('(r.name ILIKE :s OR r.chain ILIKE :s)', { s: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.chain) qb.andWhere('r.chain = :chain', { chain: query.chain });
    if (query.active !== undefined) qb.andWhere('r.active = :active', { active: query.active });
    const { skip, take } = pageWindow(query);
    const [rows, total] = await qb.orderBy('r.step').addOrderBy('r.created_at').addOrderBy('r.id').skip(skip).take(take).getManyAndCount();
    const names = await this.names(this.rules.manager, rows);
    return { items: rows.map((r) => toRuleDto(r, names)), total };
  }

  async get(id: string): Promise<ApprovalRuleDto> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) throw notFound('Approval rule', id);
    return toRuleDto(rule, await this.names(this.rules.manager, [rule]));
  }

  /** Save-time checks without saving: what the editor shows live. */
  async validate(input: ApprovalRuleInputDto): Promise<RuleValidationDto> {
    const errors = await this.issues(this.rules.manager, input);
    return { valid: errors.length === 0, errors: errors.map(toFieldError) };
  }

  async create(input: ApprovalRuleInputDto, actor: Principal): Promise<ApprovalRuleDto> {
    return this.rules.manager.transaction(async (manager) => {
      await this.assertValid(manager, input);
      const saved = await manager.getRepository(ApprovalRuleEntity).save({ ...inputToShape(input), name: input.name.trim(), description: input.description?.trim() ?? '', active: input.active ?? true });
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `rule "${saved.name}" created`);
      await this.audit.record({ actorId: actor.id, action: 'approval_rule.created', targetType: 'approval_rule', targetId: saved.id, detail: { name: saved.name, ruleSetVersion } }, manager);
      const rule = await manager.getRepository(ApprovalRuleEntity).findOneByOrFail({ id: saved.id });
      return toRuleDto(rule, await this.names(manager, [rule]));
    });
  }

  async update(id: string, input: UpdateApprovalRuleDto, actor: Principal): Promise<ApprovalRuleDto> {
    return this.rules.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ApprovalRuleEntity);
      const rule = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw notFound('Approval rule', id);
      if (input.version !== rule.version) {
        throw conflict('stale_version', `The rule was changed by someone else (you have version ${input.version}, current is ${rule.version}). Reload and try again.`, { currentVersion: rule.version });
      }
      await this.assertValid(manager, input);
      Object.assign(rule, inputToShape(input), { name: input.name.trim(), description: input.description?.trim() ?? '', active: input.active ?? rule.active });
      const saved = await repo.save(rule);
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `rule "${saved.name}" changed`);
      await this.audit.record({ actorId: actor.id, action: 'approval_rule.updated', targetType: 'approval_rule', targetId: id, detail: { name: saved.name, ruleSetVersion } }, manager);
      return toRuleDto(saved, await this.names(manager, [saved]));
    });
  }

  async remove(id: string, actor: Principal): Promise<void> {
    await this.rules.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ApprovalRuleEntity);
      const rule = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw notFound('Approval rule', id);
      await repo.delete(id);
      const ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `rule "${rule.name}" deleted`);
      await this.audit.record({ actorId: actor.id, action: 'approval_rule.deleted', targetType: 'approval_rule', targetId: id, detail: { name: rule.name, ruleSetVersion } }, manager);
    });
  }

  private async assertValid(manager: EntityManager, input: ApprovalRuleInputDto): Promise<void> {
    const issues = await this.issues(manager, input);
    if (issues.length > 0) {
      const first = issues[0];
      throw new AppError(400, 'invalid_rule', 'Invalid approval rule', `${first.path}: ${first.message}`, { errors: issues.map(toFieldError) });
    }
  }

  private async issues(manager: EntityManager, input: ApprovalRuleInputDto): Promise<ConfigIssue[]> {
    const shape = inputToShape(input);
    const [users, groups, variables, fields] = await Promise.all([
      manager.getRepository(UserEntity).find({ select: { id: true }, where: { active: true } }),
      manager.getRepository(UserGroupEntity).find({ select: { id: true } }),
      manager.getRepository(ApprovalVariableEntity).find({ select: { name: true } }),
      this.fields.fieldNames(manager),
    ]);
    const issues = validateRuleDefinition(toRuleDefinition('draft', shape), {
      ...fields,
      variables: new Set(variables.map((v) => v.name)),
      users: new Set(users.map((u) => u.id)),
      groups: new Set(groups.map((g) => g.id)),
    });
    // The engine speaks of approver.user / approver.group; the API's fields are userId / groupId.
    return issues.map((i) => ({ ...i, path: i.path.replace(/^approver\.(user|group)$/, 'approver.$1Id').replace(/^approver\.(managerOf|mode)$/, (_m, k: string) => (k === 'mode' ? 'approver.quorum' : 'approver.field')) }));
  }

  private async names(manager: EntityManager, rules: ApprovalRuleEntity[]): Promise<Names> {
    const userIds = [...new Set(rules.map((r) => r.approver.userId).filter((id): id is string => !!id))];
    const groupIds = [...new Set(rules.map((r) => r.approver.groupId).filter((id): id is string => !!id))];
    const [users, groups] = await Promise.all([
      userIds.length ? manager.getRepository(UserEntity).findBy({ id: In(userIds) }) : [],
      groupIds.length ? manager.getRepository(UserGroupEntity).findBy({ id: In(groupIds) }) : [],
    ]);
    return { users: new Map(users.map((u) => [u.id, u.displayName])), groups: new Map(groups.map((g) => [g.id, g.name])) };
  }
}

function toFieldError(issue: ConfigIssue) {
  return {
    field: issue.path,
    message: issue.message,
    ...(issue.position !== undefined ? { position: issue.position } : {}),
    ...(issue.conditionIndex !== undefined ? { conditionIndex: issue.conditionIndex } : {}),
  };
}
