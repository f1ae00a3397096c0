import { comparePlans } from './compare-plans';
import { planSubmission } from './plan-submission';
import {
  condition,
  rule,
  stateOf,
  users,
  world,
} from './testing/world-factory';

const directory = {
  users: users('rep', 'a1', 'a2', 'b1'),
  groups: [],
  delegations: [],
};
const planWith = (rules: ReturnType<typeof rule>[], discount = 25) =>
  planSubmission(
    stateOf(world({ directory, rules }, { discountPercent: discount })),
  );

describe('comparePlans', () => {
  const base = [
    rule('R1', {
      approver: { user: 'a1' },
      conditions: [condition(1, 'quote.discountPercent', 'gt', 20)],
    }),
    rule('R2', {
      step: 2,
      approver: { user: 'b1' },
      conditions: [condition(1, 'quote.discountPercent', 'gt', 10)],
    }),
  ];

  it('finds nothing between equal rule sets', () => {
    expect(comparePlans(planWith(base), planWith(base))).toEqual([]);
  });

  it.each([
    [
      'a raised threshold removes the rule',
      [
        {
          ...base[0],
          conditions: [condition(1, 'quote.discountPercent', 'gt', 30)],
        },
        base[1],
      ],
      [{ ruleId: 'R1', kind: 'removed' }],
    ],
    [
      'a new matching rule is added',
      [...base, rule('R3', { approver: { user: 'a2' } })],
      [{ ruleId: 'R3', kind: 'added' }],
    ],
    [
      'another approver',
      [{ ...base[0], approver: { user: 'a2' } }, base[1]],
      [
        {
          ruleId: 'R1',
          kind: 'approver',
          before: { assignees: ['a1'] },
          after: { assignees: ['a2'] },
        },
      ],
    ],
    [
      'another step',
      [base[0], { ...base[1], step: 3 }],
      [{ ruleId: 'R2', kind: 'step', before: { step: 2 }, after: { step: 3 } }],
    ],
  ])('%s', (_label, draft, expected) => {
    expect(comparePlans(planWith(base), planWith(draft))).toMatchObject(expected);
  });
});
