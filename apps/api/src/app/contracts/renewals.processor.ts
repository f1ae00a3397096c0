import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName } from '@signet/sync-contracts';
import type { Job } from 'bullmq';
import { RenewalsService } from './renewals.service';

/** Runs the renewal sweep on its schedule. */
@Processor(QueueName.ContractRenewals)
export class RenewalsProcessor extends WorkerHost {
  constructor(private readonly renewals: RenewalsService) {
    super();
  }

  async process(job: Job): Promise<{ renewals: number; expired: number }> {
    if (job.name !== JobName.ContractRenewalSweep)
      throw new Error(
        `No handler for job '${job.name}' on ${QueueName.ContractRenewals}`,
      );
    const result = await this.renewals.sweep();
    return { renewals: result.renewals.length, expired: result.expired.length };
  }
}
