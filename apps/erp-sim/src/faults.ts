/**
 * Fault injection for the simulators, configured per run: from `ERP_SIM_FAULTS` (JSON) at start,
 * or at any time with `PUT /_faults` (and read back with `GET /_faults`). Each simulated ERP
 * write asks `decide()` what to do with the request; the draws come from a seeded PRNG so a run
 * with the same seed and request order repeats the same faults.
 */
export interface FaultConfig {
  /** Share of requests answered with a 5xx server error before anything is stored (0..1). */
  errorRate: number;
  /** Share of requests answered with 429 and a `Retry-After` header. */
  rateLimitRate: number;
  /** Seconds in the `Retry-After` header of a 429. */
  retryAfterSeconds: number;
  /** Share of writes that are stored but never answered: the caller times out (the worst case for idempotency). */
  timeoutAfterCommitRate: number;
  /** Share of requests whose connection is destroyed before anything is stored. */
  dropRate: number;
  /** Added latency per request, in milliseconds. */
  latencyMs: number;
  seed: number;
}

export type FaultDecision = 'ok' | 'error' | 'rate-limit' | 'timeout-after-commit' | 'drop';

export const NO_FAULTS: FaultConfig = {
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  timeoutAfterCommitRate: 0,
  dropRate: 0,
  latencyMs: 0,
  seed: 1,
};

export class FaultConfigError extends Error {}

const RATES = ['errorRate', 'rateLimitRate', 'timeoutAfterCommitRate', 'dropRate'] as const;

export function parseFaultConfig(input: unknown, base: FaultConfig = NO_FAULTS): FaultConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultConfigError('fault config must be a JSON object');
  const value = input as Record<string, unknown>;
  const known = new Set<string>(Object.keys(NO_FAULTS));
  for (const key of Object.keys(value)) if (!known.has(key)) throw new FaultConfigError(`unknown fault setting '${key}'`);
  const next: FaultConfig = { ...base };
  for (const key of Object.keys(NO_FAULTS) as Array<keyof FaultConfig>) {
    if (value[key] === undefined) continue;
    const n = value[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new FaultConfigError(`${key} must be a non-negative number`);
    next[key] = n;
  }
  for (const key of RATES) if (next[key] > 1) throw new FaultConfigError(`${key} must be between 0 and 1`);
  const total = RATES.reduce((sum, key) => sum + next[key], 0);
  if (total > 1) throw new FaultConfigError(`the fault rates add up to ${total}; at most 1`);
  return next;
}

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;
  readonly counts: Record<FaultDecision, number> = { ok: 0, error: 0, 'rate-limit': 0, 'timeout-after-commit': 0, drop: 0 };

  constructor(private current: FaultConfig = NO_FAULTS) {
    this.random = prng(current.seed);
  }

  get config(): FaultConfig {
    return this.current;
  }

  configure(config: FaultConfig): void {
    this.current = config;
    this.random = prng(config.seed);
    for (const key of Object.keys(this.counts) as FaultDecision[]) this.counts[key] = 0;
  }

  /** Draws the fate of one request. */
  decide(): FaultDecision {
    const r = this.random();
    const c = this.current;
    let edge = c.errorRate;
    let decision: FaultDecision = 'ok';
    if (r < edge) decision = 'error';
    else if (r < (edge += c.rateLimitRate)) decision = 'rate-limit';
    else if (r < (edge += c.timeoutAfterCommitRate)) decision = 'timeout-after-commit';
    else if (r < (edge += c.dropRate)) decision = 'drop';
    this.counts[decision] += 1;
    return decision;
  }

  delay(): Promise<void> {
    const ms = this.current.latencyMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}
