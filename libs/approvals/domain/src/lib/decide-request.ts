import { approvalError, type ApprovalError } from './approval-error';
import type { CompiledRule } from './compile-rules';
import { computeVariables } from './compute-variables';
import type { RuleId, UserId } from './model';
import { advanceSubmission } from './open-levels';
import type { EvaluationInput } from './read-operand';
import {
  isRequestSatisfied,
  seatsHeldBy,
  type Decision,
} from './request-progress';
import { err, ok, type Result } from './result';
import { takeSnapshot } from './smart-retest';
import {
  appendHistory,
  closeUndecided,
  currentSubmission,
  replaceRequest,
  withCurrentSubmission,
  type ApprovalRequest,
  type ApprovalState,
} from './submission-state';

export interface DecisionInput {
  readonly rule: RuleId;
  readonly by: UserId;
  readonly decision: 'approve' | 'reject';
  readonly comment?: string | null;
}

/**
 * Approves or rejects the open request of one rule (README 1.3, 1.7). Checks, in order:
 * `not_pending` (quote not pending), `self_approval` (the quote owner approving, whatever the
 * request), `not_an_assignee` (no open request for the rule — a later level or a closed one —
 * or the actor is neither an approver nor an active delegate on it).
 *
 * An approval covers the actor's own seat and every seat it holds by delegation; a repeat
 * approval is accepted and adds nothing. When the request's mode is satisfied it is approved,
 * the rule's smart snapshot is stored and the next level may open. One rejection rejects the
 * request and the submission; undecided requests are cancelled.
 */
export function decideRequest(
  state: ApprovalState,
  input: DecisionInput,
  at?: string,
): Result<ApprovalState, ApprovalError> {
  const submission = currentSubmission(state);
  if (state.status !== 'pending' || !submission) {
    return err(
      approvalError('not_pending', `quote is ${state.status}, not pending`, {
        ruleId: input.rule,
      }),
    );
  }
  if (input.decision === 'approve' && input.by === state.quote.ownerId) {
    return err(
      approvalError(
        'self_approval',
        `${input.by} owns the quote and may not approve it`,
        { ruleId: input.rule },
      ),
    );
  }
  const request = submission.requests.find(
    (r) => r.ruleId === input.rule && r.status === 'open',
  );
  const seats = request
    ? seatsHeldBy(input.by, request.approvers, request.delegates)
    : [];
  if (!request || seats.length === 0) {
    const why = request
      ? `${input.by} is not assigned to it`
      : 'it is not open';
    return err(
      approvalError(
        'not_an_assignee',
        `cannot decide rule ${input.rule}: ${why}`,
        { ruleId: input.rule },
      ),
    );
  }
  const decision: Decision = {
    by: input.by,
    onBehalfOf: seats,
    decision: input.decision,
    comment: input.comment ?? null,
    on: state.today,
  };
  const decided =
    input.decision === 'reject'
      ? reject(state, request, decision)
      : approve(state, request, decision);
  if (!decided.ok) return decided;
  const entry = {
    by: input.by,
    action: input.decision,
    ruleId: input.rule,
    comment: decision.comment,
  };
  return ok(appendHistory(decided.value, entry, at));
}

function reject(
  state: ApprovalState,
  request: ApprovalRequest,
  decision: Decision,
): Result<ApprovalState, ApprovalError> {
  const submission = currentSubmission(state);
  if (!submission) return err(approvalError('not_pending', 'no submission'));
  const rejected = replaceRequest(submission, request.ruleId, (r) => ({
    ...r,
    status: 'rejected',
    decisions: [...r.decisions, decision],
    closedOn: state.today,
  }));
  const closed = {
    ...closeUndecided(rejected, state.today),
    outcome: 'rejected' as const,
  };
  return ok({ ...withCurrentSubmission(state, closed), status: 'rejected' });
}

/** Only the variables a rule's smart conditions test: approvals stay cheap on 10,000-line quotes. */
function snapshotInput(
  state: ApprovalState,
  rule: CompiledRule,
): EvaluationInput {
  const needed = new Set(
    rule.conditions
      .filter((c) => c.smart && c.tested.source === 'var')
      .map((c) => c.tested.name),
  );
  const definitions = state.variableDefinitions.filter((d) =>
    needed.has(d.name),
  );
  return {
    quote: state.quote,
    variables: computeVariables(definitions, state.quote.lines),
  };
}

function approve(
  state: ApprovalState,
  request: ApprovalRequest,
  decision: Decision,
): Result<ApprovalState, ApprovalError> {
  const submission = currentSubmission(state);
  if (!submission) return err(approvalError('not_pending', 'no submission'));
  const decisions = [...request.decisions, decision];
  const satisfied = isRequestSatisfied(
    request.mode,
    request.approvers,
    decisions,
  );
  const updated = replaceRequest(submission, request.ruleId, (r) => ({
    ...r,
    decisions,
    ...(satisfied
      ? { status: 'approved' as const, closedOn: state.today }
      : {}),
  }));
  if (!satisfied) return ok(withCurrentSubmission(state, updated));
  const rule = state.rules.find((r) => r.id === request.ruleId);
  const snapshots = rule
    ? {
        ...state.snapshots,
        [rule.id]: takeSnapshot(rule, snapshotInput(state, rule)),
      }
    : state.snapshots;
  const advanced = advanceSubmission(state, updated);
  if (!advanced.ok) return advanced;
  const done = advanced.value.outcome === 'approved';
  return ok({
    ...withCurrentSubmission(state, advanced.value),
    snapshots,
    status: done ? 'approved' : 'pending',
  });
}
