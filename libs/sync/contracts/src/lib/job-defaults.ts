/** Default retry and retention policy for connector jobs (named so every producer agrees). */
export const DEFAULT_JOB_ATTEMPTS = 8;
export const DEFAULT_BACKOFF_DELAY_MS = 2_000;
export const COMPLETED_JOB_RETENTION = { age: 7 * 24 * 3600, count: 10_000 } as const;
export const FAILED_JOB_RETENTION = { age: 30 * 24 * 3600 } as const;

export const DEFAULT_JOB_OPTIONS = {
  attempts: DEFAULT_JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: DEFAULT_BACKOFF_DELAY_MS },
  removeOnComplete: COMPLETED_JOB_RETENTION,
  removeOnFail: FAILED_JOB_RETENTION,
} as const;
