import { registerAs } from '@nestjs/config';
import Joi from 'joi';

/**
 * Every setting Signet reads, with a default that works for local development.
 * The README's configuration table lists the same keys; keep them in step.
 */
export const configSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:5432/signet'),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(10),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).allow('').default(''),
  QUEUE_PREFIX: Joi.string().pattern(/^[A-Za-z0-9_-]+$/).default('signet'),
  JWT_SECRET: Joi.string().min(16).default('signet-dev-access-secret-change-me'),
  JWT_REFRESH_SECRET: Joi.string().min(16).default('signet-dev-refresh-secret-change-me'),
  ACCESS_TOKEN_TTL_SECONDS: Joi.number().integer().min(30).default(900),
  REFRESH_TOKEN_TTL_SECONDS: Joi.number().integer().min(60).default(7 * 24 * 3600),
  LOGIN_RATE_LIMIT: Joi.number().integer().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: Joi.number().integer().min(1).default(60),
  JSON_BODY_LIMIT: Joi.string().pattern(/^\d+(kb|mb)$/).default('32mb'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  CONSOLE_DIR: Joi.string().allow('').default(''),
  SEED_DEMO: Joi.boolean().default(false),
  DEMO_PASSWORD: Joi.string().min(8).default('signet-demo'),
  WEBHOOK_TARGETS: Joi.string().allow('').default(''),
  BOOTSTRAP_ADMIN_EMAIL: Joi.string().email({ tlds: { allow: false } }).allow('').default(''),
  BOOTSTRAP_ADMIN_PASSWORD: Joi.string().min(8).allow('').default(''),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }).allow('').default(''),
  MAIL_FROM: Joi.string().max(200).default('Signet <signet@localhost>'),
  MAIL_CAPTURE: Joi.boolean().default(false),
  MAIL_CAPTURE_PORT: Joi.number().port().default(1025),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).allow('').default(''),
  APPROVAL_LINK_SECRET: Joi.string().min(16).default('signet-dev-approval-link-secret-change-me'),
  APPROVAL_LINK_TTL_HOURS: Joi.number().positive().max(24 * 90).default(168),
  SIGNET_TEST_CLOCK: Joi.boolean().default(false),
  DEFAULT_CURRENCY: Joi.string().pattern(/^[A-Z]{3}$/).default('USD'),
  RENEWAL_LEAD_DAYS: Joi.number().integer().min(0).max(3650).default(60),
  RENEWAL_SWEEP_MINUTES: Joi.number().integer().min(1).max(10080).default(60),
  SYNC_RELAY_ENABLED: Joi.boolean().default(true),
  SYNC_RELAY_POLL_MS: Joi.number().integer().min(100).max(600_000).default(2000),
  SYNC_RELAY_BATCH: Joi.number().integer().min(1).max(5000).default(200),
  SYNC_REDELIVERY_SECONDS: Joi.number().integer().min(1).max(86_400).default(60),
});

export interface AppSettings {
  env: 'development' | 'production' | 'test';
  port: number;
  logLevel: string;
  consoleDir: string;
  seedDemo: boolean;
  demoPassword: string;
  /** Creates this admin when the database has no users at all (first start of a real install). */
  bootstrapAdminEmail: string;
  bootstrapAdminPassword: string;
}

export interface DatabaseSettings {
  url: string;
  poolSize: number;
}

export interface QueueConfig {
  redisUrl: string | undefined;
  prefix: string;
}

export interface AuthSettings {
  jwtSecret: string;
  jwtRefreshSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
}

export interface ConnectorSettings {
  /** Only presence matters to the API: a connector whose settings are absent is disabled. */
  webhookTargets: string;
  sapBaseUrl: string;
  netsuiteBaseUrl: string;
}

export const appConfig = registerAs(
  'app',
  (): AppSettings => ({
    env: (process.env['NODE_ENV'] as AppSettings['env']) ?? 'development',
    port: Number(process.env['PORT'] ?? 3000),
    logLevel: process.env['LOG_LEVEL'] ?? 'info',
    consoleDir: process.env['CONSOLE_DIR'] ?? '',
    seedDemo: String(process.env['SEED_DEMO']) === 'true',
    demoPassword: process.env['DEMO_PASSWORD'] ?? 'signet-demo',
    bootstrapAdminEmail: process.env['BOOTSTRAP_ADMIN_EMAIL'] ?? '',
    bootstrapAdminPassword: process.env['BOOTSTRAP_ADMIN_PASSWORD'] ?? '',
  }),
);

export const databaseConfig = registerAs(
  'database',
  (): DatabaseSettings => ({
    url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/signet',
    poolSize: Number(process.env['DATABASE_POOL_SIZE'] ?? 10),
  }),
);

