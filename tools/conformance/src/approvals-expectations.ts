import { Decimal } from 'decimal.js';
import {
  approvedRules,
  autoApprovedRules,
  currentVariables,
  openRequests,
  previewSubmission,
  type ApprovalState,
  type SubmissionPlan,
} from '@signet/approvals-domain';

/**
 * Compares a step's `expect` block with the state (README 1.6, 1.7): only listed keys are
 * checked; ids compare as sets; `plan` and `open` compare as sets keyed by rule, with
 * `step`, `assignees` (a set) and `autoApproved` checked only when given; variables compare
 * to the cent. Returns one message per mismatch (none = as expected).
 */
export function checkExpectations(
  state: ApprovalState,
  expect: Record<string, unknown>,
  plan: () => SubmissionPlan = () => previewSubmission(state),
): string[] {
  const problems: string[] = [];
  for (const [key, expected] of Object.entries(expect)) {
    switch (key) {
      case 'status':
        if (state.status !== expected)
          problems.push(
            `status: expected ${show(expected)}, got ${show(state.status)}`,
          );
        break;
      case 'approved':
      case 'autoApproved': {
        const actual =
          key === 'approved' ? approvedRules(state) : autoApprovedRules(state);
        problems.push(...compareIdSets(key, expected, actual));
        break;
      }
      case 'open':
        problems.push(...compareOpen(state, expected));
        break;
      case 'plan':
        problems.push(...comparePlan(plan(), expected));
        break;
      case 'variables':
        problems.push(...compareVariables(currentVariables(state), expected));
        break;
      default:
        problems.push(`unknown expectation key "${key}"`);
    }
  }
  return problems;
}

interface KeyedEntry {
  readonly rule: string;
  readonly fields: Record<string, unknown>;
}

function keyedEntries(name: string, expected: unknown): KeyedEntry[] | string {
  if (!Array.isArray(expected)) return `${name}: expectation must be an array`;
  const entries: KeyedEntry[] = [];
  for (const item of expected) {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { rule?: unknown }).rule !== 'string'
    ) {
      return `${name}: every entry needs a "rule"`;
    }
    entries.push({
      rule: (item as { rule: string }).rule,
      fields: item as Record<string, unknown>,
    });
  }
  return entries;
}

function compareOpen(state: ApprovalState, expected: unknown): string[] {
  const entries = keyedEntries('open', expected);
  if (typeof entries === 'string') return [entries];
  const actual = new Map(openRequests(state).map((r) => [r.ruleId, r]));
  const problems = compareIdSets(
    'open rules',
    entries.map((e) => e.rule),
    [...actual.keys()],
  );
  for (const entry of entries) {
    const request = actual.get(entry.rule);
    if (request && 'assignees' in entry.fields) {
      problems.push(
        ...compareIdSets(
          `open ${entry.rule} assignees`,
          entry.fields['assignees'],
          [...request.assignees],
        ),
      );
    }
  }
  return problems;
}

function comparePlan(plan: SubmissionPlan, expected: unknown): string[] {
  const entries = keyedEntries('plan', expected);
  if (typeof entries === 'string') return [entries];
  const actual = new Map(plan.entries.map((e) => [e.ruleId, e]));
  const problems = compareIdSets(
    'plan rules',
    entries.map((e) => e.rule),
    [...actual.keys()],
  );
  for (const entry of entries) {
    const planned = actual.get(entry.rule);
    if (!planned) continue;
    if ('step' in entry.fields && entry.fields['step'] !== planned.step) {
      problems.push(
        `plan ${entry.rule} step: expected ${show(entry.fields['step'])}, got ${planned.step}`,
      );
    }
    if (
      'autoApproved' in entry.fields &&
      entry.fields['autoApproved'] !== planned.autoApproved
    ) {
      problems.push(
        `plan ${entry.rule} autoApproved: expected ${show(entry.fields['autoApproved'])}, got ${planned.autoApproved}`,
      );
    }
    if ('assignees' in entry.fields) {
      problems.push(
        ...compareIdSets(
          `plan ${entry.rule} assignees`,
          entry.fields['assignees'],
          [...planned.assignees],
        ),
      );
    }
  }
  return problems;
}

function compareIdSets(
  name: string,
  expected: unknown,
  actual: readonly string[],
): string[] {
  if (
    !Array.isArray(expected) ||
    expected.some((id) => typeof id !== 'string')
  ) {
    return [`${name}: expectation must be an array of ids`];
  }
  const want = new Set(expected as string[]);
  const got = new Set(actual);
  const missing = [...want].filter((id) => !got.has(id));
  const extra = [...got].filter((id) => !want.has(id));
  if (missing.length === 0 && extra.length === 0 && got.size === actual.length)
    return [];
  return [`${name}: expected ${setText(want)}, got ${setText(actual)}`];
}

function compareVariables(
  actual: Readonly<Record<string, number | null>>,
  expected: unknown,
): string[] {
  if (
    typeof expected !== 'object' ||
    expected === null ||
    Array.isArray(expected)
  ) {
    return ['variables: expectation must be an object'];
  }
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    const got = Object.prototype.hasOwnProperty.call(actual, name)
      ? actual[name]
      : undefined;
    if (got === undefined) problems.push(`variable ${name}: not defined`);
    else if (!sameToTheCent(want, got))
      problems.push(
        `variable ${name}: expected ${show(want)}, got ${show(got)}`,
      );
  }
  return problems;
}

/** Amounts compare after rounding both to the cent, half away from zero; null only equals null. */
export function sameToTheCent(
  expected: unknown,
  actual: number | null,
): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected !== 'number' && typeof expected !== 'string')
    return false;
  try {
    const cents = (value: Decimal.Value) =>
      new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return cents(expected).equals(cents(actual));
  } catch {
    return false;
  }
}

function setText(ids: Iterable<string>): string {
  return `{${[...ids].sort().join(', ')}}`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
