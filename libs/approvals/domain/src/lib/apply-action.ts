import type { ApprovalError } from './approval-error';
import { decideRequest } from './decide-request';
import { editQuote, type QuoteEdit } from './edit-quote';
import type { IsoDate, RuleId, UserId } from './model';
import { recallSubmission } from './recall-submission';
import { ok, type Result } from './result';
import type { ApprovalState } from './submission-state';
import { submitQuote } from './submit-quote';
import { reassignRequest, substituteApprover } from './substitute-approver';

export type ApprovalAction =
  | { readonly type: 'submit'; readonly by: UserId }
  | {
      readonly type: 'approve';
      readonly rule: RuleId;
      readonly by: UserId;
      readonly comment?: string | null;
    }
  | {
      readonly type: 'reject';
      readonly rule: RuleId;
      readonly by: UserId;
      readonly comment?: string | null;
    }
  | { readonly type: 'recall'; readonly by: UserId }
  | ({ readonly type: 'edit'; readonly by?: UserId } & QuoteEdit)
  | { readonly type: 'setToday'; readonly today: IsoDate }
  | { readonly type: 'substitute'; readonly from: UserId; readonly to: UserId }
  | {
      readonly type: 'reassign';
      readonly rule: RuleId;
      readonly from: UserId;
      readonly to: UserId;
    };

export type ApprovalActionType = ApprovalAction['type'];

/** What the caller supplies that the engine must not invent: ids and the current instant. */
export interface ActionContext {
  /** The id of the submission a `submit` creates. */
  readonly submissionId?: string;
  /** The instant recorded in history rows (ISO timestamp). */
  readonly at?: string;
}

/**
 * The state machine of a quote's approvals: `(state, action, context) → new state | error`.
 * Pure: the input state is never modified, and a failed action returns only the error, so
 * the caller's state is unchanged.
 */
export function applyApprovalAction(
  state: ApprovalState,
  action: ApprovalAction,
  context: ActionContext = {},
): Result<ApprovalState, ApprovalError> {
  switch (action.type) {
    case 'submit':
      return submitQuote(state, action.by, context);
    case 'approve':
    case 'reject':
      return decideRequest(
        state,
        {
          rule: action.rule,
          by: action.by,
          decision: action.type,
          comment: action.comment ?? null,
        },
        context.at,
      );
    case 'recall':
      return recallSubmission(state, action.by, context.at);
    case 'edit':
      return editQuote(
        state,
        { fields: action.fields, lines: action.lines },
        action.by,
        context.at,
      );
    case 'setToday':
      return ok({ ...state, today: action.today });
    case 'substitute':
      return substituteApprover(state, action.from, action.to, context.at);
    case 'reassign':
      return reassignRequest(
        state,
        action.rule,
        action.from,
        action.to,
        context.at,
      );
  }
}
