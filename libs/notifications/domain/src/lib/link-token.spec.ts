import { createHmac } from 'node:crypto';
import {
  linkExpiry,
  type LinkClaims,
  signLinkToken,
  verifyLinkToken,
} from './link-token';

const SECRET = 'test-link-secret-0123456789';
const NOW = new Date('2025-01-06T10:00:00Z');
const CLAIMS: LinkClaims = {
  linkId: '5f0c7c1e-8a47-4c4e-9d43-3a4e2f1b0a11',
  requestId: '0b4d1f38-7c0e-4d2a-a0a1-1f5d7e9c3b22',
  assigneeId: 'c2a7e3f4-1d5b-4e6f-8a9b-0c1d2e3f4a55',
  decision: 'approve',
  expiresAt: linkExpiry(NOW, 168),
};

function flipChar(text: string, index: number): string {
  const c = text[index];
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('link tokens', () => {
  const token = signLinkToken(CLAIMS, SECRET);

  it('round-trips its claims', () => {
    expect(verifyLinkToken(token, SECRET, NOW)).toEqual({
      ok: true,
      claims: CLAIMS,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('the approve and reject links of one email differ but share the link id', () => {
    const reject = signLinkToken({ ...CLAIMS, decision: 'reject' }, SECRET);
    expect(reject).not.toBe(token);
    const verified = verifyLinkToken(reject, SECRET, NOW);
    expect(verified.ok && verified.claims.linkId).toBe(CLAIMS.linkId);
    expect(verified.ok && verified.claims.decision).toBe('reject');
  });

  it.each<[string, Date, boolean]>([
    ['just issued', NOW, true],
    ['one ms before expiry', new Date(CLAIMS.expiresAt - 1), true],
    ['at expiry', new Date(CLAIMS.expiresAt), false],
    ['eight days later', new Date(NOW.getTime() + 8 * 24 * 3_600_000), false],
  ])('expiry: %s', (_name, at, valid) => {
    const result = verifyLinkToken(token, SECRET, at);
    expect(result.ok).toBe(valid);
    if (!result.ok)
      expect(result).toEqual({ ok: false, reason: 'expired', claims: CLAIMS });
  });

  const [body, signature] = token.split('.');
  const otherBody = Buffer.from(
    JSON.stringify({
      v: 1,
      l: CLAIMS.linkId,
      r: CLAIMS.requestId,
      a: 'someone-else',
      d: 'approve',
      e: CLAIMS.expiresAt,
    }),
  ).toString('base64url');

  it.each<[string, string, string]>([
    [
      'a changed body (another assignee)',
      `${otherBody}.${signature}`,
      'bad_signature',
    ],
    [
      'a changed signature',
      `${body}.${flipChar(signature, 3)}`,
      'bad_signature',
    ],
    [
      'a truncated signature',
      `${body}.${signature.slice(0, 20)}`,
      'bad_signature',
    ],
    [
      'another secret',
      signLinkToken(CLAIMS, 'another-secret-0123456789'),
      'bad_signature',
    ],
    ['no signature', body, 'malformed'],
    ['three parts', `${token}.x`, 'malformed'],
    ['not base64url', `${body}.${signature}!`, 'malformed'],
    ['empty', '', 'malformed'],
  ])('refuses %s', (_name, tampered, reason) => {
    expect(verifyLinkToken(tampered, SECRET, NOW)).toEqual({
      ok: false,
      reason,
    });
  });

  it('refuses a correctly signed body that is not a claim set', () => {
    const junk = Buffer.from(JSON.stringify({ v: 1, l: 'x' })).toString(
      'base64url',
    );
    const sig = createHmac('sha256', SECRET)
      .update(`signet-approval-link.v1.${junk}`)
      .digest('base64url');
    expect(verifyLinkToken(`${junk}.${sig}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('needs a long enough secret and a positive lifetime', () => {
    expect(() => signLinkToken(CLAIMS, 'short')).toThrow(/at least 16/);
    expect(() => linkExpiry(NOW, 0)).toThrow(RangeError);
    expect(linkExpiry(NOW, 1)).toBe(NOW.getTime() + 3_600_000);
  });
});
