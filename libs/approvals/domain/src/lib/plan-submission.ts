import type { ApprovalError } from './approval-error';
import type { CompiledRule } from './compile-rules';
import { computeVariables, type VariableValues } from './compute-variables';
import { evaluateRule, type ConditionReason } from './evaluate-rule';
import type { IsoDate, RuleId, UserId } from './model';
import { parseOperandRef, type EvaluationInput } from './read-operand';
import {
  activeDelegates,
  assigneesOf,
  resolveApprovers,
  type DelegateAssignment,
  type RequestMode,
} from './resolve-approvers';
import {
  hasSmartCondition,
  retestSmartRule,
  type SmartRetest,
  type Snapshot,
} from './smart-retest';
import {
  approvedIn,
  currentSubmission,
  type ApprovalState,
} from './submission-state';
import { suggestAvoidance, type Avoidance } from './suggest-avoidance';

export interface PlanEntry {
  readonly ruleId: RuleId;
  readonly step: number;
  readonly chain: string | null;
  /** Smart approvals: no request, the rule counts as approved for its level. */
  readonly autoApproved: boolean;
  /** Who would be asked if the level opened today (empty for auto-approved rules). */
  readonly assignees: readonly UserId[];
  readonly approvers: readonly UserId[];
  readonly delegates: readonly DelegateAssignment[];
  readonly mode: RequestMode | null;
  /** Set when the approver cannot be resolved; `submit` would fail with it. */
  readonly unresolved: ApprovalError | null;
  /** Every condition of the rule with its tested value, operator and comparand. */
  readonly reasons: readonly ConditionReason[];
  /** Present when the rule was approved in the previous submission and has smart conditions. */
  readonly smartRetest: SmartRetest | null;
  /** The smallest change of the one numeric threshold that would avoid the request, if any. */
  readonly avoidance: Avoidance | null;
}

export interface UnmatchedRule {
  readonly ruleId: RuleId;
  readonly inEffect: boolean;
  readonly reasons: readonly ConditionReason[];
}

export interface SubmissionPlan {
  readonly today: IsoDate;
  readonly variables: VariableValues;
  /** Matched rules ordered by step (then by rule order): the levels `submit` would start. */
  readonly entries: readonly PlanEntry[];
  readonly unmatched: readonly UnmatchedRule[];
}

/**
 * The plan `submit` would start now: matched rules by step, which ones smart approvals
 * auto-approve, who would be asked, and why each rule applies. Pure; also the preview.
 */
export function planSubmission(state: ApprovalState): SubmissionPlan {
  const variables = computeVariables(
    state.variableDefinitions,
    state.quote.lines,
  );
  const input: EvaluationInput = { quote: state.quote, variables };
  const previous = currentSubmission(state);
  const previouslyApproved = new Set(previous ? approvedIn(previous) : []);
  const entries: PlanEntry[] = [];
  const unmatched: UnmatchedRule[] = [];
  for (const rule of state.rules) {
    const evaluation = evaluateRule(rule, input, state.today);
    if (!evaluation.matched) {
      unmatched.push({
        ruleId: rule.id,
        inEffect: evaluation.inEffect,
        reasons: evaluation.reasons,
      });
      continue;
    }
    const snapshot = state.snapshots[rule.id] ?? {};
    const smartRetest =
      previouslyApproved.has(rule.id) && hasSmartCondition(rule)
        ? retestSmartRule(rule, evaluation.reasons, snapshot)
        : null;
    const autoApproved = smartRetest !== null && !smartRetest.requested;
    entries.push({
      ruleId: rule.id,
      step: rule.step,
      chain: rule.chain,
      autoApproved,
      ...(autoApproved ? NO_ASSIGNEES : assign(rule, state)),
      reasons: evaluation.reasons,
      smartRetest,
      avoidance: autoApproved
        ? null
        : avoidanceFor(
            rule,
            state,
            input,
            evaluation.reasons,
            smartRetest,
            snapshot,
          ),
    });
  }
  entries.sort((a, b) => a.step - b.step);
  return { today: state.today, variables, entries, unmatched };
}

/** Alias for the rep-facing question "what approvals would this quote need?". */
export const previewSubmission = planSubmission;

const NO_ASSIGNEES = {
  assignees: [],
  approvers: [],
  delegates: [],
  mode: null,
  unresolved: null,
} as const;

function assign(rule: CompiledRule, state: ApprovalState) {
  const resolved = resolveApprovers(
    rule.approver,
    state.quote,
    state.directory,
  );
  if (!resolved.ok)
    return {
      ...NO_ASSIGNEES,
      unresolved: { ...resolved.error, ruleId: rule.id },
    };
  const delegates = activeDelegates(
    resolved.value.approvers,
    state.directory.delegations,
    state.today,
  );
  return {
    approvers: resolved.value.approvers,
    delegates,
    assignees: assigneesOf(resolved.value.approvers, delegates),
    mode: resolved.value.mode,
    unresolved: null,
  };
}

function avoidanceFor(
  rule: CompiledRule,
  state: ApprovalState,
  input: EvaluationInput,
  reasons: readonly ConditionReason[],
  smartRetest: SmartRetest | null,
  snapshot: Snapshot,
): Avoidance | null {
  const stillRequested = (tested: string, value: number): boolean => {
    const changed = withValue(input, tested, value);
    const evaluation = evaluateRule(rule, changed, state.today);
    if (!evaluation.matched) return false;
    return (
      smartRetest === null ||
      retestSmartRule(rule, evaluation.reasons, snapshot).requested
    );
  };
  const snapshotOf = (index: number) => {
    const retested = smartRetest?.conditions.find(
      (c) => c.index === index && c.test !== 'changed',
    );
    return retested ? retested.snapshot : undefined;
  };
  return suggestAvoidance(reasons, stillRequested, snapshotOf);
}

/** The evaluation input with one tested operand set to another value. */
function withValue(
  input: EvaluationInput,
  tested: string,
  value: number,
): EvaluationInput {
  const ref = parseOperandRef(tested);
  if (ref?.source === 'var')
    return { ...input, variables: { ...input.variables, [ref.name]: value } };
  if (ref?.name === 'id' || ref?.name === 'ownerId' || !ref) return input;
  return {
    ...input,
    quote: {
      ...input.quote,
      fields: { ...input.quote.fields, [ref.name]: value },
    },
  };
}
