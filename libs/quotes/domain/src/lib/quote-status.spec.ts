import { checkDeletable, editOutcome } from './quote-status';
import type { QuoteStatus } from './model';

describe('editOutcome (conformance 1.3, 1.7)', () => {
  it.each([
    ['draft', { status: 'draft', approvalVoided: false }],
    ['rejected', { status: 'rejected', approvalVoided: false }],
    ['recalled', { status: 'recalled', approvalVoided: false }],
    ['approved', { status: 'draft', approvalVoided: true }],
    ['pending', 'quote_locked'],
  ] as const)('%s → %j', (status, expected) => {
    const result = editOutcome(status as QuoteStatus);
    expect(result.ok ? result.value : result.error.code).toEqual(expected);
  });
});

describe('checkDeletable', () => {
  it.each([
    ['draft', true],
    ['rejected', true],
    ['recalled', true],
    ['pending', 'quote_locked'],
    ['approved', 'invalid_state'],
  ] as const)('%s → %s', (status, expected) => {
    const result = checkDeletable(status as QuoteStatus);
    expect(result.ok ? result.value : result.error.code).toBe(expected);
  });
});
