export interface StepOutcome {
  index: number;
  action: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
}

export interface ScenarioResult {
  file: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  steps: StepOutcome[];
  error?: string;
}

export type ScenarioRunner = (
  scenario: unknown,
  file: string,
) => ScenarioResult;

/** A scenario with a failed step (or a load error) failed; else with a skipped step it is skipped. */
export function scenarioStatus(
  steps: readonly StepOutcome[],
  error?: string,
): ScenarioResult['status'] {
  if (error !== undefined || steps.some((s) => s.status === 'failed'))
    return 'failed';
  if (steps.some((s) => s.status === 'skipped')) return 'skipped';
  return 'passed';
}
