import { approvalError, type ApprovalError } from './approval-error';
import type { FieldValue, Quote, QuoteLine, UserId } from './model';
import { err, ok, type Result } from './result';
import {
  appendHistory,
  currentSubmission,
  withCurrentSubmission,
  type ApprovalState,
} from './submission-state';

export interface QuoteEdit {
  /** Fields to set (a null sets the field to null). */
  readonly fields?: Readonly<Record<string, FieldValue>>;
  readonly lines?: {
    /** Each upsert replaces the whole line with that id, or appends a new one. */
    readonly upsert?: readonly QuoteLine[];
    readonly remove?: readonly string[];
  };
}

/**
 * Edits the quote (README 1.3, 1.7). While `pending` it is locked (`quote_locked`). Editing
 * an `approved` quote voids the approval: the status returns to `draft` and the submission is
 * marked voided (its approvals still count as "the previous submission" for smart approvals).
 * `draft`, `rejected` and `recalled` keep their status. Upserts apply before removals.
 */
export function editQuote(
  state: ApprovalState,
  edit: QuoteEdit,
  by?: UserId,
  at?: string,
): Result<ApprovalState, ApprovalError> {
  if (state.status === 'pending')
    return err(
      approvalError(
        'quote_locked',
        'the quote is locked while pending approval',
      ),
    );
  const quote = applyEdit(state.quote, edit);
  let next: ApprovalState = { ...state, quote };
  const submission = currentSubmission(state);
  if (state.status === 'approved' && submission) {
    next = {
      ...withCurrentSubmission(next, { ...submission, outcome: 'voided' }),
      status: 'draft',
    };
  }
  const detail = state.status === 'approved' ? 'approval voided' : undefined;
  return ok(
    appendHistory(
      next,
      { by: by ?? null, action: 'edit', ...(detail ? { detail } : {}) },
      at,
    ),
  );
}

export function applyEdit(quote: Quote, edit: QuoteEdit): Quote {
  const fields = edit.fields
    ? { ...quote.fields, ...edit.fields }
    : quote.fields;
  let lines = [...quote.lines];
  for (const line of edit.lines?.upsert ?? []) {
    const at = lines.findIndex((l) => l.id === line.id);
    if (at >= 0) lines[at] = line;
    else lines.push(line);
  }
  const removed = new Set(edit.lines?.remove ?? []);
  lines = lines.filter((l) => !removed.has(l.id));
  return { ...quote, fields, lines };
}
