import { approvalError, type ApprovalError } from './approval-error';
import type { UserId } from './model';
import { advanceSubmission } from './open-levels';
import { planSubmission } from './plan-submission';
import { err, ok, type Result } from './result';
import {
  appendHistory,
  type ApprovalRequest,
  type ApprovalState,
  type Submission,
} from './submission-state';

export interface SubmitContext {
  /** The new submission's id; defaults to `<quote id>-<sequence number>`. */
  readonly submissionId?: string;
  /** The instant recorded in history. */
  readonly at?: string;
}

/**
 * Starts a submission (README 1.3, 1.4): rules are matched and levels fixed now; smart
 * approvals auto-approve rules whose smart operands did not worsen; the first incomplete
 * level opens. Allowed from `draft`, `rejected` and `recalled`; `pending` or `approved`
 * fail with `invalid_state`. Every approver that a request will need must be resolvable
 * now, else `approver_unresolved` and nothing changes. With no request at all the quote is
 * approved at once.
 */
export function submitQuote(
  state: ApprovalState,
  by: UserId,
  context: SubmitContext = {},
): Result<ApprovalState, ApprovalError> {
  if (state.status === 'pending' || state.status === 'approved') {
    return err(
      approvalError(
        'invalid_state',
        `cannot submit a quote that is ${state.status}`,
      ),
    );
  }
  const plan = planSubmission(state);
  const unresolved = plan.entries.find((e) => e.unresolved);
  if (unresolved?.unresolved) {
    const cause = unresolved.unresolved;
    return err({
      ...cause,
      ruleId: unresolved.ruleId,
      message: `rule ${unresolved.ruleId}: ${cause.message}`,
    });
  }
  const requests: ApprovalRequest[] = plan.entries
    .filter((e) => !e.autoApproved)
    .map((e) => ({
      ruleId: e.ruleId,
      step: e.step,
      status: 'waiting',
      mode: 'any',
      approvers: [],
      delegates: [],
      decisions: [],
      openedOn: null,
      closedOn: null,
    }));
  const draft: Submission = {
    id:
      context.submissionId ??
      `${state.quote.id}-${state.submissions.length + 1}`,
    submittedBy: by,
    submittedOn: state.today,
    outcome: 'pending',
    requests,
    autoApproved: plan.entries
      .filter((e) => e.autoApproved)
      .map((e) => e.ruleId),
  };
  const advanced = advanceSubmission(state, draft);
  if (!advanced.ok) return advanced;
  const submission = advanced.value;
  const next: ApprovalState = {
    ...state,
    status: submission.outcome === 'approved' ? 'approved' : 'pending',
    submissions: [...state.submissions, submission],
  };
  const detail = submission.autoApproved.length
    ? `auto-approved: ${submission.autoApproved.join(', ')}`
    : undefined;
  return ok(
    appendHistory(
      next,
      { by, action: 'submit', ...(detail ? { detail } : {}) },
      context.at,
    ),
  );
}
