import {
  applyApprovalAction,
  createApprovalState,
  previewSubmission,
  type ApprovalState,
  type SubmissionPlan,
} from '@signet/approvals-domain';
import { checkExpectations } from './approvals-expectations';
import {
  readApprovalsScenario,
  toAction,
  type RawStep,
} from './approvals-world';
import {
  scenarioStatus,
  type ScenarioResult,
  type ScenarioRunner,
  type StepOutcome,
} from './scenario-result';

/**
 * Runs one approvals scenario through the real domain library: the world becomes a state
 * via `createApprovalState`, each step goes through `applyApprovalAction` (or
 * `previewSubmission`), and expectations are read back through the library's queries.
 * Every step also checks that the input state was not modified, and an `expectError` step
 * that the state after it is the state before it.
 */
export const runApprovalsScenario: ScenarioRunner = (
  scenario: unknown,
  file: string,
): ScenarioResult => {
  const name = scenarioName(scenario, file);
  let read;
  try {
    read = readApprovalsScenario(scenario);
  } catch (error) {
    return failedLoad(file, name, `malformed scenario: ${messageOf(error)}`);
  }
  const created = createApprovalState(read.world);
  if (!created.ok) {
    return failedLoad(
      file,
      name,
      `world failed to load: ${created.error.code}: ${created.error.message}`,
    );
  }
  let state = created.value;
  const steps: StepOutcome[] = [];
  read.steps.forEach((step, index) => {
    const run = runStep(state, step, index);
    steps.push(run.outcome);
    state = run.state;
  });
  return { file, name, status: scenarioStatus(steps), steps };
};

function runStep(
  state: ApprovalState,
  step: RawStep,
  index: number,
): { outcome: StepOutcome; state: ApprovalState } {
  const base = { index, action: step.action };
  const fail = (message: string) => ({
    outcome: { ...base, status: 'failed' as const, message },
    state,
  });
  let action;
  try {
    action = toAction(step);
  } catch (error) {
    return fail(`malformed step: ${messageOf(error)}`);
  }
  const before = JSON.stringify(state);
  let next = state;
  let plan: SubmissionPlan | undefined;
  const problems: string[] = [];
  if (action === 'preview') {
    plan = previewSubmission(state);
    if (step.expectError !== undefined)
      problems.push(
        `preview cannot fail, yet expectError ${step.expectError} was given`,
      );
  } else {
    const result = applyApprovalAction(state, action, { at: `step-${index}` });
    if (step.expectError !== undefined) {
      if (result.ok)
        problems.push(
          `expected error ${step.expectError}, but the action succeeded`,
        );
      else if (result.error.code !== step.expectError) {
        problems.push(
          `expected error ${step.expectError}, got ${result.error.code}: ${result.error.message}`,
        );
      }
    } else if (!result.ok) {
      problems.push(
        `unexpected error ${result.error.code}: ${result.error.message}`,
      );
    } else {
      next = result.value;
    }
  }
  if (JSON.stringify(state) !== before)
    problems.push('the domain modified its input state');
  if (step.expectError !== undefined && JSON.stringify(next) !== before) {
    problems.push('the state changed although the action failed');
  }
  if (step.expect !== undefined) {
    if (typeof step.expect !== 'object' || step.expect === null)
      problems.push('expect must be an object');
    else
      problems.push(
        ...checkExpectations(next, step.expect, plan ? () => plan : undefined),
      );
  }
  const outcome: StepOutcome = problems.length
    ? { ...base, status: 'failed', message: problems.join('; ') }
    : { ...base, status: 'passed' };
  return { outcome, state: next };
}

function failedLoad(file: string, name: string, error: string): ScenarioResult {
  return { file, name, status: 'failed', steps: [], error };
}

function scenarioName(scenario: unknown, file: string): string {
  const name = (scenario as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : file;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
