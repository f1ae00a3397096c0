import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';

const now = new Date('2026-11-28T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['delay-seconds', '3', 3_000],
    ['zero', '0', 0],
    ['spaces', ' 2 ', 2_000],
    ['an HTTP-date 10 s ahead', 'Sat, 28 Nov 2026 12:00:10 GMT', 10_000],
    ['an HTTP-date in the past', 'Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['huge delay is capped', '999999', MAX_RETRY_AFTER_MS],
    ['missing', undefined, 1_234],
    ['empty', '', 1_234],
    ['garbage', 'soon', 1_234],
    ['negative', '-5', 1_234],
    ['fraction', '1.5', 1_234],
  ])('%s', (_label, header, expected) => {
    expect(parseRetryAfter(header, now, 1_234)).toBe(expected);
  });
});
