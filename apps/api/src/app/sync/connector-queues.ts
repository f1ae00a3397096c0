import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { CONNECTOR_QUEUES, type ConnectorId, QueueName } from '@signet/sync-contracts';
import type { Queue } from 'bullmq';

/** The connector queues by connector id, checked against the contracts' wiring once at start. */
@Injectable()
export class ConnectorQueues {
  private readonly queues: Record<ConnectorId, Queue>;

  constructor(
    @InjectQueue(QueueName.ConnectorWebhook) webhookQueue: Queue,
    @InjectQueue(QueueName.ConnectorSap) sapQueue: Queue,
    @InjectQueue(QueueName.ConnectorNetsuite) netsuiteQueue: Queue,
  ) {
    this.queues = { webhook: webhookQueue, sap: sapQueue, netsuite: netsuiteQueue };
    for (const [id, queue] of Object.entries(this.queues)) {
      if (queue.name !== CONNECTOR_QUEUES[id as ConnectorId]) throw new Error(`Queue wiring mismatch for ${id}`);
    }
  }

  of(connector: ConnectorId): Queue {
    return this.queues[connector];
  }
}
