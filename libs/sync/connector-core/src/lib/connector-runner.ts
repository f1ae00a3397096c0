import {
  CONNECTOR_QUEUES,
  type ConnectorId,
  DEFAULT_JOB_OPTIONS,
  JobName,
  QueueName,
  resultJobId,
  SYNC_RESULT_VERSION,
  type SyncResultPayload,
} from '@signet/sync-contracts';
import { configureQueueBackend } from '@signet/sync-queue';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { type BackoffPolicy, CONNECTOR_BACKOFF_TYPE, DEFAULT_BACKOFF_POLICY, retryDelayMs } from './backoff';
import { ConnectorError, ErrorCode, toConnectorError } from './connector-error';
import type { CoreSettings } from './core-settings';
import { createErpHttp, type ErpHttp } from './erp-http';
import { assertHandlers, type HandlerOutcome, type HandlerTable, type JobContext, type JobSubject } from './job-handler';
import type { Logger } from './logger';
import { ConnectorMetrics, serveMetrics } from './metrics';
import { payloadHash } from './payload-hash';

export interface ConnectorRunnerOptions {
  connector: ConnectorId;
  /** Every job name this connector's queue carries; each must have exactly one handler. */
  jobNames: readonly string[];
  handlers: HandlerTable;
  settings: CoreSettings;
  log: Logger;
  backoff?: BackoffPolicy;
  /** Fallback wait when a 429 carries no usable Retry-After. */
  defaultRateLimitMs?: number;
  random?: () => number;
  now?: () => Date;
  /**
   * The ERP HTTP client the handlers get as `ctx.http`; defaults to fetch with the request timeout.
   * A connector that builds its own (to share it with an ERP client object) passes `metrics` too.
   */
  http?: ErpHttp;
  /** The registry served on METRICS_PORT; defaults to a new one. */
  metrics?: ConnectorMetrics;
}

export interface RunningConnector {
  engine: string;
  metrics: ConnectorMetrics;
  metricsPort?: number;
  worker: Worker;
  /** Stops taking jobs, lets the active ones finish, closes every connection. */
  close(): Promise<void>;
}

const UNKNOWN_SUBJECT = (jobId: string): JobSubject => ({ objectType: 'unknown', objectId: jobId });

/**
 * Starts a connector's worker on its queue (`CONNECTOR_QUEUES[connector]`). Each job is given to
 * its handler; the runner owns everything around it: attempts, backoff with jitter, dead letters
 * for unrecoverable errors, rate limits that spend no attempt, metrics, and one result per job on
 * the results queue (on success, skip, or final failure — never for an attempt that will be retried).
 */
