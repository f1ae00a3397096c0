export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface ConnectorSettings {
  redisUrl: string | undefined;
  databaseUrl: string;
  queuePrefix: string;
  targets: WebhookTarget[];
  concurrency: number;
  requestTimeoutMs: number;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * WEBHOOK_TARGETS is a comma-separated list of `url|secret` pairs; secrets use the Standard
 * Webhooks form `whsec_<base64>`.
 */
export function parseTargets(raw: string): WebhookTarget[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry, index) => {
      const separator = entry.lastIndexOf('|');
      if (separator < 0) throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1} must be 'url|secret'`);
      const url = entry.slice(0, separator).trim();
      const secret = entry.slice(separator + 1).trim();
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: '${url}' is not a URL`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: only http and https URLs are supported`);
      }
      if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret)) {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: the secret must look like whsec_<base64>`);
      }
      return { url, secret };
    });
}

function positiveInt(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new SettingsError(`${key} must be a positive integer`);
  return value;
}

export function loadSettings(env: NodeJS.ProcessEnv): ConnectorSettings {
  return {
    redisUrl: env['REDIS_URL'] || undefined,
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/signet',
    queuePrefix: env['QUEUE_PREFIX'] || 'signet',
    targets: parseTargets(env['WEBHOOK_TARGETS'] ?? ''),
    concurrency: positiveInt(env, 'WEBHOOK_CONCURRENCY', 4),
    requestTimeoutMs: positiveInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
  };
}
