import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { ApprovalRuleEntity } from './approval-rule.entity';
import { ApprovalRuleSetEntity } from './approval-rule-set.entity';
import { ApprovalVariableEntity } from './approval-variable.entity';
import type { RuleSetDto, RuleSetSummaryDto } from './dto/approval-rule.dto';
import { toRuleSetRule, toVariableDefinition } from './rule-definitions';

function toSummary(set: ApprovalRuleSetEntity): RuleSetSummaryDto {
  return {
    version: set.version,
    createdAt: set.createdAt.toISOString(),
    createdBy: set.createdBy,
    reason: set.reason,
    ruleCount: set.rules.length,
    variableCount: set.variables.length,
  };
}

/** Versioned, immutable snapshots of the rule set: one per change of a rule or variable. */
@Injectable()
export class RuleSetsService {
  constructor(@InjectRepository(ApprovalRuleSetEntity) private readonly sets: Repository<ApprovalRuleSetEntity>) {}

  /** The rule set in force: the latest version. */
  async current(manager: EntityManager = this.sets.manager): Promise<ApprovalRuleSetEntity> {
    const [latest] = await manager.getRepository(ApprovalRuleSetEntity).find({ order: { version: 'DESC' }, take: 1 });
    return latest;
  }

  async byVersion(version: number, manager: EntityManager = this.sets.manager): Promise<ApprovalRuleSetEntity> {
    const set = await manager.getRepository(ApprovalRuleSetEntity).findOneBy({ version });
    if (!set) throw notFound('Rule set version', String(version));
    return set;
  }

  /**
   * Writes a new version from the live rules and variables, inside the caller's transaction.
   * Serialised by a transaction-scoped advisory lock, so two changes never share a number.
   */
  async publish(manager: EntityManager, actorId: string | null, reason: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('signet.approval_rule_sets'))`);
    const rules = await manager.getRepository(ApprovalRuleEntity).find({ where: { active: true }, order: { step: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const variables = await manager.getRepository(ApprovalVariableEntity).find({ order: { name: 'ASC' } });
    const [{ next }]: { next: number }[] = await manager.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM approval_rule_sets`);
    await manager.getRepository(ApprovalRuleSetEntity).insert({
      version: next,
      createdBy: actorId,
      reason,
      rules: rules.map(toRuleSetRule),
      variables: variables.map(toVariableDefinition),
    });
    return next;
  }

  async list(query: PageQueryDto): Promise<Page<RuleSetSummaryDto>> {
    const [rows, total] = await this.sets.findAndCount({ order: { version: 'DESC' }, ...pageWindow(query) });
    return { items: rows.map(toSummary), total };
  }

  async get(version: number): Promise<RuleSetDto> {
    const set = await this.byVersion(version);
    return { ...toSummary(set), rules: set.rules as unknown as Record<string, unknown>[], variables: set.variables as unknown as Record<string, unknown>[] };
  }
}
