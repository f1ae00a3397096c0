import { approvalError, type ApprovalError } from './approval-error';
import {
  OPERATORS,
  type ApprovalRuleDefinition,
  type ApproverSpec,
  type ConditionDefinition,
  type ConditionsMet,
  type FieldValue,
  type IsoDate,
  type Operator,
  type VariableDefinition,
} from './model';
import { combineAll, parseLogic, type LogicNode } from './parse-logic';
import { parseOperandRef, type OperandRef } from './read-operand';
import { err, ok, type Result } from './result';

/** What a condition compares its tested value with. */
export type Comparand =
  | { readonly kind: 'none' }
  | { readonly kind: 'literal'; readonly value: FieldValue }
  | { readonly kind: 'operand'; readonly ref: OperandRef };

export interface CompiledCondition {
  readonly index: number;
  readonly tested: OperandRef;
  readonly op: Operator;
  readonly comparand: Comparand;
  readonly smart: boolean;
}

/** A rule validated once, with its logic parsed into a tree. */
export interface CompiledRule {
  readonly id: string;
  readonly step: number;
  readonly chain: string | null;
  readonly approver: ApproverSpec;
  readonly conditionsMet: ConditionsMet;
  readonly logic: string | null;
  readonly logicTree: LogicNode;
  readonly conditions: readonly CompiledCondition[];
  readonly effective: {
    readonly from: IsoDate | null;
    readonly to: IsoDate | null;
  };
  readonly reevaluateSmartIndividually: boolean;
}

type Compiled<T> = Result<T, ApprovalError>;

const VARIABLE_FUNCTIONS = ['sum', 'avg', 'min', 'max', 'count', 'discount'];

export function validateVariables(
  definitions: readonly VariableDefinition[],
): Compiled<readonly VariableDefinition[]> {
  const seen = new Set<string>();
  for (const definition of definitions) {
    const where = `variable "${definition.name}"`;
    if (!definition.name || seen.has(definition.name))
      return configError(`${where} is unnamed or declared twice`);
    seen.add(definition.name);
    if (!VARIABLE_FUNCTIONS.includes(definition.function)) {
      return configError(
        `${where} has an unknown function "${String(definition.function)}"`,
      );
    }
    if (
      ['sum', 'avg', 'min', 'max'].includes(definition.function) &&
      !definition.field
    ) {
      return configError(`${where} needs a field for ${definition.function}`);
    }
    for (const filter of definition.where ?? []) {
      if (!isOperator(filter.op))
        return configError(
          `${where} filters with an unknown operator "${String(filter.op)}"`,
        );
    }
  }
  return ok(definitions);
}

export function compileRules(
  definitions: readonly ApprovalRuleDefinition[],
  variableNames: ReadonlySet<string>,
): Compiled<CompiledRule[]> {
  const rules: CompiledRule[] = [];
  const ids = new Set<string>();
  for (const definition of definitions) {
    if (ids.has(definition.id))
      return configError(
        `rule ${definition.id} is declared twice`,
        definition.id,
      );
    ids.add(definition.id);
    const rule = compileRule(definition, variableNames);
    if (!rule.ok) return rule;
    rules.push(rule.value);
  }
  return ok(rules);
}

export function compileRule(
  definition: ApprovalRuleDefinition,
  variableNames: ReadonlySet<string>,
): Compiled<CompiledRule> {
  const ruleId = definition.id;
  if (!Number.isFinite(definition.step))
    return configError(`rule ${ruleId} has no numeric step`, ruleId);
  const approver = validateApprover(definition.approver, ruleId);
  if (!approver.ok) return approver;
  const conditions: CompiledCondition[] = [];
  for (const condition of definition.conditions) {
    if (conditions.some((c) => c.index === condition.index)) {
      return configError(
        `rule ${ruleId} repeats condition index ${condition.index}`,
        ruleId,
      );
    }
    const compiled = compileCondition(condition, variableNames, ruleId);
    if (!compiled.ok) return compiled;
    conditions.push(compiled.value);
  }
  const logicTree = compileLogic(definition, conditions);
  if (!logicTree.ok) return logicTree;
  return ok({
    id: ruleId,
    step: definition.step,
    chain: definition.chain ?? null,
    approver: definition.approver,
    conditionsMet: definition.conditionsMet,
    logic: definition.logic ?? null,
    logicTree: logicTree.value,
    conditions,
    effective: {
      from: definition.effective?.from ?? null,
      to: definition.effective?.to ?? null,
    },
    reevaluateSmartIndividually:
      definition.reevaluateSmartIndividually === true,
  });
}

