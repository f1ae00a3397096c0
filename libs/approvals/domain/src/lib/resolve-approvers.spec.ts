import type { ApproverSpec, Delegation, Directory } from './model';
import {
  activeDelegates,
  assigneesOf,
  isWithin,
  resolveApprovers,
} from './resolve-approvers';

const DIRECTORY: Directory = {
  users: [
    { id: 'rep', managerId: 'm1' },
    { id: 'm1', managerId: 'vp1' },
    { id: 'vp1', managerId: null },
    { id: 'am1', managerId: 'ghost' },
    { id: 'dd', managerId: null },
  ],
  groups: [
    { id: 'finance', members: ['f1', 'f2', 'f3'] },
    { id: 'dupes', members: ['f1', 'f1', 'f2'] },
    { id: 'empty', members: [] },
  ],
  delegations: [],
};

const QUOTE = {
  id: 'Q1',
  ownerId: 'rep',
  fields: {
    dealDesk: 'dd',
    accountOwner: 'rep',
    other: 'am1',
    nobody: 'zz',
    blank: '',
    missing: null,
    num: 5,
  },
  lines: [],
};

describe('resolveApprovers', () => {
  it.each<[string, ApproverSpec, string[], unknown]>([
    ['a user', { user: 'vp1' }, ['vp1'], 'any'],
    [
      'a group in all mode',
      { group: 'finance', mode: 'all' },
      ['f1', 'f2', 'f3'],
      'all',
    ],
    [
      'a group without mode means any',
      { group: 'finance' },
      ['f1', 'f2', 'f3'],
      'any',
    ],
    [
      'a group with a quorum',
      { group: 'finance', mode: { quorum: 3 } },
      ['f1', 'f2', 'f3'],
      { quorum: 3 },
    ],
    [
      'a group listing a member twice',
      { group: 'dupes', mode: 'all' },
      ['f1', 'f2'],
      'all',
    ],
    ['a quote field', { field: 'quote.dealDesk' }, ['dd'], 'any'],
    ['the top-level ownerId', { field: 'quote.ownerId' }, ['rep'], 'any'],
    [
      'managerOf a quote field',
      { managerOf: 'quote.accountOwner' },
      ['m1'],
      'any',
    ],
    ['managerOf ownerId', { managerOf: 'quote.ownerId' }, ['m1'], 'any'],
  ])('%s', (_, spec, approvers, mode) => {
    const resolved = resolveApprovers(spec, QUOTE, DIRECTORY);
    expect(resolved.ok && resolved.value).toEqual({ approvers, mode });
  });

  it.each<[string, ApproverSpec]>([
    ['an unknown user', { user: 'ghost' }],
    ['an unknown group', { group: 'nope', mode: 'any' }],
    ['an empty group', { group: 'empty', mode: 'all' }],
    [
      'a quorum larger than the group',
      { group: 'finance', mode: { quorum: 4 } },
    ],
    ['a null field', { field: 'quote.missing' }],
    ['a missing field', { field: 'quote.absent' }],
    ['an empty field', { field: 'quote.blank' }],
    ['a number in the field', { field: 'quote.num' }],
    ['a field naming an unknown user', { field: 'quote.nobody' }],
    ['managerOf a user without manager', { managerOf: 'quote.dealDesk' }],
    ['managerOf a user whose manager is unknown', { managerOf: 'quote.other' }],
    ['managerOf an unknown user', { managerOf: 'quote.nobody' }],
    ['managerOf a null field', { managerOf: 'quote.missing' }],
  ])('%s is approver_unresolved', (_, spec) => {
    const resolved = resolveApprovers(spec, QUOTE, DIRECTORY);
    expect(!resolved.ok && resolved.error.code).toBe('approver_unresolved');
  });
});

describe('delegation', () => {
  const delegations: Delegation[] = [
    {
      approver: 'john',
      delegate: 'mary',
      from: '2026-06-01',
      to: '2026-06-10',
    },
    { approver: 'mary', delegate: 'sue', from: '2026-06-01', to: '2026-06-30' },
    { approver: 'ann', delegate: 'bob', from: '2026-05-01', to: '2026-06-04' },
    { approver: 'kim', delegate: 'tom', from: '2026-06-08', to: '2026-06-20' },
    { approver: 'kim', delegate: 'tia', from: null, to: null },
    { approver: 'lee', delegate: 'lee', from: null, to: null },
  ];

  it.each<[string, string, string[]]>([
    ['john', '2026-06-05', ['mary']],
    ['john', '2026-06-01', ['mary']],
    ['john', '2026-06-10', ['mary']],
    ['john', '2026-06-11', []],
    ['mary', '2026-06-05', ['sue']],
    ['ann', '2026-06-04', ['bob']],
    ['ann', '2026-06-05', []],
    ['kim', '2026-06-05', ['tia']],
    ['kim', '2026-06-08', ['tom', 'tia']],
    ['lee', '2026-06-05', []],
    ['nobody', '2026-06-05', []],
  ])('%s on %s is stood in for by %p', (approver, today, delegates) => {
    expect(
      activeDelegates([approver], delegations, today).map((d) => d.delegate),
    ).toEqual(delegates);
  });

  it('does not chain: the delegate of a delegate is not added', () => {
    const assignments = activeDelegates(['john'], delegations, '2026-06-05');
    expect(assigneesOf(['john'], assignments)).toEqual(['john', 'mary']);
  });

  it('records whom each delegate stands in for', () => {
    expect(
      activeDelegates(['john', 'mary'], delegations, '2026-06-05'),
    ).toEqual([
      { delegate: 'mary', for: 'john' },
      { delegate: 'sue', for: 'mary' },
    ]);
  });

  it.each<[string | null, string | null, string, boolean]>([
    [null, null, '2026-01-01', true],
    ['2026-01-01', null, '2025-12-31', false],
    [null, '2026-01-31', '2026-01-31', true],
    [null, '2026-01-31', '2026-02-01', false],
  ])('isWithin(%p..%p, %s) = %p', (from, to, today, expected) => {
    expect(isWithin(today, from, to)).toBe(expected);
  });
});
