export interface NetsuiteCredentials {
  /** Account id (e.g. `TSTDRV1234567` or `1234567_SB1`); also the OAuth `realm`. */
  account: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface ConnectorSettings {
  redisUrl: string | undefined;
  databaseUrl: string;
  queuePrefix: string;
  /** Root the REST paths hang off, without a trailing slash (`https://<account>.suitetalk.api.netsuite.com`). */
  baseUrl: string;
  credentials: NetsuiteCredentials;
  concurrency: number;
  requestTimeoutMs: number;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export const REQUIRED_SETTINGS = [
  'NETSUITE_BASE_URL',
  'NETSUITE_ACCOUNT',
  'NETSUITE_CONSUMER_KEY',
  'NETSUITE_CONSUMER_SECRET',
  'NETSUITE_TOKEN_ID',
  'NETSUITE_TOKEN_SECRET',
] as const;

function positiveInt(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new SettingsError(`${key} must be a positive integer`);
  return value;
}

/**
 * Returns null when no NetSuite setting is present (the connector is disabled); throws when only
 * some are, since a half-configured connector is a mistake worth stopping for.
 */
export function loadSettings(env: NodeJS.ProcessEnv): ConnectorSettings | null {
  const present = REQUIRED_SETTINGS.filter((key) => (env[key] ?? '').trim() !== '');
  if (present.length === 0) return null;
  const missing = REQUIRED_SETTINGS.filter((key) => !present.includes(key));
  if (missing.length) throw new SettingsError(`missing ${missing.join(', ')} (set all NetSuite settings or none)`);
  const value = (key: (typeof REQUIRED_SETTINGS)[number]) => (env[key] ?? '').trim();
  let parsed: URL;
  try {
    parsed = new URL(value('NETSUITE_BASE_URL'));
  } catch {
    throw new SettingsError(`NETSUITE_BASE_URL '${value('NETSUITE_BASE_URL')}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SettingsError('NETSUITE_BASE_URL must be an http or https URL');
  return {
    redisUrl: env['REDIS_URL'] || undefined,
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/signet',
    queuePrefix: env['QUEUE_PREFIX'] || 'signet',
    baseUrl: value('NETSUITE_BASE_URL').replace(/\/+$/, ''),
    credentials: {
      account: value('NETSUITE_ACCOUNT'),
      consumerKey: value('NETSUITE_CONSUMER_KEY'),
      consumerSecret: value('NETSUITE_CONSUMER_SECRET'),
      tokenId: value('NETSUITE_TOKEN_ID'),
      tokenSecret: value('NETSUITE_TOKEN_SECRET'),
    },
    concurrency: positiveInt(env, 'NETSUITE_CONCURRENCY', 4),
    requestTimeoutMs: positiveInt(env, 'NETSUITE_TIMEOUT_MS', 30_000),
  };
}
