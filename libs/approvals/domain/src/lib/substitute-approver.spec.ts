import { planSubmission } from './plan-submission';
import { openRequests } from './submission-state';
import { rule, run, stateOf, users, world } from './testing/world-factory';

const w = world({
  directory: {
    users: users('rep', 'a1', 'b1', 'f1', 'f2', 'f3', 'g2', 'x1', 'x2', 'mary'),
    groups: [{ id: 'finance', members: ['f1', 'f2', 'f3'] }],
    delegations: [
      { approver: 'b1', delegate: 'mary', from: null, to: null },
      { approver: 'x1', delegate: 'mary', from: null, to: null },
    ],
  },
  rules: [
    rule('R1', { approver: { user: 'a1' } }),
    rule('R2', { approver: { group: 'finance', mode: 'all' } }),
    rule('R3', { step: 2, approver: { user: 'a1' } }),
    rule('R4', { approver: { user: 'x1' } }),
  ],
});

const assignees = (state: ReturnType<typeof stateOf>) =>
  Object.fromEntries(openRequests(state).map((r) => [r.ruleId, r.assignees]));

describe('substitute', () => {
  it('renames rule approvers, group members and open requests, without adding delegates of the new approver', () => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'substitute', from: 'a1', to: 'b1' },
    );
    expect(assignees(state)).toEqual({
      R1: ['b1'],
      R2: ['f1', 'f2', 'f3'],
      R4: ['x1', 'mary'],
    });
    expect(state.rules.find((r) => r.id === 'R3')?.approver).toEqual({
      user: 'b1',
    });
    expect(state.directory.delegations).toEqual(w.directory.delegations);
  });

  it('later levels resolve to the substitute, with its delegates as of then', () => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'substitute', from: 'a1', to: 'b1' },
      { type: 'approve', rule: 'R1', by: 'b1' },
      { type: 'approve', rule: 'R2', by: 'f1' },
      { type: 'approve', rule: 'R2', by: 'f2' },
      { type: 'approve', rule: 'R2', by: 'f3' },
      { type: 'approve', rule: 'R4', by: 'x1' },
    );
    expect(assignees(state)).toEqual({ R3: ['b1', 'mary'] });
  });

  it('keeps an approval already given by the replaced member', () => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'approve', rule: 'R2', by: 'f2' },
      { type: 'substitute', from: 'f2', to: 'g2' },
      { type: 'approve', rule: 'R2', by: 'f1' },
      { type: 'approve', rule: 'R2', by: 'f3' },
    );
    expect(assignees(state)['R2']).toBeUndefined();
  });

  it('changes groups for the next submission too', () => {
    const state = run(stateOf(w), { type: 'substitute', from: 'f2', to: 'g2' });
    expect(
      planSubmission(state).entries.find((e) => e.ruleId === 'R2')?.assignees,
    ).toEqual(['f1', 'g2', 'f3']);
  });

  it('does not duplicate a member who is already in the group', () => {
    const state = run(stateOf(w), { type: 'substitute', from: 'f2', to: 'f3' });
    expect(state.directory.groups[0].members).toEqual(['f1', 'f3']);
  });
});

describe('reassign', () => {
  it('moves one open request only', () => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'reassign', rule: 'R4', from: 'x1', to: 'x2' },
    );
    expect(assignees(state)).toEqual({
      R1: ['a1'],
      R2: ['f1', 'f2', 'f3'],
      R4: ['x2', 'mary'],
    });
    expect(state.rules.find((r) => r.id === 'R4')?.approver).toEqual({
      user: 'x1',
    });
  });

  it('can move a delegate', () => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'reassign', rule: 'R4', from: 'mary', to: 'x2' },
    );
    expect(assignees(state)['R4']).toEqual(['x1', 'x2']);
  });
});
