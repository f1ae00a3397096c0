import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONNECTOR_QUEUES, JobName, parsePingPayload, PayloadError, QueueName, type SyncResultPayload } from '@signet/sync-contracts';
import { queuePrefix, redisUrl } from '@signet/testing';
import { Queue } from 'bullmq';
import { classifyHttpStatus, ConnectorError } from './connector-error';
import { loadCoreSettings } from './core-settings';
import type { JobHandler } from './job-handler';
import { createLogger } from './logger';
import { parseRetryAfter } from './retry-after';
import { type RunningConnector, startConnectorWorker } from './connector-runner';

/** A real loopback "ERP" that answers each request with the next scripted status (then 200). */
function fakeErp(): Promise<{ server: Server; url: string; script: Map<string, Array<{ status: number; headers?: Record<string, string>; body?: unknown; hang?: boolean }>>; calls: string[] }> {
  const script = new Map<string, Array<{ status: number; headers?: Record<string, string>; body?: unknown; hang?: boolean }>>();
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const key = (req.url ?? '/').slice(1);
    calls.push(key);
    req.resume();
    const next = script.get(key)?.shift() ?? { status: 200, body: { id: `ERP-${key}` } };
    if (next.hang) return; // never answers: the caller's timeout must fire
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(JSON.stringify(next.body ?? {}));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, script, calls })));
}

