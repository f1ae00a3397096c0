import { DEFAULT_JOB_OPTIONS, JobName, QueueName, resultJobId, SYNC_RESULT_VERSION, type SyncResultPayload } from '@signet/sync-contracts';
import { configureQueueBackend } from '@signet/sync-queue';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { assertHandlers, describeJob, HANDLERS } from './handlers';
import { NetsuiteClient } from './netsuite-client';
import type { ConnectorSettings } from './settings';
import { SyncError } from './sync-error';

export interface RunningConnector {
  engine: string;
  close(): Promise<void>;
}

type Log = (msg: string, extra?: object) => void;

/**
 * Starts the NetSuite connector: consumes its queue and reports every final outcome on the
 * results queue. Retryable failures spend an attempt (BullMQ backs off); rate limits pause the
 * queue for `Retry-After` without spending one; unrecoverable failures report at once.
 */
export async function startConnector(settings: ConnectorSettings, log: Log): Promise<RunningConnector> {
  assertHandlers();
  const backend = configureQueueBackend({ redisUrl: settings.redisUrl, databaseUrl: settings.databaseUrl, prefix: settings.queuePrefix });
  const results = new Queue(QueueName.SyncResults, { connection: backend.connection, prefix: backend.prefix });
  const client = new NetsuiteClient(settings);

  const publish = async (result: SyncResultPayload) => {
    await results.add(JobName.SyncResult, result, { ...DEFAULT_JOB_OPTIONS, jobId: resultJobId(result.jobId, result.attempts) });
  };

  const worker: Worker = new Worker(
    QueueName.ConnectorNetsuite,
    async (job: Job) => {
      const handler = HANDLERS[job.name];
      const attempt = job.attemptsMade + 1;
      const base = {
        version: SYNC_RESULT_VERSION,
        connector: 'netsuite' as const,
        jobId: job.id ?? job.name,
        attempts: attempt,
        ...describeJob(job.data),
      };
      try {
        if (!handler) throw new SyncError('unrecoverable', 'unknown_job', `No handler for job '${job.name}'`);
        const outcome = await handler(job.data, client);
        await publish({ ...base, ...outcome, finishedAt: new Date().toISOString() });
        log('job processed', { jobId: job.id, name: job.name, status: outcome.status, attempt, erpId: outcome.erpId });
        return outcome.status;
      } catch (thrown) {
        const error = thrown instanceof SyncError ? thrown : new SyncError('retryable', 'internal_error', thrown instanceof Error ? thrown.message : String(thrown));
        if (error.kind === 'rate-limited') {
          log('rate limited by NetSuite', { jobId: job.id, code: error.code, waitMs: error.retryAfterMs });
          await worker.rateLimit(error.retryAfterMs ?? 1_000);
          throw Worker.RateLimitError();
        }
        const lastAttempt = attempt >= (job.opts.attempts ?? 1);
        if (error.kind === 'unrecoverable' || lastAttempt) {
          await publish({ ...base, status: 'failed', error: error.toNormalised(), finishedAt: new Date().toISOString() });
          throw new UnrecoverableError(`${error.code}: ${error.message}`);
        }
        throw new Error(`${error.code}: ${error.message}`);
      }
    },
    { connection: backend.connection, prefix: backend.prefix, concurrency: settings.concurrency },
  );
  worker.on('failed', (job, error) => log('job attempt failed', { jobId: job?.id, attempt: job?.attemptsMade, error: error.message }));
  worker.on('error', (error) => log('worker error', { error: error.message }));
  await worker.waitUntilReady();
  return {
    engine: backend.describe(),
    async close() {
      await worker.close();
      await results.close();
    },
  };
}
