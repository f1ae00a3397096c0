import type { ApprovalRuleDefinition, ApproverSpec, ConditionDefinition, VariableDefinition } from '@signet/approvals-domain';
import type { ApprovalRuleEntity, StoredApprover, StoredCondition } from './approval-rule.entity';
import type { ApprovalVariableEntity } from './approval-variable.entity';
import type { RuleSetRule } from './approval-rule-set.entity';
import type { ApprovalRuleInputDto, ApproverDto, ConditionDto } from './dto/approval-rule.dto';

/** The API's approver shape → the engine's (conformance README 1.1). */
export function toApproverSpec(approver: StoredApprover): ApproverSpec {
  switch (approver.type) {
    case 'user':
      return { user: approver.userId ?? '' };
    case 'group':
      return { group: approver.groupId ?? '', mode: approver.mode === 'quorum' ? { quorum: approver.quorum ?? 0 } : (approver.mode ?? 'any') };
    case 'field':
      return { field: approver.field ?? '' };
    case 'managerOf':
      return { managerOf: approver.field ?? '' };
  }
}

export function toStoredApprover(dto: ApproverDto): StoredApprover {
  switch (dto.type) {
    case 'user':
      return { type: 'user', userId: dto.userId };
    case 'group':
      return { type: 'group', groupId: dto.groupId, mode: dto.mode ?? 'any', ...(dto.mode === 'quorum' ? { quorum: dto.quorum } : {}) };
    default:
      return { type: dto.type, field: dto.field };
  }
}

/** Keeps exactly the comparand the caller gave (a null value is a literal null). */
export function toStoredConditions(conditions: readonly ConditionDto[]): StoredCondition[] {
  return conditions.map((c) => ({
    index: c.index,
    tested: c.tested.trim(),
    op: c.op,
    ...(c.value !== undefined ? { value: c.value } : {}),
    ...(c.field !== undefined ? { field: c.field.trim() } : {}),
    ...(c.variable !== undefined ? { variable: c.variable.trim() } : {}),
    smart: c.smart === true,
  }));
}

type RuleShape = Pick<ApprovalRuleEntity, 'step' | 'chain' | 'approver' | 'conditionsMet' | 'logic' | 'conditions' | 'effectiveFrom' | 'effectiveTo' | 'reevaluateSmartIndividually'>;

export function toRuleDefinition(id: string, rule: RuleShape): ApprovalRuleDefinition {
  return {
    id,
    step: rule.step,
    chain: rule.chain,
    approver: toApproverSpec(rule.approver),
    conditionsMet: rule.conditionsMet,
    logic: rule.logic,
    conditions: rule.conditions as ConditionDefinition[],
    effective: { from: rule.effectiveFrom, to: rule.effectiveTo },
    reevaluateSmartIndividually: rule.reevaluateSmartIndividually,
  };
}

export function toRuleSetRule(rule: ApprovalRuleEntity): RuleSetRule {
  return { ...toRuleDefinition(rule.id, rule), name: rule.name };
}

export function inputToShape(input: ApprovalRuleInputDto): RuleShape {
  return {
    step: input.step,
    chain: input.chain?.trim() || null,
    approver: toStoredApprover(input.approver),
    conditionsMet: input.conditionsMet,
    logic: input.conditionsMet === 'custom' ? (input.logic ?? '').trim() : null,
    conditions: toStoredConditions(input.conditions),
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    reevaluateSmartIndividually: input.reevaluateSmartIndividually === true,
  };
}

export function toVariableDefinition(variable: Pick<ApprovalVariableEntity, 'name' | 'function' | 'field' | 'where'>): VariableDefinition {
  return { name: variable.name, function: variable.function, field: variable.field, where: variable.where as VariableDefinition['where'] };
}

/** The variables a stored rule refers to (tested `var.<name>` and `variable` comparands). */
export function variablesUsedBy(conditions: readonly StoredCondition[]): string[] {
  const names = new Set<string>();
  for (const c of conditions) {
    if (c.tested.startsWith('var.')) names.add(c.tested.slice(4));
    if (c.variable) names.add(c.variable);
  }
  return [...names];
}
