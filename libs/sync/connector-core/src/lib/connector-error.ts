import { type NormalisedSyncError, PayloadError } from '@signet/sync-contracts';

/**
 * What the runner does with a failure:
 * - `unrecoverable`: the ERP refused the document (validation) or it can never be sent as is →
 *   dead letter at once, no attempts spent on it;
 * - `retryable`: server errors, timeouts, dropped connections → retried with backoff;
 * - `rate-limited`: the ERP asked us to slow down → the queue waits `retryAfterMs`, no attempt spent.
 */
export type ErrorKind = 'unrecoverable' | 'retryable' | 'rate-limited';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** The ERP's own error body (parsed when it was JSON), for people repairing the dead letter. */
    readonly detail?: unknown,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  toNormalised(): NormalisedSyncError {
    return { code: this.code, message: this.message, ...(this.detail === undefined ? {} : { detail: this.detail }) };
  }
}

/** Stable error codes shared by every connector (ERP-specific ones may be added by a connector). */
export const ErrorCode = {
  Validation: 'erp_validation',
  Unauthorized: 'erp_unauthorized',
  NotFound: 'erp_not_found',
  Conflict: 'erp_conflict',
  Unavailable: 'erp_unavailable',
  RateLimited: 'erp_rate_limited',
  Timeout: 'erp_timeout',
  Unreachable: 'erp_unreachable',
  InvalidPayload: 'invalid_payload',
  MissingErpId: 'missing_erp_id',
  Internal: 'connector_internal',
} as const;

export interface HttpClassification {
  kind: ErrorKind;
  code: string;
}

/**
 * How an HTTP status from an ERP is treated. 4xx means the ERP read our request and refused it:
 * sending the same bytes again cannot help, so it is unrecoverable — except 408 (the ERP gave up
 * waiting), 409/412 (someone else changed the document: a new attempt re-reads it) and 429.
 * Every 5xx is retried. Success statuses return null.
 */
export function classifyHttpStatus(status: number): HttpClassification | null {
  if (status < 400) return null;
  if (status === 429) return { kind: 'rate-limited', code: ErrorCode.RateLimited };
  if (status === 408) return { kind: 'retryable', code: ErrorCode.Timeout };
  if (status === 409 || status === 412) return { kind: 'retryable', code: ErrorCode.Conflict };
  if (status === 401 || status === 403) return { kind: 'unrecoverable', code: ErrorCode.Unauthorized };
  if (status === 404) return { kind: 'unrecoverable', code: ErrorCode.NotFound };
  if (status < 500) return { kind: 'unrecoverable', code: ErrorCode.Validation };
  return { kind: 'retryable', code: ErrorCode.Unavailable };
}

/** Any thrown value as a ConnectorError: unknown errors are retried (a bug fixed and redeployed heals them). */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof PayloadError) return new ConnectorError('unrecoverable', ErrorCode.InvalidPayload, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('retryable', ErrorCode.Internal, message);
}
