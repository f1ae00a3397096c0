import { approvalError, type ApprovalError } from './approval-error';
import { activeDelegates, resolveApprovers } from './resolve-approvers';
import { ok, type Result } from './result';
import type {
  ApprovalRequest,
  ApprovalState,
  Submission,
} from './submission-state';

/**
 * Moves a pending submission forward (README 1.3): levels are the distinct steps of its
 * requests, ascending; a level whose requests are all approved (or that holds only
 * auto-approved rules, hence no requests) is complete; the first incomplete level is opened
 * if it is still waiting. Assignees are resolved at that moment, from the rules, groups and
 * delegations as they are now and `today` as it is now. When every level is complete the
 * submission is approved.
 *
 * Fails with `approver_unresolved` when an approver of the level to open cannot be resolved.
 */
export function advanceSubmission(
  state: ApprovalState,
  submission: Submission,
): Result<Submission, ApprovalError> {
  const steps = [...new Set(submission.requests.map((r) => r.step))].sort(
    (a, b) => a - b,
  );
  for (const step of steps) {
    const level = submission.requests.filter((r) => r.step === step);
    if (level.every((r) => r.status === 'approved')) continue;
    if (level.some((r) => r.status !== 'waiting')) return ok(submission);
    const opened: ApprovalRequest[] = [];
    for (const request of level) {
      const result = openRequest(state, request);
      if (!result.ok) return result;
      opened.push(result.value);
    }
    const byRule = new Map(opened.map((r) => [r.ruleId, r]));
    return ok({
      ...submission,
      requests: submission.requests.map((r) => byRule.get(r.ruleId) ?? r),
    });
  }
  return ok({ ...submission, outcome: 'approved' });
}

function openRequest(
  state: ApprovalState,
  request: ApprovalRequest,
): Result<ApprovalRequest, ApprovalError> {
  const rule = state.rules.find((r) => r.id === request.ruleId);
  if (!rule)
    return {
      ok: false,
      error: approvalError(
        'approver_unresolved',
        `rule ${request.ruleId} no longer exists`,
      ),
    };
  const resolved = resolveApprovers(
    rule.approver,
    state.quote,
    state.directory,
  );
  if (!resolved.ok) {
    return {
      ok: false,
      error: {
        ...resolved.error,
        ruleId: rule.id,
        message: `rule ${rule.id}: ${resolved.error.message}`,
      },
    };
  }
  return ok({
    ...request,
    status: 'open',
    mode: resolved.value.mode,
    approvers: resolved.value.approvers,
    delegates: activeDelegates(
      resolved.value.approvers,
      state.directory.delegations,
      state.today,
    ),
    openedOn: state.today,
  });
}