export async function startConnectorWorker(options: ConnectorRunnerOptions): Promise<RunningConnector> {
  assertHandlers(options.jobNames, options.handlers);
  const { connector, settings, log } = options;
  const policy = options.backoff ?? { ...DEFAULT_BACKOFF_POLICY };
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const metrics = options.metrics ?? new ConnectorMetrics(true);
  const http = options.http ?? createErpHttp({ connector, timeoutMs: settings.requestTimeoutMs, metrics });
  const backend = configureQueueBackend({ redisUrl: settings.redisUrl, databaseUrl: settings.databaseUrl, prefix: settings.queuePrefix });
  const results = new Queue(QueueName.SyncResults, { connection: backend.connection, prefix: backend.prefix });

  const publishFor = (job: Job) => async (result: SyncResultPayload) => {
    if (options.handlers[job.name]?.reportsResult === false) return;
    await results.add(JobName.SyncResult, result, { ...DEFAULT_JOB_OPTIONS, jobId: resultJobId(result.jobId, result.attempts) });
  };

  const processJob = async (job: Job): Promise<string> => {
    const jobId = job.id ?? `${job.name}-${job.timestamp}`;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const handler = options.handlers[job.name];
    let subject = UNKNOWN_SUBJECT(jobId);
    let hash: string | undefined;
    const jobLog = log.child({ jobId, job: job.name, attempt });
    const publish = publishFor(job);
    const base = () => ({ version: SYNC_RESULT_VERSION, connector, ...subject, jobId, attempts: attempt, ...(hash ? { payloadHash: hash } : {}), finishedAt: now().toISOString() });
    try {
      if (!handler) throw new ConnectorError('unrecoverable', ErrorCode.Internal, `no handler for job '${job.name}'`);
      const payload = handler.parse(job.data);
      subject = handler.subject(payload);
      const ctx: JobContext = { connector, jobId, attempt, maxAttempts, now, log: jobLog, http, sent: (body) => (hash = payloadHash(body)) };
      const outcome: HandlerOutcome = await handler.run(payload, ctx);
      const { status, reason, detail, ...erp } = outcome;
      await publish({ ...base(), status, ...erp, ...(detail || reason ? { detail: { ...detail, ...(reason ? { reason } : {}) } } : {}) });
      metrics.attempts.inc({ connector, job: job.name, outcome: status });
      metrics.jobs.inc({ connector, job: job.name, outcome: status });
      jobLog.info({ status, erpId: outcome.erpId, ...subject }, 'job done');
      return status;
    } catch (thrown) {
      const error: ConnectorError = toConnectorError(thrown);
      if (error.kind === 'rate-limited') {
        const waitMs = error.retryAfterMs ?? options.defaultRateLimitMs ?? 1_000;
        metrics.rateLimitWaits.inc({ connector });
        metrics.rateLimitWaitSeconds.inc({ connector }, waitMs / 1000);
        metrics.attempts.inc({ connector, job: job.name, outcome: 'rate_limited' });
        jobLog.warn({ waitMs, code: error.code }, 'rate limited by the ERP; pausing the queue');
        // Pauses the whole worker for the ERP's wait and puts the job back without spending an attempt.
        await worker.rateLimit(waitMs);
        throw Worker.RateLimitError();
      }
      const final = error.kind === 'unrecoverable' || attempt >= maxAttempts;
      if (!final) {
        metrics.attempts.inc({ connector, job: job.name, outcome: 'retry' });
        jobLog.warn({ code: error.code, message: error.message, detail: error.detail }, 'attempt failed; will retry');
        // Whatever backoff the producer named, retries of connector jobs use the runner's jittered policy.
        job.opts.backoff = { type: CONNECTOR_BACKOFF_TYPE, delay: policy.baseDelayMs };
        throw error;
      }
      await publish({ ...base(), status: 'failed', error: error.toNormalised() });
      metrics.attempts.inc({ connector, job: job.name, outcome: 'dead_letter' });
      metrics.jobs.inc({ connector, job: job.name, outcome: 'dead_letter' });
      jobLog.error({ code: error.code, message: error.message, detail: error.detail, ...subject }, 'job failed for good (dead letter)');
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
  };

  const worker: Worker = new Worker(CONNECTOR_QUEUES[connector], processJob, {
    connection: backend.connection,
    prefix: backend.prefix,
    concurrency: settings.concurrency,
    // A killed connector leaves its active jobs stalled; they run again on restart. Several kills in a
    // row must not fail a job without a result (idempotent handlers make the repeat harmless).
    maxStalledCount: 5,
    settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, policy, random) },
  });
  worker.on('error', (error) => log.error({ err: error.message }, 'worker error'));
  await worker.waitUntilReady();
  const metricsServer = settings.metricsPort !== undefined ? await serveMetrics(metrics, settings.metricsPort) : undefined;
  log.info({ queue: CONNECTOR_QUEUES[connector], engine: backend.describe(), metricsPort: metricsServer?.port }, 'connector worker started');
  return {
    engine: backend.describe(),
    metrics,
    metricsPort: metricsServer?.port,
    worker,
    async close() {
      await worker.close();
      await results.close();
      await metricsServer?.close();
    },
  };
}

/** Wires SIGTERM/SIGINT to a graceful close (active jobs finish; unfinished ones return to the queue). */
export function closeOnSignals(running: { close(): Promise<void> }, log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'stopping: finishing active jobs');
    running.close().then(
      () => exit(0),
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'error while stopping');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

