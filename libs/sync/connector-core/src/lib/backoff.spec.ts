import { retryDelayMs } from './backoff';

const policy = { baseDelayMs: 1_000, maxDelayMs: 30_000, jitter: 0.5 };

describe('retryDelayMs: exponential backoff with jitter', () => {
  it.each([
    // attemptsMade, random, expected
    [1, 0, 500], // first retry: ceiling 1 s, half of it random
    [1, 0.999999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000], // ceiling 4 s: 2 s fixed + half of the random 2 s
    [5, 0, 8_000],
    [6, 0.999999, 30_000], // 32 s capped at 30 s
    [20, 0, 15_000], // far attempts stay capped
  ])('after %i failure(s) with random %d → %i ms', (attemptsMade, r, expected) => {
    expect(retryDelayMs(attemptsMade, policy, () => r)).toBe(expected);
  });

  it('without jitter is plain exponential', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, { ...policy, jitter: 0 }, () => 0.7))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('spreads jobs that fail together', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, policy, random));
    expect(new Set(delays).size).toBeGreaterThan(150);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);
  });

  it('clamps a jitter outside 0..1', () => {
    expect(retryDelayMs(1, { ...policy, jitter: 3 }, () => 0)).toBe(0);
    expect(retryDelayMs(1, { ...policy, jitter: -1 }, () => 0)).toBe(1_000);
  });
});
