import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { QueueName } from '@signet/sync-contracts';
import { configureQueueBackend, type QueueBackend } from '@signet/sync-queue';
import { databaseConfig, queueConfig } from '../config/configuration';
import { QUEUE_BACKEND } from './queue.tokens';

@Global()
@Module({
  providers: [
    {
      provide: QUEUE_BACKEND,
      inject: [queueConfig.KEY, databaseConfig.KEY],
      useFactory: (queue: ConfigType<typeof queueConfig>, db: ConfigType<typeof databaseConfig>): QueueBackend =>
        configureQueueBackend({ redisUrl: queue.redisUrl, databaseUrl: db.url, prefix: queue.prefix }),
    },
  ],
  exports: [QUEUE_BACKEND],
})
class QueueBackendModule {}

/** BullMQ for the API; which engine runs underneath is decided once, in configureQueueBackend. */
@Global()
@Module({
  imports: [
    QueueBackendModule,
    BullModule.forRootAsync({
      inject: [QUEUE_BACKEND],
      useFactory: (backend: QueueBackend) => ({ connection: backend.connection, prefix: backend.prefix }),
    }),
    BullModule.registerQueue(
      { name: QueueName.ConnectorWebhook },
      { name: QueueName.ConnectorSap },
      { name: QueueName.ConnectorNetsuite },
      { name: QueueName.SyncResults },
      { name: QueueName.SyncInbound },
      { name: QueueName.Notifications },
    ),
  ],
  exports: [QueueBackendModule, BullModule],
})
export class QueueModule {}
