import { err, ok, type Result } from '@signet/shared-kernel';
import type { QuoteStatus } from './model';
import { quotesError, type QuotesError } from './quotes-error';

export interface EditOutcome {
  /** The status after the edit. */
  readonly status: QuoteStatus;
  /** True when the edit voided an approval (approved → draft). */
  readonly approvalVoided: boolean;
}

/**
 * What an edit does to a quote's status (conformance 1.3, 1.7): a pending quote is locked; editing
 * an approved quote voids the approval and returns it to draft; draft, rejected and recalled stay.
 */
export function editOutcome(
  status: QuoteStatus,
): Result<EditOutcome, QuotesError> {
  if (status === 'pending')
    return err(
      quotesError(
        'quote_locked',
        'The quote is locked while it is pending approval. Recall it first.',
      ),
    );
  if (status === 'approved')
    return ok({ status: 'draft', approvalVoided: true });
  return ok({ status, approvalVoided: false });
}

/** A quote may be deleted unless it is pending approval or approved. */
export function checkDeletable(status: QuoteStatus): Result<true, QuotesError> {
  if (status === 'pending')
    return err(
      quotesError(
        'quote_locked',
        'The quote is locked while it is pending approval. Recall it first.',
      ),
    );
  if (status === 'approved')
    return err(
      quotesError(
        'invalid_state',
        'An approved quote cannot be deleted; edit it back to draft first.',
      ),
    );
  return ok(true);
}
