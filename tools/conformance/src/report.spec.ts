import { formatScenario, formatSummary, tally } from './report';
import {
  scenarioStatus,
  type ScenarioResult,
  type StepOutcome,
} from './scenario-result';

const step = (
  index: number,
  status: StepOutcome['status'],
  message?: string,
): StepOutcome => ({
  index,
  action: 'approve',
  status,
  ...(message ? { message } : {}),
});

describe('scenarioStatus', () => {
  it.each<
    [string, StepOutcome[], string | undefined, ScenarioResult['status']]
  >([
    ['all passed', [step(0, 'passed')], undefined, 'passed'],
    ['no steps', [], undefined, 'passed'],
    [
      'a skipped step',
      [step(0, 'passed'), step(1, 'skipped')],
      undefined,
      'skipped',
    ],
    [
      'a failed step wins over skipped',
      [step(0, 'skipped'), step(1, 'failed')],
      undefined,
      'failed',
    ],
    ['a load error', [], 'bad logic', 'failed'],
  ])('%s → %s', (_, steps, error, status) => {
    expect(scenarioStatus(steps, error)).toBe(status);
  });
});

describe('formatScenario', () => {
  const base = { file: 'a/01.json', name: 'Levels' };

  it('prints PASS with name and file', () => {
    expect(
      formatScenario({ ...base, status: 'passed', steps: [step(0, 'passed')] }),
    ).toEqual(['PASS  Levels  (a/01.json)']);
  });

  it('prints FAIL with one indented line per failed step and the load error', () => {
    const lines = formatScenario({
      ...base,
      status: 'failed',
      error: 'world failed to load',
      steps: [
        step(0, 'passed'),
        step(1, 'failed', 'expected error not_pending'),
      ],
    });
    expect(lines).toEqual([
      'FAIL  Levels  (a/01.json)',
      '    world failed to load',
      '    step 2 (approve): expected error not_pending',
    ]);
  });

  it('prints SKIP with how many steps were skipped', () => {
    const lines = formatScenario({
      ...base,
      status: 'skipped',
      steps: [step(0, 'skipped', 'not yet'), step(1, 'skipped')],
    });
    expect(lines).toEqual([
      'SKIP  Levels  (a/01.json)  2 of 2 steps skipped: not yet',
    ]);
  });
});

describe('formatSummary', () => {
  it.each([
    [{ passed: 10, failed: 0, skipped: 0 }, '10 passed, 0 failed'],
    [{ passed: 3, failed: 1, skipped: 2 }, '3 passed, 1 failed, 2 skipped'],
  ])('%p → %s', (counts, line) => {
    expect(formatSummary(counts)).toBe(line);
  });

  it('tallies results by status', () => {
    const r = (status: ScenarioResult['status']): ScenarioResult => ({
      file: 'f',
      name: 'n',
      status,
      steps: [],
    });
    expect(
      tally([r('passed'), r('failed'), r('passed'), r('skipped')]),
    ).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });
});
