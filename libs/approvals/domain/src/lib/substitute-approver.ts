import { approvalError, type ApprovalError } from './approval-error';
import type { CompiledRule } from './compile-rules';
import type { Directory, RuleId, UserId } from './model';
import { unique } from './resolve-approvers';
import { err, ok, type Result } from './result';
import {
  appendHistory,
  currentSubmission,
  replaceRequest,
  withCurrentSubmission,
  type ApprovalRequest,
  type ApprovalState,
} from './submission-state';

/**
 * Replaces an approver everywhere (README 1.5, 1.7): every rule approver `{user: from}` and
 * every group membership naming `from` now names `to`, and every open request assigned to
 * `from` is reassigned to `to`. Approvals already given by `from` stay and keep counting for
 * the seat, now `to`'s; no delegates of `to` are added to open requests; delegation records
 * are unchanged. `to` must be a directory user (`approver_unresolved` otherwise).
 */
export function substituteApprover(
  state: ApprovalState,
  from: UserId,
  to: UserId,
  at?: string,
): Result<ApprovalState, ApprovalError> {
  if (!state.directory.users.some((u) => u.id === to)) {
    return err(
      approvalError(
        'approver_unresolved',
        `substitute ${to} is not in the directory`,
      ),
    );
  }
  const rules = state.rules.map((rule) => renameRuleApprover(rule, from, to));
  const directory: Directory = {
    ...state.directory,
    groups: state.directory.groups.map((g) => ({
      ...g,
      members: unique(g.members.map((m) => (m === from ? to : m))),
    })),
  };
  let next: ApprovalState = { ...state, rules, directory };
  const submission = currentSubmission(state);
  if (state.status === 'pending' && submission) {
    const requests = submission.requests.map((r) =>
      r.status === 'open' ? renameInRequest(r, from, to) : r,
    );
    next = withCurrentSubmission(next, { ...submission, requests });
  }
  return ok(
    appendHistory(
      next,
      { by: null, action: 'substitute', detail: `${from} -> ${to}` },
      at,
    ),
  );
}

/**
 * Moves one open request from one assignee to another (README 1.5). Not pending →
 * `not_pending`; no open request for the rule, or `from` not assigned to it →
 * `not_an_assignee`; `to` not a directory user → `approver_unresolved`.
 */
export function reassignRequest(
  state: ApprovalState,
  ruleId: RuleId,
  from: UserId,
  to: UserId,
  at?: string,
): Result<ApprovalState, ApprovalError> {
  const submission = currentSubmission(state);
  if (state.status !== 'pending' || !submission) {
    return err(
      approvalError('not_pending', `quote is ${state.status}, not pending`, {
        ruleId,
      }),
    );
  }
  const request = submission.requests.find(
    (r) => r.ruleId === ruleId && r.status === 'open',
  );
  const assigned =
    request &&
    (request.approvers.includes(from) ||
      request.delegates.some((d) => d.delegate === from));
  if (!assigned) {
    return err(
      approvalError(
        'not_an_assignee',
        `${from} is not assigned to an open request of rule ${ruleId}`,
        { ruleId },
      ),
    );
  }
  if (!state.directory.users.some((u) => u.id === to)) {
    return err(
      approvalError('approver_unresolved', `${to} is not in the directory`, {
        ruleId,
      }),
    );
  }
  const next = withCurrentSubmission(
    state,
    replaceRequest(submission, ruleId, (r) => renameInRequest(r, from, to)),
  );
  return ok(
    appendHistory(
      next,
      { by: null, action: 'reassign', ruleId, detail: `${from} -> ${to}` },
      at,
    ),
  );
}

function renameRuleApprover(
  rule: CompiledRule,
  from: UserId,
  to: UserId,
): CompiledRule {
  return 'user' in rule.approver && rule.approver.user === from
    ? { ...rule, approver: { user: to } }
    : rule;
}

/** Renames a person in a request: its seat, its delegate entries and the seats decisions covered. */
function renameInRequest(
  request: ApprovalRequest,
  from: UserId,
  to: UserId,
): ApprovalRequest {
  const rename = (id: UserId) => (id === from ? to : id);
  const delegates = request.delegates
    .map((d) => ({ delegate: rename(d.delegate), for: rename(d.for) }))
    .filter(
      (d, i, all) =>
        d.delegate !== d.for &&
        all.findIndex((o) => o.delegate === d.delegate && o.for === d.for) ===
          i,
    );
  return {
    ...request,
    approvers: unique(request.approvers.map(rename)),
    delegates,
    decisions: request.decisions.map((d) => ({
      ...d,
      onBehalfOf: unique(d.onBehalfOf.map(rename)),
    })),
  };
}
