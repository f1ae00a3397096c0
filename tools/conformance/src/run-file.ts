import { readFileSync } from 'node:fs';
import { runApprovalsScenario } from './approvals-scenario';
import type { DiscoveredFile } from './discover-files';
import { runOrdersScenario } from './orders-scenario';
import { scenarioKind, type ScenarioKind } from './scenario-kind';
import type { ScenarioResult, ScenarioRunner } from './scenario-result';

const RUNNERS: Readonly<Record<ScenarioKind, ScenarioRunner>> = {
  approvals: runApprovalsScenario,
  orders: runOrdersScenario,
};

/**
 * Reads, parses, classifies and runs one file. Anything that goes wrong — a missing file,
 * JSON that does not parse, an unknown kind, a runner that throws — is a failed scenario.
 */
export function runFile(
  file: DiscoveredFile,
  displayPath: string,
): ScenarioResult {
  const failed = (error: string, name = displayPath): ScenarioResult => ({
    file: displayPath,
    name,
    status: 'failed',
    steps: [],
    error,
  });
  if (file.missing) return failed('no such file or folder');
  let scenario: unknown;
  try {
    scenario = JSON.parse(readFileSync(file.path, 'utf8'));
  } catch (error) {
    return failed(
      `does not parse: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const kind = scenarioKind(scenario);
  const name =
    typeof (scenario as { name?: unknown })?.name === 'string'
      ? (scenario as { name: string }).name
      : displayPath;
  if (!kind)
    return failed(
      'unknown scenario kind (expected "rules"/"directory" or "catalog")',
      name,
    );
  const runner: unknown = RUNNERS[kind];
  if (typeof runner !== 'function')
    return failed(`the ${kind} runner is not available`, name);
  try {
    return {
      ...(runner as ScenarioRunner)(scenario, displayPath),
      file: displayPath,
    };
  } catch (error) {
    return failed(
      `runner crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      name,
    );
  }
}
