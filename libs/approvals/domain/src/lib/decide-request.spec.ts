import { applyApprovalAction, type ApprovalAction } from './apply-action';
import type { ApprovalWorld, GroupMode } from './model';
import {
  approvedRules,
  currentSubmission,
  openRequests,
  type ApprovalState,
} from './submission-state';
import { rule, run, stateOf, users, world } from './testing/world-factory';

const approve = (by: string, ruleId = 'RG'): ApprovalAction => ({
  type: 'approve',
  rule: ruleId,
  by,
});
const reject = (by: string, ruleId = 'RG'): ApprovalAction => ({
  type: 'reject',
  rule: ruleId,
  by,
});

function groupWorld(
  mode: GroupMode,
  delegations: ApprovalWorld['directory']['delegations'] = [],
): ApprovalWorld {
  return world({
    directory: {
      users: users('rep', 'f1', 'f2', 'f3', 'mary', 'sue'),
      groups: [{ id: 'finance', members: ['f1', 'f2', 'f3'] }],
      delegations,
    },
    rules: [rule('RG', { approver: { group: 'finance', mode } })],
  });
}

function decide(
  w: ApprovalWorld,
  ...actions: ApprovalAction[]
): ApprovalState | string {
  let state = run(stateOf(w), { type: 'submit', by: 'rep' });
  for (const action of actions) {
    const result = applyApprovalAction(state, action);
    if (!result.ok) return result.error.code;
    state = result.value;
  }
  return state;
}

const statusAfter = (w: ApprovalWorld, ...actions: ApprovalAction[]) => {
  const outcome = decide(w, ...actions);
  return typeof outcome === 'string' ? outcome : outcome.status;
};

const MARY_FOR_F1 = [
  { approver: 'f1', delegate: 'mary', from: null, to: null },
];
const MARY_FOR_F1_F2 = [
  ...MARY_FOR_F1,
  { approver: 'f2', delegate: 'mary', from: null, to: null },
];

describe('group modes', () => {
  it.each<
    [
      string,
      GroupMode,
      ApprovalWorld['directory']['delegations'],
      ApprovalAction[],
      string,
    ]
  >([
    ['any: first approval approves', 'any', [], [approve('f2')], 'approved'],
    [
      'any: a second member after approval → not_an_assignee',
      'any',
      [],
      [approve('f2'), approve('f3')],
      'not_pending',
    ],
    [
      'all: two of three stays pending',
      'all',
      [],
      [approve('f1'), approve('f2')],
      'pending',
    ],
    [
      'all: all three approves',
      'all',
      [],
      [approve('f1'), approve('f2'), approve('f3')],
      'approved',
    ],
    [
      'all: a repeat approval is accepted and adds nothing',
      'all',
      [],
      [approve('f1'), approve('f1'), approve('f2')],
      'pending',
    ],
    [
      'all: a delegate acts for its member',
      'all',
      MARY_FOR_F1,
      [approve('mary'), approve('f2'), approve('f3')],
      'approved',
    ],
    [
      'all: a delegate for two members covers both',
      'all',
      MARY_FOR_F1_F2,
      [approve('mary'), approve('f3')],
      'approved',
    ],
    [
      'all: one rejection rejects',
      'all',
      [],
      [approve('f1'), approve('f2'), reject('f3')],
      'rejected',
    ],
    ['quorum 2: one approval', { quorum: 2 }, [], [approve('f1')], 'pending'],
    [
      'quorum 2: two members',
      { quorum: 2 },
      [],
      [approve('f1'), approve('f3')],
      'approved',
    ],
    [
      'quorum 2: member and its delegate count once',
      { quorum: 2 },
      MARY_FOR_F1,
      [approve('f1'), approve('mary')],
      'pending',
    ],
    [
      'quorum 2: a delegate for two members is one person',
      { quorum: 2 },
      MARY_FOR_F1_F2,
      [approve('mary'), approve('mary')],
      'pending',
    ],
    [
      'quorum 2: a delegate and another member',
      { quorum: 2 },
      MARY_FOR_F1_F2,
      [approve('mary'), approve('f3')],
      'approved',
    ],
    [
      'quorum 2: one rejection rejects',
      { quorum: 2 },
      [],
      [approve('f1'), reject('f2')],
      'rejected',
    ],
    ['a delegate may reject', 'all', MARY_FOR_F1, [reject('mary')], 'rejected'],
    [
      'a delegate of a delegate may not act',
      'any',
      [
        ...MARY_FOR_F1,
        { approver: 'mary', delegate: 'sue', from: null, to: null },
      ],
      [approve('sue')],
      'not_an_assignee',
    ],
  ])('%s', (_, mode, delegations, actions, outcome) => {
    expect(statusAfter(groupWorld(mode, delegations), ...actions)).toBe(
      outcome,
    );
  });

  it('records on whose behalf a delegate acted', () => {
    const state = decide(
      groupWorld('all', MARY_FOR_F1),
      approve('mary'),
    ) as ApprovalState;
    expect(openRequests(state)[0].decisions).toMatchObject([
      { by: 'mary', onBehalfOf: ['f1'] },
    ]);
  });

  it('the quote owner may not approve even as a member or delegate', () => {
    const w = groupWorld('any', [
      { approver: 'f1', delegate: 'rep', from: null, to: null },
    ]);
    expect(statusAfter(w, approve('rep'))).toBe('self_approval');
  });

  it('the quote owner who is an assignee may still reject', () => {
    const w = groupWorld('any', [
      { approver: 'f1', delegate: 'rep', from: null, to: null },
    ]);
    expect(statusAfter(w, reject('rep'))).toBe('rejected');
  });
});

