import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkDecision = 'approve' | 'reject';
export const LINK_DECISIONS: readonly LinkDecision[] = ['approve', 'reject'];

/** Default lifetime of an emailed approve/reject link. */
export const DEFAULT_LINK_TTL_HOURS = 7 * 24;

/**
 * What a one-tap link says, signed. `linkId` is shared by the approve and reject links of one
 * email: the first use of either spends both (single use is recorded by the caller, in the DB).
 */
export interface LinkClaims {
  readonly linkId: string;
  readonly requestId: string;
  readonly assigneeId: string;
  readonly decision: LinkDecision;
  /** Expiry instant, epoch milliseconds. */
  readonly expiresAt: number;
}

export type LinkVerification =
  | { readonly ok: true; readonly claims: LinkClaims }
  | {
      readonly ok: false;
      readonly reason: 'malformed' | 'bad_signature' | 'expired';
      readonly claims?: LinkClaims;
    };

const VERSION = 1;

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(`signet-approval-link.v${VERSION}.${body}`)
    .digest();
}

/** `<base64url(JSON claims)>.<base64url(HMAC-SHA256)>` — URL-safe, no padding. */
export function signLinkToken(claims: LinkClaims, secret: string): string {
  if (secret.length < 16)
    throw new RangeError(
      'the link signing secret must have at least 16 characters',
    );
  const body = Buffer.from(
    JSON.stringify({
      v: VERSION,
      l: claims.linkId,
      r: claims.requestId,
      a: claims.assigneeId,
      d: claims.decision,
      e: claims.expiresAt,
    }),
  ).toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

function parseClaims(body: string): LinkClaims | null {
  try {
    const raw: unknown = JSON.parse(
      Buffer.from(body, 'base64url').toString('utf8'),
    );
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    const strings = [r['l'], r['r'], r['a']].every(
      (v) => typeof v === 'string' && v.length > 0 && v.length <= 100,
    );
    if (
      r['v'] !== VERSION ||
      !strings ||
      !LINK_DECISIONS.includes(r['d'] as LinkDecision) ||
      !Number.isSafeInteger(r['e'])
    )
      return null;
    return {
      linkId: r['l'] as string,
      requestId: r['r'] as string,
      assigneeId: r['a'] as string,
      decision: r['d'] as LinkDecision,
      expiresAt: r['e'] as number,
    };
  } catch {
    return null;
  }
}

/**
 * Checks signature first (a tampered token says nothing trustworthy), then expiry at `now`.
 * Single use, reassignment and the request's state are for the caller, who has the database.
 */
export function verifyLinkToken(
  token: string,
  secret: string,
  now: Date,
): LinkVerification {
  const parts = token.split('.');
  if (
    parts.length !== 2 ||
    !/^[A-Za-z0-9_-]+$/.test(parts[0]) ||
    !/^[A-Za-z0-9_-]+$/.test(parts[1]) ||
    token.length > 2048
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const [body, signature] = parts;
  const expected = sign(body, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const claims = parseClaims(body);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= claims.expiresAt)
    return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

export function linkExpiry(issuedAt: Date, ttlHours: number): number {
  if (!Number.isFinite(ttlHours) || ttlHours <= 0)
    throw new RangeError(`link lifetime must be > 0 hours (got ${ttlHours})`);
  return issuedAt.getTime() + Math.round(ttlHours * 3_600_000);
}
