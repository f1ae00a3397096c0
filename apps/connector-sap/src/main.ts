import { closeOnSignals, ConnectorMetrics, createErpHttp, createLogger, SettingsError, startConnectorWorker } from '@signet/connector-core';
import { COMPLETED_JOB_RETENTION, CONNECTOR_QUEUES, DEFAULT_JOB_OPTIONS, FAILED_JOB_RETENTION, inboundFactJobId, JobName, QueueName } from '@signet/sync-contracts';
import { configureQueueBackend } from '@signet/sync-queue';
import { Queue } from 'bullmq';
import { sapHandlers, SAP_JOB_NAMES } from './handlers';
import { SapClient } from './sap-client';
import { loadSettings } from './settings';

const POLL_SCHEDULER_ID = 'sap-inbound-poll';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      createLogger('connector-sap').error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger('connector-sap', settings.core.logLevel);
  if (!settings.sap) {
    log.info('SAP connector disabled: SAP_BASE_URL is not set. Nothing to do.');
    return;
  }
  const { core, sap } = settings;
  const backend = configureQueueBackend({ redisUrl: core.redisUrl, databaseUrl: core.databaseUrl, prefix: core.queuePrefix });
  const inbound = new Queue(QueueName.SyncInbound, { connection: backend.connection, prefix: backend.prefix });
  const jobs = new Queue(CONNECTOR_QUEUES.sap, { connection: backend.connection, prefix: backend.prefix });
  const metrics = new ConnectorMetrics(true);
  const http = createErpHttp({ connector: 'sap', timeoutMs: core.requestTimeoutMs, metrics });
  const client = new SapClient(sap, http);
  const publishFact: Parameters<typeof sapHandlers>[2] = async (fact) => {
    await inbound.add(JobName.InboundFact, fact, { ...DEFAULT_JOB_OPTIONS, jobId: inboundFactJobId('sap', fact.factId) });
  };
  const running = await startConnectorWorker({ connector: 'sap', jobNames: SAP_JOB_NAMES, handlers: sapHandlers(client, sap, publishFact), settings: core, log, http, metrics });
  try {
    if (sap.pollIntervalMs > 0) {
      await jobs.upsertJobScheduler(POLL_SCHEDULER_ID, { every: sap.pollIntervalMs }, { name: JobName.InboundPoll, data: {}, opts: { attempts: 1, removeOnComplete: COMPLETED_JOB_RETENTION, removeOnFail: FAILED_JOB_RETENTION } });
    } else {
      await jobs.removeJobScheduler(POLL_SCHEDULER_ID);
    }
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not schedule the inbound poll');
  }
  log.info({ sap: sap.baseUrl, auth: sap.auth.kind, engine: running.engine, pollIntervalMs: sap.pollIntervalMs }, 'SAP connector running');
  closeOnSignals(
    {
      async close() {
        await running.close();
        await jobs.close();
        await inbound.close();
      },
    },
    log,
  );
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ level: 'error', service: 'connector-sap', msg: error instanceof Error ? error.message : String(error) }) + '\n');
  process.exit(1);
});