describe('connector runner (real Redis, real HTTP)', () => {
  const prefix = queuePrefix('connector-core');
  const connection = { url: redisUrl(), maxRetriesPerRequest: null };
  let erp: Awaited<ReturnType<typeof fakeErp>>;
  let running: RunningConnector;
  let jobs: Queue;
  let results: Queue;

  // The "ping" job posts its pingId to the fake ERP; the ERP's answer decides the outcome.
  const handler: JobHandler<ReturnType<typeof parsePingPayload>> = {
    parse: parsePingPayload,
    subject: (p) => ({ objectType: 'ping', objectId: p.pingId }),
    async run(p, ctx) {
      const body = JSON.stringify({ ping: p.pingId });
      ctx.sent(body);
      const response = await ctx.http.request('ping', `${erp.url}/${p.pingId}`, { method: 'POST', body });
      const failure = classifyHttpStatus(response.status);
      if (failure) {
        throw new ConnectorError(failure.kind, failure.code, `HTTP ${response.status}`, response.json, parseRetryAfter(response.headers.get('retry-after'), ctx.now(), 500));
      }
      if (p.requestedBy === 'skip') return { status: 'skipped', reason: 'nothing to send' };
      return { status: 'succeeded', erpId: (response.json as { id: string }).id };
    },
  };

  // A housekeeping job (like an inbound poll): it runs, but is no object's sync and reports nothing.
  let housekeepingRuns = 0;
  const housekeeping: JobHandler<unknown> = {
    reportsResult: false,
    parse: (data) => data,
    subject: () => ({ objectType: 'poll', objectId: 'poll' }),
    async run() {
      housekeepingRuns += 1;
      return { status: 'succeeded' };
    },
  };

  const ping = (pingId: string, requestedBy = 'u1') => ({ version: 1, pingId, connector: 'sap', requestedBy, requestedAt: '2026-11-28T00:00:00Z' });

  async function resultsFor(objectId: string): Promise<SyncResultPayload[]> {
    const all = await results.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active']);
    return all.map((j) => j.data as SyncResultPayload).filter((r) => r.objectId === objectId);
  }

  async function settled(jobId: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const state = await jobs.getJobState(jobId);
      if (state === 'completed' || state === 'failed') return state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${jobId} did not settle`);
  }

  beforeAll(async () => {
    erp = await fakeErp();
    const settings = { ...loadCoreSettings({ REDIS_URL: redisUrl(), QUEUE_PREFIX: prefix, METRICS_PORT: '0' }, 'TEST'), requestTimeoutMs: 300 };
    running = await startConnectorWorker({
      connector: 'sap',
      jobNames: [JobName.ConnectorPing, JobName.InboundPoll],
      handlers: { [JobName.ConnectorPing]: handler, [JobName.InboundPoll]: housekeeping },
      settings,
      log: createLogger('connector-core-test', 'silent'),
      backoff: { baseDelayMs: 20, maxDelayMs: 100, jitter: 0.5 },
    });
    jobs = new Queue(CONNECTOR_QUEUES.sap, { connection, prefix });
    results = new Queue(QueueName.SyncResults, { connection, prefix });
  });

  afterAll(async () => {
    await running?.close();
    await jobs?.obliterate({ force: true });
    await results?.obliterate({ force: true });
    await jobs?.close();
    await results?.close();
    erp?.server.close();
  });

  const add = (id: string, requestedBy = 'u1', attempts = 4) =>
    jobs.add(JobName.ConnectorPing, ping(id, requestedBy), { jobId: `job-${id}`, attempts, backoff: { type: 'exponential', delay: 60_000 } });

  it('reports a success once, with the ERP id and the hash of what was sent', async () => {
    await add('ok');
    expect(await settled('job-ok')).toBe('completed');
    const [result, ...more] = await resultsFor('ok');
    expect(more).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', erpId: 'ERP-ok', attempts: 1, jobId: 'job-ok', connector: 'sap', objectType: 'ping' });
    expect(result.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('retries server errors with the jittered backoff (not the producer 60 s one) and reports only the final outcome', async () => {
    erp.script.set('flaky', [{ status: 503 }, { status: 500, body: { error: 'db down' } }]);
    await add('flaky');
    expect(await settled('job-flaky')).toBe('completed');
    expect(erp.calls.filter((c) => c === 'flaky')).toHaveLength(3);
    const results = await resultsFor('flaky');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('dead-letters a validation error at once with the ERP body as detail', async () => {
    erp.script.set('invalid', [{ status: 400, body: { error: { code: 'V1/123', message: { value: 'Material unknown' } } } }]);
    await add('invalid');
    expect(await settled('job-invalid')).toBe('failed');
    expect(erp.calls.filter((c) => c === 'invalid')).toHaveLength(1);
    const job = await jobs.getJob('job-invalid');
    expect(job?.attemptsMade).toBe(1);
    expect(await resultsFor('invalid')).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, error: { code: 'erp_validation', message: 'HTTP 400', detail: { error: { code: 'V1/123', message: { value: 'Material unknown' } } } } }),
    ]);
  });

  it('waits out a 429 Retry-After without spending an attempt', async () => {
    erp.script.set('limited', [{ status: 429, headers: { 'retry-after': '1' } }, { status: 429, headers: { 'retry-after': '1' } }]);
    const started = Date.now();
    await add('limited', 'u1', 1); // a single attempt: a spent one would fail the job
    expect(await settled('job-limited')).toBe('completed');
    // At least one whole Retry-After was waited out (the second wait may overlap BullMQ's own limiter delay).
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await resultsFor('limited')).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1 })]);
    const waits = await running.metrics.rateLimitWaits.get();
    expect(waits.values[0]?.value).toBe(2);
  });

  it('treats a timeout as recoverable', async () => {
    erp.script.set('slow', [{ status: 0, hang: true }]);
    await add('slow');
    expect(await settled('job-slow')).toBe('completed');
    expect(await resultsFor('slow')).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 2 })]);
  });

  it('reports failure once after the last attempt', async () => {
    erp.script.set('down', [{ status: 502 }, { status: 502 }, { status: 502 }]);
    await add('down', 'u1', 3);
    expect(await settled('job-down')).toBe('failed');
    expect(await resultsFor('down')).toEqual([expect.objectContaining({ status: 'failed', attempts: 3, error: expect.objectContaining({ code: 'erp_unavailable' }) })]);
  });

  it('reports skips and dead-letters a malformed payload without calling the ERP', async () => {
    await add('skip', 'skip');
    await jobs.add(JobName.ConnectorPing, { version: 1, pingId: 'bad' }, { jobId: 'job-bad', attempts: 5 });
    expect(await settled('job-skip')).toBe('completed');
    expect(await settled('job-bad')).toBe('failed');
    expect(await resultsFor('skip')).toEqual([expect.objectContaining({ status: 'skipped', detail: { reason: 'nothing to send' } })]);
    const bad = (await results.getJobs(['waiting', 'completed'])).map((j) => j.data as SyncResultPayload).find((r) => r.jobId === 'job-bad');
    expect(bad).toMatchObject({ status: 'failed', attempts: 1, objectType: 'unknown', error: { code: 'invalid_payload' } });
    expect(erp.calls).not.toContain('bad');
  });

  it('publishes no result for a handler that reports none', async () => {
    await jobs.add(JobName.InboundPoll, {}, { jobId: 'job-poll', attempts: 1 });
    expect(await settled('job-poll')).toBe('completed');
    expect(housekeepingRuns).toBe(1);
    expect((await results.getJobs(['waiting', 'completed'])).filter((j) => (j.data as SyncResultPayload).jobId === 'job-poll')).toEqual([]);
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text();
    expect(text).toMatch(/signet_connector_jobs_total\{connector="sap",job="connector.ping",outcome="succeeded"\} \d+/);
    expect(text).toMatch(/signet_connector_attempts_total\{connector="sap",job="connector.ping",outcome="retry"\} \d+/);
    expect(text).toContain('signet_connector_erp_request_duration_seconds_bucket');
    expect(text).toMatch(/signet_connector_rate_limit_waits_total\{connector="sap"\} 2/);
  });

  it('refuses to start when a job name has no handler', async () => {
    await expect(
      startConnectorWorker({ connector: 'sap', jobNames: [JobName.SyncEvent], handlers: {}, settings: loadCoreSettings({}, 'TEST'), log: createLogger('t', 'silent') }),
    ).rejects.toThrow('Handler table mismatch: missing [sync.event]');
  });

  it('rejects a handler that throws a PayloadError at parse as unrecoverable', () => {
    expect(() => handler.parse({})).toThrow(PayloadError);
  });
});
