import { applyApprovalAction, type ApprovalAction } from './apply-action';
import type { ApprovalErrorCode } from './approval-error';
import {
  approvedRules,
  autoApprovedRules,
  currentSubmission,
  openRequests,
  type ApprovalState,
  type QuoteStatus,
} from './submission-state';
import {
  condition,
  deepFreeze,
  rule,
  run,
  stateOf,
  users,
  world,
} from './testing/world-factory';

const twoLevels = world({
  directory: {
    users: users('rep', 'a1', 'a2', 'b1', 'x9'),
    groups: [],
    delegations: [],
  },
  rules: [
    rule('R1', { approver: { user: 'a1' } }),
    rule('R2', { approver: { user: 'a2' } }),
    rule('R3', { step: 2, approver: { user: 'b1' } }),
  ],
});

const submit: ApprovalAction = { type: 'submit', by: 'rep' };
const approve = (ruleId: string, by: string): ApprovalAction => ({
  type: 'approve',
  rule: ruleId,
  by,
});
const reject = (ruleId: string, by: string): ApprovalAction => ({
  type: 'reject',
  rule: ruleId,
  by,
});

function inStatus(status: QuoteStatus): ApprovalState {
  const draft = stateOf(twoLevels);
  switch (status) {
    case 'draft':
      return draft;
    case 'pending':
      return run(draft, submit);
    case 'approved':
      return run(
        draft,
        submit,
        approve('R1', 'a1'),
        approve('R2', 'a2'),
        approve('R3', 'b1'),
      );
    case 'rejected':
      return run(draft, submit, reject('R1', 'a1'));
    case 'recalled':
      return run(draft, submit, { type: 'recall', by: 'rep' });
  }
}

const open = (state: ApprovalState) => openRequests(state).map((r) => r.ruleId);

