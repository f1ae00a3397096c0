import type { ApprovalAction } from '../apply-action';
import { applyApprovalAction } from '../apply-action';
import type {
  ApprovalRuleDefinition,
  ApprovalWorld,
  ConditionDefinition,
  DirectoryUser,
  FieldValue,
  QuoteLine,
} from '../model';
import { createApprovalState, type ApprovalState } from '../submission-state';

/** Test data factories for specs (not exported from the library). */

export function users(...ids: string[]): DirectoryUser[] {
  return ids.map((id) => ({ id, managerId: null }));
}

export function condition(
  index: number,
  tested: string,
  op: ConditionDefinition['op'],
  value?: FieldValue,
  extra: Partial<ConditionDefinition> = {},
): ConditionDefinition {
  return {
    index,
    tested,
    op,
    ...(value === undefined ? {} : { value }),
    ...extra,
  };
}

export function rule(
  id: string,
  overrides: Partial<ApprovalRuleDefinition> = {},
): ApprovalRuleDefinition {
  return {
    id,
    step: 1,
    chain: null,
    approver: { user: 'a1' },
    conditionsMet: 'all',
    logic: null,
    conditions: [condition(1, 'quote.discountPercent', 'gt', 10)],
    effective: { from: null, to: null },
    reevaluateSmartIndividually: false,
    ...overrides,
  };
}

export function line(
  id: string,
  fields: Record<string, FieldValue>,
): QuoteLine {
  return { id, fields };
}

export function world(
  overrides: Partial<ApprovalWorld> = {},
  fields: Record<string, FieldValue> = {},
): ApprovalWorld {
  return {
    today: '2026-06-05',
    directory: {
      users: users('rep', 'a1', 'a2', 'a3', 'b1', 'b2', 'x1'),
      groups: [],
      delegations: [],
    },
    variables: [],
    rules: [rule('R1')],
    quote: {
      id: 'Q1',
      ownerId: 'rep',
      fields: { discountPercent: 15, ...fields },
      lines: [],
    },
    ...overrides,
  };
}

export function stateOf(w: ApprovalWorld): ApprovalState {
  const created = createApprovalState(w);
  if (!created.ok)
    throw new Error(`world does not load: ${created.error.message}`);
  return created.value;
}

/** Applies actions in turn, failing the test on the first error. */
export function run(
  state: ApprovalState,
  ...actions: ApprovalAction[]
): ApprovalState {
  return actions.reduce((current, action) => {
    const result = applyApprovalAction(current, action);
    if (!result.ok)
      throw new Error(
        `${action.type} failed: ${result.error.code}: ${result.error.message}`,
      );
    return result.value;
  }, state);
}

/** Freezes a value deeply, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value))
      deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
