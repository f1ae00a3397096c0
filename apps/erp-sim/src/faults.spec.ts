import { FaultConfigError, FaultInjector, NO_FAULTS, parseFaultConfig } from './faults';

describe('fault injection', () => {
  it('never faults with the defaults', () => {
    const faults = new FaultInjector();
    for (let i = 0; i < 1000; i += 1) expect(faults.decide()).toBe('ok');
  });

  it('draws each fault at roughly its rate, repeatably for a seed', () => {
    const config = parseFaultConfig({ errorRate: 0.1, rateLimitRate: 0.05, timeoutAfterCommitRate: 0.02, seed: 42 });
    const a = new FaultInjector(config);
    const b = new FaultInjector(config);
    const drawsA = Array.from({ length: 10_000 }, () => a.decide());
    const drawsB = Array.from({ length: 10_000 }, () => b.decide());
    expect(drawsA).toEqual(drawsB);
    expect(a.counts.error).toBeGreaterThan(900);
    expect(a.counts.error).toBeLessThan(1100);
    expect(a.counts['rate-limit']).toBeGreaterThan(400);
    expect(a.counts['rate-limit']).toBeLessThan(600);
    expect(a.counts['timeout-after-commit']).toBeGreaterThan(140);
    expect(a.counts['timeout-after-commit']).toBeLessThan(260);
    expect(a.counts.drop).toBe(0);
  });

  it.each([
    [{ errorRate: 1.5 }, 'errorRate must be between 0 and 1'],
    [{ errorRate: 0.6, dropRate: 0.6 }, 'the fault rates add up to 1.2; at most 1'],
    [{ latencyMs: -1 }, 'latencyMs must be a non-negative number'],
    [{ chaos: 1 }, "unknown fault setting 'chaos'"],
    [[], 'fault config must be a JSON object'],
  ])('rejects %j', (input, message) => {
    expect(() => parseFaultConfig(input)).toThrow(new FaultConfigError(message));
  });

  it('keeps unspecified settings of the base', () => {
    expect(parseFaultConfig({ latencyMs: 5 }, { ...NO_FAULTS, errorRate: 0.2 })).toMatchObject({ latencyMs: 5, errorRate: 0.2 });
  });
});
