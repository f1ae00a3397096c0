export type QuotesErrorCode =
  | 'invalid_lines'
  | 'invalid_fields'
  | 'quote_locked'
  | 'invalid_state'
  | 'too_many_lines';

/** One problem at one place of the input, e.g. `lines[3].quantity`. */
export interface Violation {
  readonly field: string;
  readonly message: string;
}

/** An expected failure of a quote operation; returned in a Result, mapped to problem+json at the edge. */
export class QuotesError extends Error {
  constructor(
    readonly code: QuotesErrorCode,
    message: string,
    readonly violations: readonly Violation[] = [],
  ) {
    super(message);
    this.name = 'QuotesError';
  }
}

export function quotesError(
  code: QuotesErrorCode,
  message: string,
  violations: readonly Violation[] = [],
): QuotesError {
  return new QuotesError(code, message, violations);
}

/** How many violations one error reports: enough to fix a batch, never a 10,000-item body. */
export const MAX_REPORTED_VIOLATIONS = 50;
