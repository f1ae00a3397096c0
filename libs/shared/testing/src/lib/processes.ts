import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The repository root, from this file's place in it. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');

export interface RunningProcess {
  name: string;
  baseUrl: string;
  logs: string[];
  /** The OS process id (undefined only if the spawn itself failed). */
  pid: number | undefined;
  /** What it was started with, so a stack can start the same process again (a restart). */
  started: { app: string; env: Record<string, string>; port: number; readyPath?: string };
  /** True once the process has exited, for whatever reason. */
  readonly exited: boolean;
  /** Graceful stop: SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** Sends `signal` (e.g. SIGKILL to simulate a crash) and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, logs: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready:\n${logs.slice(-30).join('\n')}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms:\n${logs.slice(-30).join('\n')}`);
}

/**
 * Runs one of the built apps (`dist/apps/<app>/main.js`) as a real process — tests talk to it
 * over HTTP exactly as clients do. `npm test` builds the apps first.
 */
export async function startApp(app: string, env: Record<string, string>, options: { port?: number; readyPath?: string; timeoutMs?: number } = {}): Promise<RunningProcess> {
  const script = join(REPO_ROOT, 'dist', 'apps', app, 'main.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build it first (npx nx build ${app})`);
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      if (hasExited()) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  const stop = () =>
    new Promise<void>((done) => {
      if (hasExited()) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  if (options.readyPath) {
    try {
      await waitFor(`${baseUrl}${options.readyPath}`, child, logs, options.timeoutMs ?? 60_000);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return {
    name: app,
    baseUrl,
    logs,
    pid: child.pid,
    started: { app, env, port, readyPath: options.readyPath },
    get exited() {
      return hasExited();
    },
    stop,
    kill,
  };
}

/** Polls until `check` returns a value other than undefined, or fails with the last reason. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
