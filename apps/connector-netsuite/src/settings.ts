import { type CoreSettings, loadCoreSettings, SettingsError } from '@signet/connector-core';

export { SettingsError } from '@signet/connector-core';

export interface NetsuiteCredentials {
  /** Account id (e.g. `TSTDRV1234567` or `1234567_SB1`); also the OAuth `realm`. */
  account: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface NetsuiteSettings {
  core: CoreSettings;
  /** Root the REST paths hang off, without a trailing slash (`https://<account>.suitetalk.api.netsuite.com`). */
  baseUrl: string;
  credentials: NetsuiteCredentials;
}

export const REQUIRED_SETTINGS = [
  'NETSUITE_BASE_URL',
  'NETSUITE_ACCOUNT',
  'NETSUITE_CONSUMER_KEY',
  'NETSUITE_CONSUMER_SECRET',
  'NETSUITE_TOKEN_ID',
  'NETSUITE_TOKEN_SECRET',
] as const;

/**
 * Returns null when no NetSuite setting is present (the connector is disabled); throws when only
 * some are, since a half-configured connector is a mistake worth stopping for.
 */
export function loadSettings(env: NodeJS.ProcessEnv): NetsuiteSettings | null {
  const value = (key: (typeof REQUIRED_SETTINGS)[number]) => (env[key] ?? '').trim();
  const present = REQUIRED_SETTINGS.filter((key) => value(key) !== '');
  if (present.length === 0) return null;
  const missing = REQUIRED_SETTINGS.filter((key) => !present.includes(key));
  if (missing.length) throw new SettingsError(`missing ${missing.join(', ')} (set all NetSuite settings or none)`);
  let parsed: URL;
  try {
    parsed = new URL(value('NETSUITE_BASE_URL'));
  } catch {
    throw new SettingsError(`NETSUITE_BASE_URL '${value('NETSUITE_BASE_URL')}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SettingsError('NETSUITE_BASE_URL must be an http or https URL');
  return {
    core: loadCoreSettings(env, 'NETSUITE', { concurrency: 4, requestTimeoutMs: 30_000 }),
    baseUrl: value('NETSUITE_BASE_URL').replace(/\/+$/, ''),
    credentials: {
      account: value('NETSUITE_ACCOUNT'),
      consumerKey: value('NETSUITE_CONSUMER_KEY'),
      consumerSecret: value('NETSUITE_CONSUMER_SECRET'),
      tokenId: value('NETSUITE_TOKEN_ID'),
      tokenSecret: value('NETSUITE_TOKEN_SECRET'),
    },
  };
}
