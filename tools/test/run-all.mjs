#!/usr/bin/env node
// `npm test`: every check Signet has, against real PostgreSQL, real Redis and a real browser.
// Prints one line per step and a closing `N passed, N failed`; exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (msg) => process.stdout.write(`[test] ${msg}\n`);
const resultsDir = join(root, 'test-output', 'results');
const started = Date.now();

function needsInstall() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  return !existsSync(marker) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

if (needsInstall()) {
  say('Installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { canConnect, startEmbedded } = await import('../dev/embedded-db.mjs');
const { default: IORedis } = await import('ioredis');

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const env = {
  ...process.env,
  TZ: 'UTC',
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  SIGNET_TEST_RESULTS_DIR: resultsDir,
  SIGNET_TEST_RUN_ID: runId,
};

/** Runs a command, streaming its output, and returns its exit code and captured text. */
function run(cmd, args, extraEnv = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const forward = (stream, out) =>
      stream.on('data', (chunk) => {
        text += chunk;
        out.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('exit', (code) => done({ code: code ?? 1, text }));
  });
}

const steps = [];
function record(name, passed, failed, skipped = 0, note = '') {
  steps.push({ name, passed, failed, skipped, note });
  say(`${failed ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${note ? ` — ${note}` : ''}`);
}

function jestCounts() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of readdirSync(resultsDir).filter((f) => f.startsWith('jest-'))) {
    const r = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
  }
  for (const file of readdirSync(resultsDir)) rmSync(join(resultsDir, file));
  return totals;
}

// ---- services -------------------------------------------------------------------------------
let embedded = null;
let pgServer = process.env.TEST_DATABASE_URL;
if (pgServer && !(await canConnect(pgServer))) {
  say(`TEST_DATABASE_URL is set but PostgreSQL does not answer there. Check the server and the URL.`);
  process.exit(1);
}
if (!pgServer) {
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnect(local)) pgServer = local;
}
if (!pgServer) {
  say('No PostgreSQL on 127.0.0.1:5432 and no TEST_DATABASE_URL: starting an embedded PostgreSQL for the tests.');
  embedded = await startEmbedded({ root, port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54330), database: 'postgres', log: say });
  pgServer = embedded.url;
}
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
{
  const client = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    say(`Redis does not answer at ${redisUrl}. Start it (redis-server) or set TEST_REDIS_URL.`);
    process.exit(1);
  } finally {
    client.disconnect();
  }
}
env.SIGNET_TEST_PG_SERVER = pgServer;
env.SIGNET_TEST_REDIS_URL = redisUrl;
say(`PostgreSQL: ${pgServer.replace(/:[^:@/]*@/, ':***@')}; Redis: ${redisUrl}; run ${runId}`);

// ---- steps ----------------------------------------------------------------------------------
const nx = (args) => run('npx', ['nx', ...args, '--skip-nx-cache', '--output-style=static']);

say('Lint (module boundaries included)…');
{
  const { code, text } = await nx(['run-many', '-t', 'lint']);
  const total = Number(text.match(/target lint for (\d+) project/)?.[1] ?? 0);
  const failed = code === 0 ? 0 : Math.max(1, (text.match(/^\s*- [\w-]+:lint/gm) ?? []).length);
  record('lint', Math.max(0, total - failed), failed, 0, 'one check per project');
}

say('Unit tests (domain scenario tables, kernel, libraries)…');
{
  const { code } = await nx(['run-many', '-t', 'test', '--parallel=2']);
  const counts = jestCounts();
  record('unit', counts.passed, counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0), counts.skipped);
}

say('Conformance scenarios…');
{
  const sharedDir = resolve(root, '..', 'shared', 'conformance');
  const targets = [existsSync(sharedDir) ? sharedDir : null, join(root, 'tools/conformance/scenarios')].filter(Boolean);
  const { code, text } = await run(process.execPath, ['-r', '@swc-node/register', 'tools/conformance/src/main.ts', ...targets], { SWC_NODE_PROJECT: 'tsconfig.base.json' });
  const m = text.match(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m);
  record('conformance', m ? Number(m[1]) : 0, m ? Number(m[2]) : 1, m?.[3] ? Number(m[3]) : 0, existsSync(sharedDir) ? '' : '../shared/conformance not found');
  if (code !== 0 && m && Number(m[2]) === 0) record('conformance exit code', 0, 1);
}

say('Build (api, connectors, ERP simulator, console)…');
{
  // Every connector: the ERP sync acceptance tests (api-e2e) run them as processes.
  const { code } = await nx(['run-many', '-t', 'build', '-p', 'api', 'connector-webhook', 'connector-sap', 'connector-netsuite', 'erp-sim', 'console']);
  record('build', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

say('OpenAPI document and generated console client up to date…');
{
  const { code } = await run(process.execPath, ['tools/openapi/generate.mjs', '--skip-build', '--check']);
  record('openapi', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

say('Integration and browser tests (real PostgreSQL, Redis, Chromium)…');
{
  const { code } = await nx(['run-many', '-t', 'e2e', '--parallel=1']);
  const counts = jestCounts();
  record('e2e', counts.passed, counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0), counts.skipped);
}

if (embedded) await embedded.stop();

const total = steps.reduce((acc, s) => ({ passed: acc.passed + s.passed, failed: acc.failed + s.failed, skipped: acc.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
say(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
for (const s of steps) say(`  ${s.name.padEnd(12)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
process.stdout.write(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`);
process.exit(total.failed > 0 ? 1 : 0);