export const queueConfig = registerAs(
  'queue',
  (): QueueConfig => ({
    redisUrl: process.env['REDIS_URL'] || undefined,
    prefix: process.env['QUEUE_PREFIX'] ?? 'signet',
  }),
);

export const authConfig = registerAs(
  'auth',
  (): AuthSettings => ({
    jwtSecret: process.env['JWT_SECRET'] ?? 'signet-dev-access-secret-change-me',
    jwtRefreshSecret: process.env['JWT_REFRESH_SECRET'] ?? 'signet-dev-refresh-secret-change-me',
    accessTokenTtlSeconds: Number(process.env['ACCESS_TOKEN_TTL_SECONDS'] ?? 900),
    refreshTokenTtlSeconds: Number(process.env['REFRESH_TOKEN_TTL_SECONDS'] ?? 7 * 24 * 3600),
    loginRateLimit: Number(process.env['LOGIN_RATE_LIMIT'] ?? 10),
    loginRateWindowSeconds: Number(process.env['LOGIN_RATE_WINDOW_SECONDS'] ?? 60),
  }),
);

export const connectorConfig = registerAs(
  'connectors',
  (): ConnectorSettings => ({
    webhookTargets: process.env['WEBHOOK_TARGETS'] ?? '',
    sapBaseUrl: process.env['SAP_BASE_URL'] ?? '',
    netsuiteBaseUrl: process.env['NETSUITE_BASE_URL'] ?? '',
  }),
);

export interface NotificationSettings {
  /** Where mail goes; empty with capture off means email is disabled (notifications stay in-app). */
  smtpUrl: string;
  mailFrom: string;
  /** Runs a capturing SMTP server inside the API (development): mail is kept and shown in the console. */
  mailCapture: boolean;
  mailCapturePort: number;
  /** Base of links in messages (the console's origin). */
  publicUrl: string;
  linkSecret: string;
  linkTtlHours: number;
  /** Test-only: the clock can be set through /api/test-clock. Refused outside NODE_ENV=test. */
  testClock: boolean;
  /** Currency shown in messages for quotes without a `currency` field. */
  defaultCurrency: string;
}

export const notificationConfig = registerAs(
  'notifications',
  (): NotificationSettings => ({
    smtpUrl: process.env['SMTP_URL'] ?? '',
    mailFrom: process.env['MAIL_FROM'] ?? 'Signet <signet@localhost>',
    mailCapture: String(process.env['MAIL_CAPTURE']) === 'true',
    mailCapturePort: Number(process.env['MAIL_CAPTURE_PORT'] ?? 1025),
    publicUrl: (process.env['PUBLIC_URL'] || `http://127.0.0.1:${process.env['PORT'] ?? 3000}`).replace(/\/+$/, ''),
    linkSecret: process.env['APPROVAL_LINK_SECRET'] ?? 'signet-dev-approval-link-secret-change-me',
    linkTtlHours: Number(process.env['APPROVAL_LINK_TTL_HOURS'] ?? 168),
    testClock: String(process.env['SIGNET_TEST_CLOCK']) === 'true',
    defaultCurrency: process.env['DEFAULT_CURRENCY'] ?? 'USD',
  }),
);

export interface ContractsSettings {
  /** A renewal quote is generated this many days before a contract ends. */
  renewalLeadDays: number;
  /** How often the renewal and expiry sweep runs. */
  sweepMinutes: number;
}

export const contractsConfig = registerAs(
  'contracts',
  (): ContractsSettings => ({
    renewalLeadDays: Number(process.env['RENEWAL_LEAD_DAYS'] ?? 60),
    sweepMinutes: Number(process.env['RENEWAL_SWEEP_MINUTES'] ?? 60),
  }),
);

export interface SyncRelaySettings {
  /** Publishes the outbox from this process (every API process may; SKIP LOCKED shares the work). */
  enabled: boolean;
  /** Polling fallback when no NOTIFY arrives (e.g. the listening connection dropped). */
  pollMs: number;
  batch: number;
  /** A ledger entry still pending this long is re-published if its job is gone from the queue. */
  redeliverySeconds: number;
}

export const syncRelayConfig = registerAs(
  'syncRelay',
  (): SyncRelaySettings => ({
    enabled: String(process.env['SYNC_RELAY_ENABLED'] ?? 'true') !== 'false',
    pollMs: Number(process.env['SYNC_RELAY_POLL_MS'] ?? 2000),
    batch: Number(process.env['SYNC_RELAY_BATCH'] ?? 200),
    redeliverySeconds: Number(process.env['SYNC_REDELIVERY_SECONDS'] ?? 60),
  }),
);

export const ALL_CONFIGS = [appConfig, databaseConfig, queueConfig, authConfig, connectorConfig, notificationConfig, contractsConfig, syncRelayConfig];
