import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JobName,
  type OrderActivationJob,
  QueueName,
} from '@signet/sync-contracts';
import type { Job } from 'bullmq';
import { OrderLifecycleService } from './order-lifecycle.service';

/** Activates future-dated orders when their delayed job comes due. */
@Processor(QueueName.OrderActivation)
export class OrderActivationProcessor extends WorkerHost {
  private readonly logger = new Logger(OrderActivationProcessor.name);

  constructor(private readonly lifecycle: OrderLifecycleService) {
    super();
  }

  async process(job: Job<OrderActivationJob>): Promise<string> {
    if (job.name !== JobName.OrderActivate)
      throw new Error(
        `No handler for job '${job.name}' on ${QueueName.OrderActivation}`,
      );
    const outcome = await this.lifecycle.runScheduled(job.data);
    this.logger.log(
      { orderId: job.data.orderId, on: job.data.on, outcome },
      'scheduled activation',
    );
    return outcome;
  }
}
