import type { ApprovalAction } from './apply-action';
import type { ApprovalRuleDefinition } from './model';
import {
  approvedRules,
  autoApprovedRules,
  openRequests,
} from './submission-state';
import { condition, rule, run, stateOf, world } from './testing/world-factory';

const smartRule = (overrides: Partial<ApprovalRuleDefinition> = {}) =>
  rule('RS', {
    conditions: [
      condition(1, 'quote.discountPercent', 'gt', 10, { smart: true }),
    ],
    ...overrides,
  });

const submit: ApprovalAction = { type: 'submit', by: 'rep' };
const approveRS: ApprovalAction = { type: 'approve', rule: 'RS', by: 'a1' };
const edit = (discountPercent: number | null): ApprovalAction => ({
  type: 'edit',
  fields: { discountPercent },
});

describe('smart approvals across submissions', () => {
  it.each<[string, ApprovalAction[], string[]]>([
    [
      'approved, edited to the same value → auto',
      [submit, approveRS, edit(15)],
      ['RS'],
    ],
    ['approved, edited lower → auto', [submit, approveRS, edit(12)], ['RS']],
    ['approved, edited higher → requested', [submit, approveRS, edit(20)], []],
    [
      'never approved (recalled first) → requested',
      [submit, { type: 'recall', by: 'rep' }],
      [],
    ],
    [
      'rejected → requested',
      [submit, { type: 'reject', rule: 'RS', by: 'a1' }],
      [],
    ],
    [
      'auto-approved twice keeps the first snapshot',
      [submit, approveRS, edit(14), submit, edit(15), submit, edit(15)],
      ['RS'],
    ],
    [
      'requested after a worsening, then back below the old snapshot',
      [submit, approveRS, edit(20), submit, approveRS, edit(18)],
      ['RS'],
    ],
  ])('%s', (_, actions, autoApproved) => {
    const state = run(
      run(stateOf(world({ rules: [smartRule()] })), ...actions),
      submit,
    );
    expect(autoApprovedRules(state)).toEqual(autoApproved);
  });

  it('"previous submission" is only the latest one', () => {
    const state = run(
      stateOf(world({ rules: [smartRule()] })),
      submit,
      approveRS,
      edit(12),
      submit, // auto-approved
      edit(30),
      submit, // worsened → requested
      { type: 'recall', by: 'rep' }, // not approved in this submission
      edit(12),
      submit,
    );
    expect([
      autoApprovedRules(state),
      openRequests(state).map((r) => r.ruleId),
    ]).toEqual([[], ['RS']]);
  });

  it('an auto-approved rule completes its level and counts as approved', () => {
    const w = world({
      rules: [smartRule(), rule('R2', { step: 2, approver: { user: 'a2' } })],
    });
    const state = run(
      stateOf(w),
      submit,
      approveRS,
      { type: 'recall', by: 'rep' },
      submit,
    );
    expect([
      openRequests(state).map((r) => r.ruleId),
      approvedRules(state),
    ]).toEqual([['R2'], ['RS']]);
  });

  // The rule matches through its second (smart, unchanged) condition, so only the null
  // semantics of the first decide: null equals null, null is never greater or less.
  it.each<[number | null, number | null, string[]]>([
    [null, null, ['RS']],
    [null, 15, ['RS']],
    [15, null, ['RS']],
    [15, 20, []],
  ])(
    'nulls: approved at %p, now %p → auto-approved %p',
    (approvedAt, now, autoApproved) => {
      const conditions = [
        condition(1, 'quote.discountPercent', 'gt', 10, { smart: true }),
        condition(2, 'quote.region', 'eq', 'EMEA', { smart: true }),
      ];
      const w = world(
        { rules: [rule('RS', { conditionsMet: 'any', conditions })] },
        { discountPercent: approvedAt, region: 'EMEA' },
      );
      const state = run(stateOf(w), submit, approveRS, edit(now), submit);
      expect(autoApprovedRules(state)).toEqual(autoApproved);
    },
  );

  it.each<[number | null, number | null, string[]]>([
    [null, null, ['RS']],
    [null, 15, []],
    [15, null, []],
  ])(
    'nulls under ≠: approved at %p, now %p → auto-approved %p',
    (approvedAt, now, autoApproved) => {
      const w = world(
        {
          rules: [
            rule('RS', {
              conditions: [
                condition(1, 'quote.discountPercent', 'ne', 99, {
                  smart: true,
                }),
              ],
            }),
          ],
        },
        { discountPercent: approvedAt },
      );
      const state = run(stateOf(w), submit, approveRS, edit(now), submit);
      expect(autoApprovedRules(state)).toEqual(autoApproved);
    },
  );

  it('reevaluateSmartIndividually re-requests on an improvement too', () => {
    const state = run(
      stateOf(
        world({ rules: [smartRule({ reevaluateSmartIndividually: true })] }),
      ),
      submit,
      approveRS,
      edit(12),
      submit,
    );
    expect(openRequests(state).map((r) => r.ruleId)).toEqual(['RS']);
  });
});
