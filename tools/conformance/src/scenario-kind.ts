export type ScenarioKind = 'approvals' | 'orders';

/** An object with `rules` or `directory` is an approvals scenario; with `catalog`, an orders one. */
export function scenarioKind(scenario: unknown): ScenarioKind | null {
  if (
    typeof scenario !== 'object' ||
    scenario === null ||
    Array.isArray(scenario)
  )
    return null;
  if ('rules' in scenario || 'directory' in scenario) return 'approvals';
  if ('catalog' in scenario) return 'orders';
  return null;
}
