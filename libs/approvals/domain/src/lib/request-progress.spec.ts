import {
  countDistinctVouchers,
  isRequestSatisfied,
  seatsHeldBy,
  type Decision,
} from './request-progress';
import type { RequestMode } from './resolve-approvers';

const approve = (by: string, ...onBehalfOf: string[]): Decision => ({
  by,
  onBehalfOf,
  decision: 'approve',
  comment: null,
  on: '2026-06-05',
});

const MEMBERS = ['f1', 'f2', 'f3'];

describe('isRequestSatisfied', () => {
  it.each<[string, RequestMode, Decision[], boolean]>([
    ['any: nothing yet', 'any', [], false],
    ['any: one approval', 'any', [approve('f2', 'f2')], true],
    [
      'all: two of three',
      'all',
      [approve('f1', 'f1'), approve('f2', 'f2')],
      false,
    ],
    [
      'all: everyone',
      'all',
      [approve('f1', 'f1'), approve('f2', 'f2'), approve('f3', 'f3')],
      true,
    ],
    [
      'all: a repeat adds nothing',
      'all',
      [approve('f1', 'f1'), approve('f1', 'f1'), approve('f2', 'f2')],
      false,
    ],
    [
      'all: a delegate covers its member',
      'all',
      [approve('f1', 'f1'), approve('mary', 'f2'), approve('f3', 'f3')],
      true,
    ],
    [
      'all: one delegate for two members covers both',
      'all',
      [approve('f1', 'f1'), approve('mary', 'f2', 'f3')],
      true,
    ],
    [
      'all: a member who is also a delegate covers both seats',
      'all',
      [approve('f1', 'f1', 'f2'), approve('f3', 'f3')],
      true,
    ],
    ['quorum 2: one approval', { quorum: 2 }, [approve('f1', 'f1')], false],
    [
      'quorum 2: two members',
      { quorum: 2 },
      [approve('f1', 'f1'), approve('f3', 'f3')],
      true,
    ],
    [
      'quorum 2: the same member twice',
      { quorum: 2 },
      [approve('f1', 'f1'), approve('f1', 'f1')],
      false,
    ],
    [
      'quorum 2: member and its own delegate count once',
      { quorum: 2 },
      [approve('f1', 'f1'), approve('mary', 'f1')],
      false,
    ],
    [
      'quorum 2: a delegate holding two seats is one person',
      { quorum: 2 },
      [approve('mary', 'f1', 'f2')],
      false,
    ],
    [
      'quorum 2: a delegate and another member',
      { quorum: 2 },
      [approve('mary', 'f1', 'f2'), approve('f2', 'f2')],
      true,
    ],
    [
      'quorum 2: two delegates for different members',
      { quorum: 2 },
      [approve('mary', 'f1'), approve('sue', 'f2')],
      true,
    ],
    [
      'rejections do not count',
      'any',
      [{ ...approve('f1', 'f1'), decision: 'reject' }],
      false,
    ],
  ])('%s → %p', (_, mode, decisions, expected) => {
    expect(isRequestSatisfied(mode, MEMBERS, decisions)).toBe(expected);
  });

  it('finds the best pairing of people to seats', () => {
    // x and y can only vouch for f1; z for f2 or f3 → at most 2 distinct seats by distinct people.
    expect(
      countDistinctVouchers(
        [approve('x', 'f1'), approve('y', 'f1'), approve('z', 'f2', 'f3')],
        MEMBERS,
      ),
    ).toBe(2);
    // a greedy pairing would give p→f1 and leave q stranded; the matching re-routes p to f2.
    expect(
      countDistinctVouchers(
        [approve('p', 'f1', 'f2'), approve('q', 'f1')],
        MEMBERS,
      ),
    ).toBe(2);
  });
});

describe('seatsHeldBy', () => {
  const delegates = [
    { delegate: 'mary', for: 'f1' },
    { delegate: 'mary', for: 'f2' },
    { delegate: 'f3', for: 'f1' },
  ];
  it.each<[string, string[]]>([
    ['f1', ['f1']],
    ['mary', ['f1', 'f2']],
    ['f3', ['f3', 'f1']],
    ['stranger', []],
  ])('%s holds %p', (actor, seats) => {
    expect(seatsHeldBy(actor, MEMBERS, delegates)).toEqual(seats);
  });
});
