import { compareValues, isNullish, valuesDiffer } from './compare-values';
import type { CompiledRule } from './compile-rules';
import {
  combineConditions,
  resultLookup,
  type ConditionReason,
} from './evaluate-rule';
import type { FieldValue, Operator } from './model';
import { readOperand, type EvaluationInput } from './read-operand';

/** The tested values of a rule's smart conditions when its request was approved, by condition index. */
export type Snapshot = Readonly<Record<string, FieldValue>>;

export interface SmartConditionRetest {
  readonly index: number;
  readonly tested: string;
  readonly op: Operator;
  readonly value: FieldValue;
  /** The snapshot value; undefined when the snapshot holds none for this condition. */
  readonly snapshot: FieldValue | undefined;
  /** `increased` for gt/ge, `decreased` for lt/le, `changed` for every other operator. */
  readonly test: 'increased' | 'decreased' | 'changed';
  /** Whether the value worsened in the sense of `test`. */
  readonly result: boolean;
  /** Whether the value differs from the snapshot at all. */
  readonly changed: boolean;
}

export interface SmartRetest {
  /** True: the rule is requested again; false: it is auto-approved. */
  readonly requested: boolean;
  /** True when `reevaluateSmartIndividually` forced the request because a smart operand changed. */
  readonly forcedByChange: boolean;
  readonly conditions: readonly SmartConditionRetest[];
}

export function hasSmartCondition(rule: CompiledRule): boolean {
  return rule.conditions.some((c) => c.smart);
}

/** Reads the tested values of a rule's smart conditions, to store when its request is approved. */
export function takeSnapshot(
  rule: CompiledRule,
  input: EvaluationInput,
): Snapshot {
  const snapshot: Record<string, FieldValue> = {};
  for (const condition of rule.conditions) {
    if (condition.smart)
      snapshot[String(condition.index)] =
        readOperand(condition.tested, input) ?? null;
  }
  return snapshot;
}

/**
 * Re-tests a matching rule approved in the previous submission (README 1.4, 1.7).
 * Each smart condition compares its new tested value with the snapshot instead of its
 * comparand — `gt ge`: new > snapshot; `lt le`: new < snapshot; others: new ≠ snapshot
 * (null equals null, null is never greater or less, strings compare case-insensitively) —
 * while non-smart conditions keep their normal result; the rule's logic combines them.
 * With `reevaluateSmartIndividually`, any smart operand that differs from its snapshot forces
 * a request whatever the logic says. A smart condition with no snapshot value counts as
 * changed and worsened: without a baseline the earlier approval cannot vouch for it.
 */
export function retestSmartRule(
  rule: CompiledRule,
  reasons: readonly ConditionReason[],
  snapshot: Snapshot,
): SmartRetest {
  const conditions: SmartConditionRetest[] = [];
  for (const reason of reasons) {
    if (!reason.smart) continue;
    const key = String(reason.index);
    const known = Object.prototype.hasOwnProperty.call(snapshot, key);
    const previous = known ? snapshot[key] : undefined;
    const test = testFor(reason.op);
    conditions.push({
      index: reason.index,
      tested: reason.tested,
      op: reason.op,
      value: reason.testedValue,
      snapshot: previous,
      test,
      result: !known || worsened(test, reason.testedValue, previous ?? null),
      changed: !known || valuesDiffer(reason.testedValue, previous),
    });
  }
  const smartResults = new Map(conditions.map((c) => [c.index, c.result]));
  const normal = resultLookup(reasons);
  const combined = combineConditions(
    rule,
    (index) => smartResults.get(index) ?? normal(index),
  );
  const forcedByChange =
    rule.reevaluateSmartIndividually && conditions.some((c) => c.changed);
  return { requested: combined || forcedByChange, forcedByChange, conditions };
}

function testFor(op: Operator): SmartConditionRetest['test'] {
  if (op === 'gt' || op === 'ge') return 'increased';
  if (op === 'lt' || op === 'le') return 'decreased';
  return 'changed';
}

function worsened(
  test: SmartConditionRetest['test'],
  value: FieldValue,
  previous: FieldValue,
): boolean {
  if (test === 'changed') return valuesDiffer(value, previous);
  if (isNullish(value) || isNullish(previous)) return false;
  return compareValues(value, previous) === (test === 'increased' ? 1 : -1);
}
