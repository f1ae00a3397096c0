import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TbaCredentials {
  account: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** The values the test stack gives the connector (libs/shared/testing stack.ts); env overrides them. */
export const DEFAULT_TBA: TbaCredentials = {
  account: 'TSTDRV1234567',
  consumerKey: 'e2e-consumer-key',
  consumerSecret: 'e2e-consumer-secret',
  tokenId: 'e2e-token-id',
  tokenSecret: 'e2e-token-secret',
};

export function tbaFromEnv(env: NodeJS.ProcessEnv): TbaCredentials {
  return {
    account: env['ERP_SIM_NETSUITE_ACCOUNT'] || DEFAULT_TBA.account,
    consumerKey: env['ERP_SIM_NETSUITE_CONSUMER_KEY'] || DEFAULT_TBA.consumerKey,
    consumerSecret: env['ERP_SIM_NETSUITE_CONSUMER_SECRET'] || DEFAULT_TBA.consumerSecret,
    tokenId: env['ERP_SIM_NETSUITE_TOKEN_ID'] || DEFAULT_TBA.tokenId,
    tokenSecret: env['ERP_SIM_NETSUITE_TOKEN_SECRET'] || DEFAULT_TBA.tokenSecret,
  };
}

/** RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 §3.6) wants it. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth realm="…", oauth_consumer_key="…", …` into decoded parameters; null if not OAuth. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)) {
    params[match[1]] = decodeURIComponent(match[2]);
  }
  return params;
}

/**
 * The signature base string of RFC 5849 §3.4.1, written here independently of the connector's
 * library so the simulator really checks it: method, base URL, and the sorted, encoded oauth_*
 * and query parameters (the realm and the signature itself are left out).
 */
export function signatureBaseString(method: string, url: URL, oauth: Record<string, string>): string {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(oauth)) if (k !== 'realm' && k !== 'oauth_signature') pairs.push([rfc3986(k), rfc3986(v)]);
  for (const [k, v] of url.searchParams) pairs.push([rfc3986(k), rfc3986(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const normalised = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const baseUrl = `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  return `${method.toUpperCase()}&${rfc3986(baseUrl)}&${rfc3986(normalised)}`;
}

export type TbaCheck = { ok: true } | { ok: false; reason: string };

/** Max skew between the caller's oauth_timestamp and our clock (NetSuite rejects old timestamps too). */
export const MAX_TIMESTAMP_SKEW_S = 300;

export class TbaVerifier {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly credentials: TbaCredentials) {}

  verify(method: string, url: URL, authorization: string | undefined, now: Date = new Date()): TbaCheck {
    const oauth = parseOAuthHeader(authorization);
    if (!oauth) return { ok: false, reason: 'no OAuth Authorization header' };
    const c = this.credentials;
    if (oauth['realm'] !== c.account) return { ok: false, reason: `realm '${oauth['realm'] ?? ''}' is not account ${c.account}` };
    if (oauth['oauth_signature_method'] !== 'HMAC-SHA256') return { ok: false, reason: 'signature method must be HMAC-SHA256' };
    if (oauth['oauth_version'] !== undefined && oauth['oauth_version'] !== '1.0') return { ok: false, reason: 'oauth_version must be 1.0' };
    if (oauth['oauth_consumer_key'] !== c.consumerKey) return { ok: false, reason: 'unknown consumer key' };
    if (oauth['oauth_token'] !== c.tokenId) return { ok: false, reason: 'unknown token' };
    const timestamp = Number(oauth['oauth_timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > MAX_TIMESTAMP_SKEW_S) return { ok: false, reason: 'timestamp missing or too far from now' };
    const nonce = oauth['oauth_nonce'];
    if (!nonce) return { ok: false, reason: 'nonce missing' };
    const key = `${rfc3986(c.consumerSecret)}&${rfc3986(c.tokenSecret)}`;
    const expected = createHmac('sha256', key).update(signatureBaseString(method, url, oauth)).digest();
    const given = Buffer.from(oauth['oauth_signature'] ?? '', 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature does not match' };
    this.forgetOldNonces(now);
    if (this.nonces.has(`${timestamp}:${nonce}`)) return { ok: false, reason: 'nonce already used' };
    this.nonces.set(`${timestamp}:${nonce}`, timestamp);
    return { ok: true };
  }

  private forgetOldNonces(now: Date): void {
    const oldest = now.getTime() / 1000 - MAX_TIMESTAMP_SKEW_S;
    for (const [key, ts] of this.nonces) if (ts < oldest) this.nonces.delete(key);
  }
}
