export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Settings every connector process reads the same way (twelve-factor: all from the environment). */
export interface CoreSettings {
  redisUrl: string | undefined;
  databaseUrl: string;
  queuePrefix: string;
  concurrency: number;
  requestTimeoutMs: number;
  /** When set, Prometheus metrics are served on this port at `/metrics`. */
  metricsPort: number | undefined;
  logLevel: string;
}

export function positiveInt(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new SettingsError(`${key} must be a positive integer`);
  return value;
}

/** `envPrefix` names the connector's own knobs: `<PREFIX>_CONCURRENCY`, `<PREFIX>_TIMEOUT_MS`. */
export function loadCoreSettings(env: NodeJS.ProcessEnv, envPrefix: string, defaults: { concurrency?: number; requestTimeoutMs?: number } = {}): CoreSettings {
  const metricsRaw = env['METRICS_PORT'];
  let metricsPort: number | undefined;
  if (metricsRaw !== undefined && metricsRaw !== '') {
    metricsPort = Number(metricsRaw);
    if (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535) throw new SettingsError('METRICS_PORT must be a port number');
  }
  return {
    redisUrl: env['REDIS_URL'] || undefined,
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/signet',
    queuePrefix: env['QUEUE_PREFIX'] || 'signet',
    concurrency: positiveInt(env, `${envPrefix}_CONCURRENCY`, defaults.concurrency ?? 4),
    requestTimeoutMs: positiveInt(env, `${envPrefix}_TIMEOUT_MS`, defaults.requestTimeoutMs ?? 10_000),
    metricsPort,
    logLevel: env['LOG_LEVEL'] || 'info',
  };
}
