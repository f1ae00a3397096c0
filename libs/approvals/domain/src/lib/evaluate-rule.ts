import type { CompiledCondition, CompiledRule } from './compile-rules';
import { evaluateOperator } from './evaluate-condition';
import type { FieldValue, IsoDate, Operator } from './model';
import { evaluateLogic } from './parse-logic';
import {
  formatOperandRef,
  readOperand,
  type EvaluationInput,
} from './read-operand';
import { isWithin } from './resolve-approvers';

/** Why a condition holds or not: the tested value, the operator and the comparand it met. */
export interface ConditionReason {
  readonly index: number;
  /** The tested operand as written, e.g. `quote.discountPercent`. */
  readonly tested: string;
  readonly testedValue: FieldValue;
  readonly op: Operator;
  /** The comparand's value (null for `isNull`/`notNull`). */
  readonly comparand: FieldValue;
  /** Where the comparand came from (`quote.threshold`, `var.svcNet`), or null for a literal. */
  readonly comparandSource: string | null;
  readonly result: boolean;
  readonly smart: boolean;
}

export interface RuleEvaluation {
  readonly ruleId: string;
  /** `today` lies in the rule's effective window. */
  readonly inEffect: boolean;
  /** In effect and its conditions combine to true. */
  readonly matched: boolean;
  readonly reasons: readonly ConditionReason[];
}

export function isRuleInEffect(rule: CompiledRule, today: IsoDate): boolean {
  return isWithin(today, rule.effective.from, rule.effective.to);
}

export function evaluateCondition(
  condition: CompiledCondition,
  input: EvaluationInput,
): ConditionReason {
  const testedValue = readOperand(condition.tested, input) ?? null;
  const comparand = condition.comparand;
  const comparandValue =
    comparand.kind === 'literal'
      ? comparand.value
      : comparand.kind === 'operand'
        ? (readOperand(comparand.ref, input) ?? null)
        : null;
  return {
    index: condition.index,
    tested: formatOperandRef(condition.tested),
    testedValue,
    op: condition.op,
    comparand: comparandValue,
    comparandSource:
      comparand.kind === 'operand' ? formatOperandRef(comparand.ref) : null,
    result: evaluateOperator(condition.op, testedValue, comparandValue),
    smart: condition.smart,
  };
}

/** Combines condition results through the rule's logic (`all`, `any` or custom). */
export function combineConditions(
  rule: CompiledRule,
  resultOf: (index: number) => boolean,
): boolean {
  return evaluateLogic(rule.logicTree, resultOf);
}

export function evaluateRule(
  rule: CompiledRule,
  input: EvaluationInput,
  today: IsoDate,
): RuleEvaluation {
  const reasons = rule.conditions.map((condition) =>
    evaluateCondition(condition, input),
  );
  const inEffect = isRuleInEffect(rule, today);
  const matched = inEffect && combineConditions(rule, resultLookup(reasons));
  return { ruleId: rule.id, inEffect, matched, reasons };
}

export function resultLookup(
  reasons: readonly ConditionReason[],
): (index: number) => boolean {
  const byIndex = new Map(reasons.map((r) => [r.index, r.result]));
  return (index) => byIndex.get(index) ?? false;
}