describe('delegation is resolved when the level opens', () => {
  const w = world({
    directory: {
      users: users('rep', 'a1', 'kim', 'tom'),
      groups: [],
      delegations: [
        {
          approver: 'kim',
          delegate: 'tom',
          from: '2026-06-08',
          to: '2026-06-20',
        },
      ],
    },
    rules: [rule('R1'), rule('R2', { step: 2, approver: { user: 'kim' } })],
  });

  it.each([
    ['2026-06-05', ['kim']],
    ['2026-06-08', ['kim', 'tom']],
    ['2026-06-21', ['kim']],
  ])('level 2 opening on %s is assigned to %p', (today, assignees) => {
    const state = run(
      stateOf(w),
      { type: 'submit', by: 'rep' },
      { type: 'setToday', today },
      approve('a1', 'R1'),
    );
    expect(openRequests(state)[0].assignees).toEqual(assignees);
  });

  it('an open request keeps its assignees after the window ends', () => {
    const state = run(
      stateOf(w),
      { type: 'setToday', today: '2026-06-08' },
      { type: 'submit', by: 'rep' },
      approve('a1', 'R1'),
      { type: 'setToday', today: '2026-06-30' },
      approve('tom', 'R2'),
    );
    expect([state.status, approvedRules(state)]).toEqual([
      'approved',
      ['R1', 'R2'],
    ]);
  });

  it('an approval whose next level cannot be resolved fails and changes nothing', () => {
    const unresolvable = world({
      rules: [
        rule('R1'),
        rule('R2', { step: 2, approver: { group: 'later' } }),
      ],
    });
    const draft = stateOf({
      ...unresolvable,
      directory: {
        ...unresolvable.directory,
        groups: [{ id: 'later', members: ['b1'] }],
      },
    });
    const pending = run(draft, { type: 'submit', by: 'rep' });
    const emptied: ApprovalState = {
      ...pending,
      directory: { ...pending.directory, groups: [] },
    };
    const result = applyApprovalAction(emptied, approve('a1', 'R1'));
    expect(!result.ok && result.error.code).toBe('approver_unresolved');
    expect(currentSubmission(emptied)?.requests[0].status).toBe('open');
  });
});
