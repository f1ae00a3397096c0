import type { NormalisedSyncError } from '@signet/sync-contracts';

/**
 * How a failed call should be treated: `unrecoverable` goes to dead letters at once,
 * `retryable` spends an attempt and backs off, `rate-limited` waits without spending one.
 */
export type FailureKind = 'unrecoverable' | 'retryable' | 'rate-limited';

export class SyncError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
    /** For `rate-limited`: how long the ERP asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  toNormalised(): NormalisedSyncError {
    return { code: this.code, message: this.message, ...(this.detail === undefined ? {} : { detail: this.detail }) };
  }
}
