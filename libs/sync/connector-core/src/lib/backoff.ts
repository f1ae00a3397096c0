import { DEFAULT_BACKOFF_DELAY_MS } from '@signet/sync-contracts';

/** The name the runner registers its backoff strategy under (BullMQ calls custom strategies by type). */
export const CONNECTOR_BACKOFF_TYPE = 'signet-jittered-exponential';

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseDelayMs: number;
  /** Ceiling of any one delay, before jitter. */
  maxDelayMs: number;
  /** Share of the delay that is random (0 = none, 1 = "full jitter"). */
  jitter: number;
}

export const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { baseDelayMs: DEFAULT_BACKOFF_DELAY_MS, maxDelayMs: 10 * 60_000, jitter: 0.5 };

/**
 * Delay before the next attempt after `attemptsMade` failed ones (1 after the first failure):
 * exponential, capped, with the last `jitter` share of it drawn at random so that jobs failing
 * together (an ERP outage) do not all come back at the same instant. `random` returns [0, 1).
 */
export function retryDelayMs(attemptsMade: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const floor = ceiling * (1 - jitter);
  return Math.round(floor + random() * (ceiling - floor));
}
