import type { ScenarioResult } from './scenario-result';

const LABELS = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** The lines printed for one scenario: a status line, then details for failures and skips. */
export function formatScenario(result: ScenarioResult): string[] {
  const head = `${LABELS[result.status]}  ${result.name}  (${result.file})`;
  if (result.status === 'passed') return [head];
  if (result.status === 'skipped') {
    const skipped = result.steps.filter((s) => s.status === 'skipped');
    const reason = skipped.find((s) => s.message)?.message;
    return [
      `${head}  ${skipped.length} of ${result.steps.length} steps skipped${reason ? `: ${reason}` : ''}`,
    ];
  }
  const lines = [head];
  if (result.error) lines.push(`    ${result.error}`);
  for (const step of result.steps.filter((s) => s.status === 'failed')) {
    lines.push(
      `    step ${step.index + 1} (${step.action}): ${step.message ?? 'failed'}`,
    );
  }
  return lines;
}

export interface Tally {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function tally(results: readonly ScenarioResult[]): Tally {
  const count = (status: ScenarioResult['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

/** `N passed, N failed`, with `, N skipped` only when something was skipped. */
export function formatSummary({ passed, failed, skipped }: Tally): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