describe('the submission state machine', () => {
  type Row = [QuoteStatus, ApprovalAction, QuoteStatus | ApprovalErrorCode];
  it.each<Row>([
    ['draft', submit, 'pending'],
    ['pending', submit, 'invalid_state'],
    ['approved', submit, 'invalid_state'],
    ['rejected', submit, 'pending'],
    ['recalled', submit, 'pending'],
    ['draft', { type: 'recall', by: 'rep' }, 'not_pending'],
    ['pending', { type: 'recall', by: 'rep' }, 'recalled'],
    ['pending', { type: 'recall', by: 'a1' }, 'invalid_state'],
    ['approved', { type: 'recall', by: 'a1' }, 'not_pending'],
    ['rejected', { type: 'recall', by: 'rep' }, 'not_pending'],
    ['draft', { type: 'edit', fields: { x: 1 } }, 'draft'],
    ['pending', { type: 'edit', fields: { x: 1 } }, 'quote_locked'],
    ['approved', { type: 'edit', fields: { x: 1 } }, 'draft'],
    ['rejected', { type: 'edit', fields: { x: 1 } }, 'rejected'],
    ['recalled', { type: 'edit', fields: { x: 1 } }, 'recalled'],
    ['draft', approve('R1', 'a1'), 'not_pending'],
    ['approved', approve('R3', 'b1'), 'not_pending'],
    ['rejected', reject('R2', 'a2'), 'not_pending'],
    ['recalled', approve('R1', 'a1'), 'not_pending'],
    ['pending', approve('R1', 'rep'), 'self_approval'],
    ['pending', approve('R3', 'rep'), 'self_approval'],
    ['pending', approve('R3', 'b1'), 'not_an_assignee'],
    ['pending', approve('R1', 'x9'), 'not_an_assignee'],
    ['pending', approve('R9', 'a1'), 'not_an_assignee'],
    ['pending', approve('R1', 'a1'), 'pending'],
    ['pending', reject('R1', 'a1'), 'rejected'],
    ['pending', reject('R1', 'x9'), 'not_an_assignee'],
    ['draft', { type: 'setToday', today: '2026-07-01' }, 'draft'],
    [
      'pending',
      { type: 'reassign', rule: 'R1', from: 'a1', to: 'x9' },
      'pending',
    ],
    [
      'draft',
      { type: 'reassign', rule: 'R1', from: 'a1', to: 'x9' },
      'not_pending',
    ],
    [
      'pending',
      { type: 'reassign', rule: 'R3', from: 'b1', to: 'x9' },
      'not_an_assignee',
    ],
    [
      'pending',
      { type: 'reassign', rule: 'R1', from: 'a2', to: 'x9' },
      'not_an_assignee',
    ],
    [
      'pending',
      { type: 'reassign', rule: 'R1', from: 'a1', to: 'ghost' },
      'approver_unresolved',
    ],
    ['pending', { type: 'substitute', from: 'a1', to: 'x9' }, 'pending'],
    [
      'pending',
      { type: 'substitute', from: 'a1', to: 'ghost' },
      'approver_unresolved',
    ],
  ])('%s + %j → %s', (status, action, outcome) => {
    const before = deepFreeze(inStatus(status));
    const snapshot = JSON.stringify(before);
    const result = applyApprovalAction(before, action);
    expect(result.ok ? result.value.status : result.error.code).toBe(outcome);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('opens the next level only when every request of the current one is approved', () => {
    let state = run(stateOf(twoLevels), submit);
    expect(open(state)).toEqual(['R1', 'R2']);
    state = run(state, approve('R1', 'a1'));
    expect(open(state)).toEqual(['R2']);
    state = run(state, approve('R2', 'a2'));
    expect(open(state)).toEqual(['R3']);
    state = run(state, approve('R3', 'b1'));
    expect([state.status, open(state), approvedRules(state)]).toEqual([
      'approved',
      [],
      ['R1', 'R2', 'R3'],
    ]);
  });

  it('skips step numbers nobody uses', () => {
    const w = world({
      rules: [
        rule('R1', { step: 10 }),
        rule('R2', { step: 20, approver: { user: 'a2' } }),
      ],
    });
    const state = run(stateOf(w), submit, approve('R1', 'a1'));
    expect(open(state)).toEqual(['R2']);
  });

  it('a rejection cancels the other requests and later levels never open', () => {
    const state = run(
      stateOf(twoLevels),
      submit,
      approve('R1', 'a1'),
      reject('R2', 'a2'),
    );
    const statuses = currentSubmission(state)?.requests.map((r) => [
      r.ruleId,
      r.status,
    ]);
    expect(statuses).toEqual([
      ['R1', 'approved'],
      ['R2', 'rejected'],
      ['R3', 'cancelled'],
    ]);
    expect(approvedRules(state)).toEqual(['R1']);
  });

  it('recall cancels open requests and keeps approvals already given', () => {
    const state = run(stateOf(twoLevels), submit, approve('R1', 'a1'), {
      type: 'recall',
      by: 'rep',
    });
    expect([state.status, open(state), approvedRules(state)]).toEqual([
      'recalled',
      [],
      ['R1'],
    ]);
  });

  it('a submission with no matching rule is approved at once', () => {
    const state = run(stateOf(world({}, { discountPercent: 0 })), submit);
    expect([
      state.status,
      approvedRules(state),
      autoApprovedRules(state),
    ]).toEqual(['approved', [], []]);
  });

  it('submit fails with approver_unresolved for any level, and nothing changes', () => {
    const w = world({
      rules: [
        rule('R1'),
        rule('R2', { step: 2, approver: { managerOf: 'quote.ownerId' } }),
      ],
    });
    const state = deepFreeze(stateOf(w));
    const result = applyApprovalAction(state, submit);
    expect(!result.ok && [result.error.code, result.error.ruleId]).toEqual([
      'approver_unresolved',
      'R2',
    ]);
  });

  it('an edit of an approved quote voids the approval', () => {
    const state = run(inStatus('approved'), {
      type: 'edit',
      fields: { discountPercent: 12 },
    });
    expect([state.status, currentSubmission(state)?.outcome]).toEqual([
      'draft',
      'voided',
    ]);
  });

  it('edits upsert whole lines and remove lines', () => {
    const w = world({
      quote: {
        id: 'Q1',
        ownerId: 'rep',
        fields: {},
        lines: [
          { id: 'L1', fields: { a: 1, b: 2 } },
          { id: 'L2', fields: {} },
        ],
      },
    });
    const state = run(stateOf(w), {
      type: 'edit',
      fields: { region: null },
      lines: {
        upsert: [
          { id: 'L1', fields: { a: 5 } },
          { id: 'L3', fields: { c: 1 } },
        ],
        remove: ['L2'],
      },
    });
    expect(state.quote.lines).toEqual([
      { id: 'L1', fields: { a: 5 } },
      { id: 'L3', fields: { c: 1 } },
    ]);
    expect(state.quote.fields).toEqual({ region: null });
  });

  it('records a history row per change, with comments', () => {
    const state = run(stateOf(twoLevels), submit, {
      type: 'reject',
      rule: 'R1',
      by: 'a1',
      comment: 'too deep',
    });
    expect(
      state.history.map((h) => [h.action, h.by, h.comment ?? null]),
    ).toEqual([
      ['submit', 'rep', null],
      ['reject', 'a1', 'too deep'],
    ]);
  });

  it('takes the submission id and instant from the caller', () => {
    const result = applyApprovalAction(stateOf(twoLevels), submit, {
      submissionId: 'S-42',
      at: '2026-06-05T10:00:00Z',
    });
    expect(
      result.ok && [
        currentSubmission(result.value)?.id,
        result.value.history[0].at,
      ],
    ).toEqual(['S-42', '2026-06-05T10:00:00Z']);
  });

  it('numbers submissions by default', () => {
    const state = run(
      stateOf(twoLevels),
      submit,
      { type: 'recall', by: 'rep' },
      submit,
    );
    expect(state.submissions.map((s) => s.id)).toEqual(['Q1-1', 'Q1-2']);
  });

  it('rules are fixed at submit: a later edit cannot happen, setToday does not rematch', () => {
    const w = world({
      rules: [
        rule('R1'),
        rule('R2', { step: 2, effective: { from: null, to: '2026-06-05' } }),
      ],
    });
    const state = run(
      stateOf(w),
      submit,
      { type: 'setToday', today: '2026-06-06' },
      approve('R1', 'a1'),
    );
    expect(open(state)).toEqual(['R2']);
  });

  it('a condition over a missing field never matches eq but matches ne', () => {
    const w = world({
      rules: [
        rule('R1', {
          conditions: [condition(1, 'quote.region', 'ne', 'APAC')],
        }),
      ],
    });
    expect(open(run(stateOf(w), submit))).toEqual(['R1']);
  });
});