function compileLogic(
  definition: ApprovalRuleDefinition,
  conditions: readonly CompiledCondition[],
): Compiled<LogicNode> {
  const indexes = conditions.map((c) => c.index);
  if (
    definition.conditionsMet === 'all' ||
    definition.conditionsMet === 'any'
  ) {
    return ok(combineAll(definition.conditionsMet, indexes));
  }
  if (definition.conditionsMet !== 'custom') {
    return configError(
      `rule ${definition.id} has an unknown conditionsMet "${String(definition.conditionsMet)}"`,
      definition.id,
    );
  }
  const parsed = parseLogic(definition.logic ?? '', indexes);
  if (parsed.ok) return parsed;
  return err(
    approvalError(
      'invalid_configuration',
      `rule ${definition.id}: logic "${definition.logic ?? ''}": ${parsed.error.message}`,
      {
        ruleId: definition.id,
        logicError: parsed.error,
      },
    ),
  );
}

function compileCondition(
  condition: ConditionDefinition,
  variableNames: ReadonlySet<string>,
  ruleId: string,
): Compiled<CompiledCondition> {
  const where = `rule ${ruleId} condition ${condition.index}`;
  if (!Number.isInteger(condition.index))
    return configError(`${where}: index must be an integer`, ruleId);
  if (!isOperator(condition.op))
    return configError(
      `${where}: unknown operator "${String(condition.op)}"`,
      ruleId,
    );
  const tested = parseOperandRef(condition.tested);
  if (!tested)
    return configError(
      `${where}: tested "${condition.tested}" is neither quote.<field> nor var.<name>`,
      ruleId,
    );
  const given = (['value', 'field', 'variable'] as const).filter(
    (key) => condition[key] !== undefined,
  );
  const needsComparand =
    condition.op !== 'isNull' && condition.op !== 'notNull';
  if (given.length > 1 || (needsComparand && given.length === 0)) {
    return configError(
      `${where}: needs exactly one of value, field, variable`,
      ruleId,
    );
  }
  let comparand: Comparand = { kind: 'none' };
  if (needsComparand && condition.field !== undefined) {
    const ref = parseOperandRef(condition.field);
    if (!ref)
      return configError(
        `${where}: field "${condition.field}" is not quote.<field>`,
        ruleId,
      );
    comparand = { kind: 'operand', ref };
  } else if (needsComparand && condition.variable !== undefined) {
    comparand = {
      kind: 'operand',
      ref: { source: 'var', name: condition.variable },
    };
  } else if (needsComparand) {
    comparand = { kind: 'literal', value: condition.value ?? null };
  }
  for (const ref of [
    tested,
    comparand.kind === 'operand' ? comparand.ref : null,
  ]) {
    if (ref?.source === 'var' && !variableNames.has(ref.name)) {
      return configError(`${where}: unknown variable "${ref.name}"`, ruleId);
    }
  }
  return ok({
    index: condition.index,
    tested,
    op: condition.op,
    comparand,
    smart: condition.smart === true,
  });
}

function validateApprover(
  spec: ApproverSpec,
  ruleId: string,
): Compiled<ApproverSpec> {
  const keys = ['user', 'group', 'field', 'managerOf'].filter(
    (key) => spec && key in spec,
  );
  if (keys.length !== 1)
    return configError(
      `rule ${ruleId}: approver needs exactly one of user, group, field, managerOf`,
      ruleId,
    );
  if ('field' in spec || 'managerOf' in spec) {
    const text = 'field' in spec ? spec.field : spec.managerOf;
    if (parseOperandRef(text)?.source !== 'quote') {
      return configError(
        `rule ${ruleId}: approver reference "${text}" is not quote.<field>`,
        ruleId,
      );
    }
  }
  if ('group' in spec && spec.mode && typeof spec.mode === 'object') {
    const quorum = spec.mode.quorum;
    if (!Number.isInteger(quorum) || quorum < 1)
      return configError(
        `rule ${ruleId}: quorum must be a positive integer`,
        ruleId,
      );
  } else if (
    'group' in spec &&
    spec.mode &&
    spec.mode !== 'all' &&
    spec.mode !== 'any'
  ) {
    return configError(
      `rule ${ruleId}: unknown group mode "${String(spec.mode)}"`,
      ruleId,
    );
  }
  return ok(spec);
}

function isOperator(op: unknown): op is Operator {
  return (OPERATORS as readonly unknown[]).includes(op);
}

function configError(
  message: string,
  ruleId?: string,
): { ok: false; error: ApprovalError } {
  return err(
    approvalError('invalid_configuration', message, ruleId ? { ruleId } : {}),
  );
}
