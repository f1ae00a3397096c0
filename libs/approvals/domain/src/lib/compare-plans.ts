import type { RuleId, UserId } from './model';
import type { PlanEntry, SubmissionPlan } from './plan-submission';

/** How one rule's approval differs between two plans of the same quote. */
export interface PlanDifference {
  readonly ruleId: RuleId;
  /** `added`: only the second plan asks for it; `removed`: only the first; `approver`: both, by other people. */
  readonly kind: 'added' | 'removed' | 'approver' | 'step';
  readonly before: {
    readonly step: number;
    readonly assignees: readonly UserId[];
  } | null;
  readonly after: {
    readonly step: number;
    readonly assignees: readonly UserId[];
  } | null;
}

/**
 * The differences between the approvals two plans ask for (rule-change impact): rules requested
 * only in one of them, and rules requested in both with a different set of assignees or at a
 * different step. Auto-approved rules ask nobody and count as not requested.
 */
export function comparePlans(
  before: SubmissionPlan,
  after: SubmissionPlan,
): PlanDifference[] {
  const requested = (plan: SubmissionPlan) =>
    new Map(
      plan.entries.filter((e) => !e.autoApproved).map((e) => [e.ruleId, e]),
    );
  const a = requested(before);
  const b = requested(after);
  const differences: PlanDifference[] = [];
  for (const [ruleId, entry] of a) {
    const other = b.get(ruleId);
    if (!other) {
      differences.push({
        ruleId,
        kind: 'removed',
        before: view(entry),
        after: null,
      });
    } else if (
      !sameSet(entry.assignees, other.assignees) ||
      entry.unresolved?.message !== other.unresolved?.message
    ) {
      differences.push({
        ruleId,
        kind: 'approver',
        before: view(entry),
        after: view(other),
      });
    } else if (entry.step !== other.step) {
      differences.push({
        ruleId,
        kind: 'step',
        before: view(entry),
        after: view(other),
      });
    }
  }
  for (const [ruleId, entry] of b)
    if (!a.has(ruleId))
      differences.push({
        ruleId,
        kind: 'added',
        before: null,
        after: view(entry),
      });
  return differences;
}

function view(entry: PlanEntry) {
  return { step: entry.step, assignees: entry.assignees };
}

function sameSet(x: readonly string[], y: readonly string[]): boolean {
  const set = new Set(x);
  return set.size === new Set(y).size && y.every((v) => set.has(v));
}
