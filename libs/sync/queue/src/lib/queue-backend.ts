import { type ConnectionOptions, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';

export type QueueEngine = 'redis' | 'postgres';

export interface QueueSettings {
  /** When set, BullMQ runs on Redis (the production engine). */
  redisUrl?: string;
  /** The application database; BullMQ's PostgreSQL backend uses it when there is no Redis. */
  databaseUrl: string;
  /** Key prefix (Redis) so several deployments or test runs can share one server. */
  prefix: string;
}

export interface QueueBackend {
  readonly engine: QueueEngine;
  /** Connection options to hand to every Queue, Worker and QueueEvents. */
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  /** A one-line description for start banners and health output (no credentials). */
  describe(): string;
  /** Throws when the engine cannot be reached. */
  ping(timeoutMs?: number): Promise<void>;
}

/** PostgreSQL schema that holds BullMQ's own tables when it runs on the application database. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

class RedisQueueBackend implements QueueBackend {
  readonly engine = 'redis' as const;
  readonly connection: ConnectionOptions;

  constructor(
    private readonly url: string,
    readonly prefix: string,
  ) {
    this.connection = { url, maxRetriesPerRequest: null } as ConnectionOptions;
  }

  describe(): string {
    return `Redis at ${redactUrl(this.url)} (prefix "${this.prefix}")`;
  }

  async ping(timeoutMs = 2_000): Promise<void> {
    const client = new IORedis(this.url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }
}

class PostgresQueueBackendChoice implements QueueBackend {
  readonly engine = 'postgres' as const;
  readonly connection: ConnectionOptions;

  constructor(
    private readonly url: string,
    readonly prefix: string,
  ) {
    this.connection = { connectionString: url, schema: POSTGRES_QUEUE_SCHEMA, migrate: true } as unknown as ConnectionOptions;
  }

  describe(): string {
    return `PostgreSQL at ${redactUrl(this.url)} (schema "${POSTGRES_QUEUE_SCHEMA}")`;
  }

  async ping(timeoutMs = 2_000): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: timeoutMs });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * The one place that chooses BullMQ's engine: Redis when a URL is configured, otherwise
 * BullMQ's PostgreSQL backend on the application database. It sets BullMQ's process-wide
 * default backend, so every Queue and Worker built afterwards (including those made by
 * `@nestjs/bullmq`) uses it without knowing which engine is in use.
 */
export function configureQueueBackend(settings: QueueSettings): QueueBackend {
  if (settings.redisUrl) {
    setDefaultBackendFactory();
    return new RedisQueueBackend(settings.redisUrl, settings.prefix);
  }
  setDefaultBackendFactory(createPostgresBackend as Parameters<typeof setDefaultBackendFactory>[0]);
  return new PostgresQueueBackendChoice(settings.databaseUrl, settings.prefix);
}
