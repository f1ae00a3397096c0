import { TestClient } from './api-client';
import { freePort, type RunningProcess, startApp } from './processes';
import { createTestDatabase, queuePrefix, redisUrl, type TestDatabase } from './test-env';

export const ADMIN_EMAIL = 'admin@e2e.signet';
export const ADMIN_PASSWORD = 'e2e-admin-password';
export const DEMO_ADMIN_EMAIL = 'admin@demo.signet';
export const WEBHOOK_SECRET = 'whsec_ZTJlLXdlYmhvb2stc2VjcmV0LXNpZ25ldA==';

export type QueueEngine = 'redis' | 'postgres';

export interface Stack {
  api: TestClient;
  admin: TestClient;
  db: TestDatabase;
  erpSimUrl: string;
  processes: RunningProcess[];
  /** Stops the API process and starts it again on the same port, database and queue prefix (a restart). */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A whole Signet on loopback for one suite: a fresh database, the API, the webhook connector and
 * the ERP simulator as real processes, with queues on Redis (own key prefix) or on PostgreSQL.
 */
export async function startStack(label: string, options: { engine?: QueueEngine; env?: Record<string, string>; connector?: boolean } = {}): Promise<Stack> {
  const engine = options.engine ?? 'redis';
  const db = await createTestDatabase(label);
  const processes: RunningProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db.drop();
  };
  try {
    const simPort = await freePort();
    const erpSim = await startApp('erp-sim', { ERP_SIM_PORT: String(simPort), ERP_SIM_WEBHOOK_SECRET: WEBHOOK_SECRET }, { port: simPort, readyPath: '/health' });
    processes.push(erpSim);
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL: engine === 'redis' ? redisUrl() : '',
      QUEUE_PREFIX: queuePrefix(label),
      WEBHOOK_TARGETS: `${erpSim.baseUrl}/webhooks|${WEBHOOK_SECRET}`,
      LOG_LEVEL: 'warn',
    };
    const apiEnv = { ...shared, BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, ...options.env };
    const api = await startApp('api', apiEnv, { readyPath: '/api/health' });
    processes.push(api);
    const restartApi = async () => {
      const index = processes.findIndex((p) => p.name === 'api');
      const port = Number(new URL(processes[index].baseUrl).port);
      await processes[index].stop();
      processes[index] = await startApp('api', apiEnv, { port, readyPath: '/api/health' });
    };
    if (options.connector !== false) {
      processes.push(await startApp('connector-webhook', shared));
    }
    const client = new TestClient(api.baseUrl);
    // With demo data the database is not empty, so no bootstrap admin is made: use the demo admin.
    const admin = options.env?.['SEED_DEMO'] === 'true'
      ? await client.login(DEMO_ADMIN_EMAIL, options.env['DEMO_PASSWORD'] ?? 'signet-demo')
      : await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    return { api: client, admin, db, erpSimUrl: erpSim.baseUrl, processes, restartApi, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

let userCounter = 0;

/** Creates a user with the given roles through the API and returns a client signed in as them. */
export async function userWithRoles(stack: Stack, roles: string[]): Promise<{ client: TestClient; id: string; email: string; password: string }> {
  userCounter += 1;
  const email = `${roles.join('-') || 'none'}-${userCounter}-${Date.now()}@e2e.signet`;
  const password = 'correct-horse-battery';
  const created = await stack.admin.post<{ id: string }>('/api/users', { email, displayName: `E2E ${roles.join(' ')}`, password, roles });
  if (created.status !== 201) throw new Error(`could not create user: ${created.status} ${JSON.stringify(created.body)}`);
  return { client: await stack.api.login(email, password), id: created.body.id, email, password };
}
