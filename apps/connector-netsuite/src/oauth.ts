import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { NetsuiteCredentials } from './settings';

/** Fixed nonce and timestamp, for known-answer tests; normal calls let the library draw them. */
export interface SigningOverrides {
  nonce?: string;
  timestamp?: number;
}

/**
 * NetSuite token-based authentication: OAuth 1.0a with HMAC-SHA256, the account id as `realm`,
 * and no body hash (the JSON body is not part of the signature base string).
 */
export function authorizationHeader(credentials: NetsuiteCredentials, method: string, url: string, overrides: SigningOverrides = {}): string {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: credentials.account,
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  if (overrides.nonce !== undefined) oauth.getNonce = () => overrides.nonce as string;
  if (overrides.timestamp !== undefined) oauth.getTimeStamp = () => overrides.timestamp as number;
  const data = oauth.authorize({ url, method }, { key: credentials.tokenId, secret: credentials.tokenSecret });
  return oauth.toHeader(data).Authorization;
}
