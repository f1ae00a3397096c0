import { dueForRedelivery, type QueuedJobState, shouldRepublish } from './redelivery';

const now = new Date('2026-11-28T12:00:00Z');
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);

describe('dueForRedelivery', () => {
  it.each<[number[], number, string[]]>([
    [[5, 59, 60, 61, 3600], 60, ['3600', '61', '60']],
    [[0], 1, []],
    [[10, 20], 5, ['20', '10']],
  ])('pending for %j seconds with a %i s threshold → %j (oldest first)', (ages, threshold, expected) => {
    const pending = ages.map((age) => ({ id: String(age), jobId: `evt-sap-${age}`, publishedAt: at(age) }));
    expect(dueForRedelivery(pending, now, threshold).map((p) => p.id)).toEqual(expected);
  });
});

describe('shouldRepublish', () => {
  it.each<[QueuedJobState, boolean]>([
    ['missing', true],
    ['unknown', true],
    ['waiting', false],
    ['active', false],
    ['delayed', false],
    ['prioritized', false],
    ['completed', false],
    ['failed', false],
  ])('%s → %s', (state, expected) => {
    expect(shouldRepublish(state)).toBe(expected);
  });
});
