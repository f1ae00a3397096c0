import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { inboundFactErrors, type InboundFactPayload, JobName, QueueName } from '@signet/sync-contracts';
import { type Job, UnrecoverableError } from 'bullmq';
import { InboundFactsService } from './inbound-facts.service';

/** Facts the connectors found by polling their ERP: applied exactly as the signed endpoint does. */
@Processor(QueueName.SyncInbound)
export class InboundFactsProcessor extends WorkerHost {
  private readonly logger = new Logger(InboundFactsProcessor.name);

  constructor(private readonly facts: InboundFactsService) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name !== JobName.InboundFact) throw new UnrecoverableError(`No handler for job '${job.name}' on ${QueueName.SyncInbound}`);
    const errors = inboundFactErrors(job.data);
    if (errors.length > 0) {
      // A malformed fact will not get better by retrying: fail it for good, visibly.
      this.logger.error({ jobId: job.id, errors }, 'malformed inbound fact');
      throw new UnrecoverableError(`malformed fact: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    }
    const result = await this.facts.apply(job.data as InboundFactPayload, 'poll');
    return result.outcome;
  }
}
