import { TestClient } from './api-client';
import { freePort, type RunningProcess, startApp } from './processes';
import { createTestDatabase, queuePrefix, redisUrl, type TestDatabase } from './test-env';

export const ADMIN_EMAIL = 'admin@e2e.signet';
export const ADMIN_PASSWORD = 'e2e-admin-password';
export const DEMO_ADMIN_EMAIL = 'admin@demo.signet';
export const WEBHOOK_SECRET = 'whsec_ZTJlLXdlYmhvb2stc2VjcmV0LXNpZ25ldA==';

export type QueueEngine = 'redis' | 'postgres';
export type StackConnector = 'webhook' | 'sap' | 'netsuite';

/** Settings of each connector against the simulator (the API reads them too: present = enabled). */
export function connectorEnv(connector: StackConnector, erpSimUrl: string): Record<string, string> {
  switch (connector) {
    case 'webhook':
      return { WEBHOOK_TARGETS: `${erpSimUrl}/webhooks|${WEBHOOK_SECRET}` };
    case 'sap':
      return {
        SAP_BASE_URL: `${erpSimUrl}/sap/opu/odata/sap/API_SALES_ORDER_SRV`,
        SAP_USERNAME: 'SIGNET_E2E',
        SAP_PASSWORD: 'sap-e2e-password',
        SAP_SALES_ORGANIZATION: '1710',
        SAP_DISTRIBUTION_CHANNEL: '10',
        SAP_DIVISION: '00',
        SAP_ORDER_TYPE: 'OR',
      };
    case 'netsuite':
      return {
        NETSUITE_BASE_URL: `${erpSimUrl}/netsuite`,
        NETSUITE_ACCOUNT: 'TSTDRV1234567',
        NETSUITE_CONSUMER_KEY: 'e2e-consumer-key',
        NETSUITE_CONSUMER_SECRET: 'e2e-consumer-secret',
        NETSUITE_TOKEN_ID: 'e2e-token-id',
        NETSUITE_TOKEN_SECRET: 'e2e-token-secret',
      };
  }
}

export interface Stack {
  api: TestClient;
  admin: TestClient;
  db: TestDatabase;
  erpSimUrl: string;
  processes: RunningProcess[];
  /** Stops the API process and starts it again on the same port, database and queue prefix (a restart). */
  restartApi(): Promise<void>;
  /** The running process of an app (`api`, `erp-sim`, `connector-sap`…); throws if the stack has none. */
  process(name: string): RunningProcess;
  /**
   * Starts the named app again with the same environment and port. A process still running is
   * stopped gracefully first; one killed (e.g. with SIGKILL) is simply started again.
   */
  restart(name: string): Promise<RunningProcess>;
  stop(): Promise<void>;
}

/**
 * A whole Signet on loopback for one suite: a fresh database, the API, the webhook connector and
 * the ERP simulator as real processes, with queues on Redis (own key prefix) or on PostgreSQL.
 */
export async function startStack(
  label: string,
  options: {
    engine?: QueueEngine;
    env?: Record<string, string>;
    /** false starts no connector process (the API still sees the webhook connector as enabled). */
    connector?: boolean;
    /** Connectors to enable and run as processes; default: the webhook connector only. */
    connectors?: StackConnector[];
    /** Extra environment of the simulator (e.g. ERP_SIM_FAULTS). */
    simEnv?: Record<string, string>;
    /** Extra environment of the connector processes only (e.g. short retry backoffs). */
    connectorEnv?: Record<string, string>;
    /** Redis of this stack instead of the shared one (e.g. a private redis-server the test restarts). */
    redisUrl?: string;
  } = {},
): Promise<Stack> {
  const engine = options.engine ?? 'redis';
  const connectors = options.connectors ?? ['webhook'];
  const db = await createTestDatabase(label);
  const processes: RunningProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db.drop();
  };
  try {
    const simPort = await freePort();
    const erpSim = await startApp('erp-sim', { ERP_SIM_PORT: String(simPort), ERP_SIM_WEBHOOK_SECRET: WEBHOOK_SECRET, ...options.simEnv }, { port: simPort, readyPath: '/health' });
    processes.push(erpSim);
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL: engine === 'redis' ? (options.redisUrl ?? redisUrl()) : '',
      QUEUE_PREFIX: queuePrefix(label),
      LOG_LEVEL: 'warn',
      ...Object.assign({}, ...connectors.map((c) => connectorEnv(c, erpSim.baseUrl))),
    };
    const apiEnv = { ...shared, BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, ...options.env };
    const api = await startApp('api', apiEnv, { readyPath: '/api/health' });
    processes.push(api);
    const find = (name: string) => {
      const index = processes.findIndex((p) => p.name === name);
      if (index < 0) throw new Error(`the stack runs no ${name} (it runs ${processes.map((p) => p.name).join(', ')})`);
      return index;
    };
    const restart = async (name: string) => {
      const index = find(name);
      const { app, env, port, readyPath } = processes[index].started;
      await processes[index].stop();
      processes[index] = await startApp(app, env, { port, readyPath });
      return processes[index];
    };
    const restartApi = async () => {
      await restart('api');
    };
    if (options.connector !== false) {
      for (const connector of connectors) processes.push(await startApp(`connector-${connector}`, { ...shared, ...options.connectorEnv }));
    }
    const client = new TestClient(api.baseUrl);
    // With demo data the database is not empty, so no bootstrap admin is made: use the demo admin.
    const admin = options.env?.['SEED_DEMO'] === 'true'
      ? await client.login(DEMO_ADMIN_EMAIL, options.env['DEMO_PASSWORD'] ?? 'signet-demo')
      : await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    return { api: client, admin, db, erpSimUrl: erpSim.baseUrl, processes, restartApi, process: (name) => processes[find(name)], restart, stop };
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
