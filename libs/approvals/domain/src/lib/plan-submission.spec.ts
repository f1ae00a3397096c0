import { explainReason } from './explain-reason';
import { planSubmission } from './plan-submission';
import {
  condition,
  rule,
  run,
  stateOf,
  users,
  world,
} from './testing/world-factory';

describe('planSubmission (the preview)', () => {
  it('orders matched rules by step, keeps rule order within a step, lists the unmatched', () => {
    const state = stateOf(
      world({
        rules: [
          rule('R3', { step: 3 }),
          rule('R1', { step: 1, approver: { user: 'a2' } }),
          rule('RX', {
            step: 2,
            conditions: [condition(1, 'quote.discountPercent', 'gt', 50)],
          }),
          rule('R2', { step: 1 }),
        ],
      }),
    );
    const plan = planSubmission(state);
    expect(plan.entries.map((e) => [e.ruleId, e.step, e.assignees])).toEqual([
      ['R1', 1, ['a2']],
      ['R2', 1, ['a1']],
      ['R3', 3, ['a1']],
    ]);
    expect(plan.unmatched.map((u) => u.ruleId)).toEqual(['RX']);
  });

  it('explains why each rule applies, with reasons per condition', () => {
    const state = stateOf(world({}, { discountPercent: 31 }));
    const [entry] = planSubmission(state).entries;
    expect(entry.reasons.map(explainReason)).toEqual([
      'discountPercent 31 > 10',
    ]);
  });

  it('suggests the smallest change avoiding a rule with one numeric threshold', () => {
    const state = stateOf(
      world(
        {
          rules: [
            rule('R1', {
              conditions: [condition(1, 'quote.discountPercent', 'gt', 30)],
            }),
          ],
        },
        { discountPercent: 31 },
      ),
    );
    expect(planSubmission(state).entries[0].avoidance).toMatchObject({
      target: 30,
      change: -1,
    });
  });

  it('suggests nothing when another condition would still match the rule', () => {
    const rules = [
      rule('R1', {
        conditionsMet: 'any',
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 30),
          condition(2, 'quote.region', 'eq', 'EMEA'),
        ],
      }),
    ];
    const state = stateOf(
      world({ rules }, { discountPercent: 31, region: 'EMEA' }),
    );
    expect(planSubmission(state).entries[0].avoidance).toBeNull();
  });

  it('suggests the change of a variable tested against a quote field', () => {
    const state = stateOf(
      world({
        variables: [{ name: 'net', function: 'sum', field: 'netTotal' }],
        rules: [
          rule('R1', {
            conditions: [
              condition(1, 'var.net', 'ge', undefined, {
                field: 'quote.threshold',
              }),
            ],
          }),
        ],
        quote: {
          id: 'Q1',
          ownerId: 'rep',
          fields: { threshold: 1000 },
          lines: [{ id: 'L1', fields: { netTotal: 1000.5 } }],
        },
      }),
    );
    expect(planSubmission(state).entries[0].avoidance).toMatchObject({
      tested: 'var.net',
      target: 999.9,
      change: -0.6,
    });
  });

  it('flags an approver that cannot be resolved instead of failing', () => {
    const state = stateOf(
      world({ rules: [rule('R1', { approver: { field: 'quote.dealDesk' } })] }),
    );
    const [entry] = planSubmission(state).entries;
    expect(entry.unresolved?.code).toBe('approver_unresolved');
    expect(entry.assignees).toEqual([]);
  });

  it('resolves assignees and delegates as of today', () => {
    const state = stateOf(
      world({
        directory: {
          users: users('rep', 'a1', 'mary'),
          groups: [],
          delegations: [
            { approver: 'a1', delegate: 'mary', from: '2026-06-10', to: null },
          ],
        },
      }),
    );
    expect(planSubmission(state).entries[0].assignees).toEqual(['a1']);
    const later = run(state, { type: 'setToday', today: '2026-06-10' });
    expect(planSubmission(later).entries[0].assignees).toEqual(['a1', 'mary']);
  });

  it('marks smart rules approved last time as auto-approved, with no assignees and the re-test', () => {
    const rules = [
      rule('R1', {
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 10, { smart: true }),
        ],
      }),
    ];
    const approved = run(
      stateOf(world({ rules }, { discountPercent: 20 })),
      { type: 'submit', by: 'rep' },
      { type: 'approve', rule: 'R1', by: 'a1' },
      { type: 'edit', fields: { discountPercent: 15 } },
    );
    const [entry] = planSubmission(approved).entries;
    expect(entry).toMatchObject({
      autoApproved: true,
      assignees: [],
      avoidance: null,
    });
    expect(entry.smartRetest?.conditions[0]).toMatchObject({
      value: 15,
      snapshot: 20,
      result: false,
    });
  });

  it('for a re-requested smart rule, going back to the approved value is the smallest change', () => {
    const rules = [
      rule('R1', {
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 10, { smart: true }),
        ],
      }),
    ];
    const worsened = run(
      stateOf(world({ rules }, { discountPercent: 20 })),
      { type: 'submit', by: 'rep' },
      { type: 'approve', rule: 'R1', by: 'a1' },
      { type: 'edit', fields: { discountPercent: 25 } },
    );
    expect(planSubmission(worsened).entries[0]).toMatchObject({
      autoApproved: false,
      avoidance: { target: 20, change: -5 },
    });
  });

  it('reports the variables it evaluated', () => {
    const state = stateOf(
      world({
        variables: [{ name: 'lines', function: 'count' }],
        quote: {
          id: 'Q1',
          ownerId: 'rep',
          fields: {},
          lines: [{ id: 'L1', fields: {} }],
        },
      }),
    );
    expect(planSubmission(state).variables).toEqual({ lines: 1 });
  });
});
