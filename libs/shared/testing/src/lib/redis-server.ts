import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './processes';

/**
 * A private `redis-server` for tests that must stop and restart Redis (never the shared one).
 * It keeps nothing on disk (`--save "" --appendonly no`), so a restart comes back empty — as a
 * Redis that lost its memory, which is what the redelivery sweep must survive.
 */
export interface PrivateRedis {
  port: number;
  url: string;
  /** True while the server process runs. */
  readonly running: boolean;
  /** Stops the server (SIGTERM; SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** The number of keys it holds (DBSIZE), e.g. to prove that a restart emptied it. */
  dbsize(): Promise<number>;
}

/** Sends one inline command and returns the first line of the answer (enough for PING and DBSIZE). */
function command(port: number, line: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis on ${port} did not answer ${line}`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(answer.split('\r\n')[0]);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function waitForPong(port: number, child: ChildProcess, logs: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${logs.slice(-20).join('\n')}`);
    try {
      if ((await command(port, 'PING')) === '+PONG') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server on ${port} not ready within ${timeoutMs} ms:\n${logs.slice(-20).join('\n')}`);
}

/** Starts `redis-server` (it must be on the PATH) on a free loopback port. */
export async function startPrivateRedis(options: { binary?: string } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const binary = options.binary ?? process.env['REDIS_SERVER_BIN'] ?? 'redis-server';
  const logs: string[] = [];
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) throw new Error(`redis-server on ${port} is already running`);
    const spawned = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    spawned.on('error', (error) => logs.push(`spawn error: ${error.message}`));
    const collect = (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    spawned.stdout?.on('data', collect);
    spawned.stderr?.on('data', collect);
    child = spawned;
    await waitForPong(port, spawned, logs);
  };

  const stop = () =>
    new Promise<void>((done) => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return done();
      current.once('exit', () => done());
      current.kill('SIGTERM');
      setTimeout(() => current.kill('SIGKILL'), 5000).unref();
    });

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return !!child && child.exitCode === null && child.signalCode === null;
    },
    stop,
    start,
    dbsize: async () => {
      const answer = await command(port, 'DBSIZE');
      if (!answer.startsWith(':')) throw new Error(`unexpected DBSIZE answer ${answer}`);
      return Number(answer.slice(1));
    },
  };
}
