import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Where integration tests find their services. `npm test` decides once per run and passes it on:
 * SIGNET_TEST_PG_SERVER (an admin URL on a PostgreSQL server) and SIGNET_TEST_REDIS_URL.
 */
export function pgServerUrl(): string {
  return process.env['SIGNET_TEST_PG_SERVER'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function redisUrl(): string {
  return process.env['SIGNET_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

/** One id per test run, so parallel or leftover runs never share a database or a key prefix. */
export const RUN_ID = process.env['SIGNET_TEST_RUN_ID'] ?? `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(pgServerUrl(), 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty database for one suite; `drop()` removes it (and any connections left). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `signet_t_${RUN_ID}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(pgServerUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export function queuePrefix(label: string): string {
  return `signet-test-${RUN_ID}-${label}`;
}
