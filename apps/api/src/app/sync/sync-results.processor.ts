import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, parseSyncResult, QueueName } from '@signet/sync-contracts';
import type { Job } from 'bullmq';
import { SyncService } from './sync.service';

/** Consumes connector reports into the sync ledger. */
@Processor(QueueName.SyncResults)
export class SyncResultsProcessor extends WorkerHost {
  private readonly logger = new Logger(SyncResultsProcessor.name);

  constructor(private readonly sync: SyncService) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== JobName.SyncResult) {
      throw new Error(`No handler for job '${job.name}' on ${QueueName.SyncResults}`);
    }
    const result = parseSyncResult(job.data);
    await this.sync.applyResult(result);
    this.logger.log({ connector: result.connector, objectId: result.objectId, status: result.status }, 'sync result applied');
  }
}
