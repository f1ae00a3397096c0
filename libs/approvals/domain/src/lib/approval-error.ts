import type { LogicParseError } from './parse-logic';

/**
 * Expected failures of approval actions. `invalid_configuration` is raised when rules or
 * variables cannot be compiled (for example a custom logic expression that does not parse).
 */
export const APPROVAL_ERROR_CODES = [
  'quote_locked',
  'not_an_assignee',
  'self_approval',
  'not_pending',
  'approver_unresolved',
  'invalid_state',
  'invalid_configuration',
] as const;
export type ApprovalErrorCode = (typeof APPROVAL_ERROR_CODES)[number];

export interface ApprovalError {
  readonly code: ApprovalErrorCode;
  readonly message: string;
  /** The rule the error is about, when there is one. */
  readonly ruleId?: string;
  /** For `invalid_configuration` caused by a custom logic expression. */
  readonly logicError?: LogicParseError;
}

export function approvalError(
  code: ApprovalErrorCode,
  message: string,
  extra: { ruleId?: string; logicError?: LogicParseError } = {},
): ApprovalError {
  return { code, message, ...extra };
}

export function isApprovalErrorCode(
  value: unknown,
): value is ApprovalErrorCode {
  return (
    typeof value === 'string' &&
    (APPROVAL_ERROR_CODES as readonly string[]).includes(value)
  );
}
