import { approvalError, type ApprovalError } from './approval-error';
import type { UserId } from './model';
import { err, ok, type Result } from './result';
import {
  appendHistory,
  closeUndecided,
  currentSubmission,
  withCurrentSubmission,
  type ApprovalState,
} from './submission-state';

/**
 * The owner withdraws a pending submission: the quote becomes `recalled` and undecided
 * requests are cancelled; approvals already given stay on record. Not pending →
 * `not_pending` (checked first, like decisions); anyone but the owner → `invalid_state`.
 */
export function recallSubmission(
  state: ApprovalState,
  by: UserId,
  at?: string,
): Result<ApprovalState, ApprovalError> {
  const submission = currentSubmission(state);
  if (state.status !== 'pending' || !submission) {
    return err(
      approvalError('not_pending', `quote is ${state.status}, not pending`),
    );
  }
  if (by !== state.quote.ownerId) {
    return err(
      approvalError(
        'invalid_state',
        `only the owner ${state.quote.ownerId} may recall, not ${by}`,
      ),
    );
  }
  const recalled = {
    ...closeUndecided(submission, state.today),
    outcome: 'recalled' as const,
  };
  return ok(
    appendHistory(
      { ...withCurrentSubmission(state, recalled), status: 'recalled' },
      { by, action: 'recall' },
      at,
    ),
  );
}
