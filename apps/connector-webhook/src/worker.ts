import {
  DEFAULT_JOB_OPTIONS,
  JobName,
  QueueName,
  resultJobId,
} from '@signet/sync-contracts';
import { configureQueueBackend } from '@signet/sync-queue';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { assertHandlers, HANDLERS } from './handlers';
import type { ConnectorSettings } from './settings';

export interface RunningConnector {
  engine: string;
  close(): Promise<void>;
}

export class RetryableDeliveryError extends Error {}

/** Starts the webhook connector: consumes its queue and reports every outcome on the results queue. */
export async function startConnector(settings: ConnectorSettings, log: (msg: string, extra?: object) => void): Promise<RunningConnector> {
  assertHandlers();
  const backend = configureQueueBackend({ redisUrl: settings.redisUrl, databaseUrl: settings.databaseUrl, prefix: settings.queuePrefix });
  const results = new Queue(QueueName.SyncResults, { connection: backend.connection, prefix: backend.prefix });

  const worker = new Worker(
    QueueName.ConnectorWebhook,
    async (job: Job) => {
      const handler = HANDLERS[job.name];
      if (!handler) throw new UnrecoverableError(`No handler for job '${job.name}'`);
      const attempt = job.attemptsMade + 1;
      const outcome = await handler(job.data, { jobId: job.id ?? job.name, attempt, maxAttempts: job.opts.attempts ?? 1, now: () => new Date() }, settings);
      if (outcome.retry) {
        throw new RetryableDeliveryError(outcome.result.error?.message ?? 'delivery failed');
      }
      await results.add(JobName.SyncResult, outcome.result, {
        ...DEFAULT_JOB_OPTIONS,
        jobId: resultJobId(outcome.result.jobId, outcome.result.attempts),
      });
      log('job processed', { jobId: job.id, name: job.name, status: outcome.result.status, attempt });
      return outcome.result.status;
    },
    { connection: backend.connection, prefix: backend.prefix, concurrency: settings.concurrency },
  );
  worker.on('failed', (job, error) => log('job attempt failed', { jobId: job?.id, error: error.message }));
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
