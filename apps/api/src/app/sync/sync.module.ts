import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorQueues } from './connector-queues';
import { LedgerQueries } from './ledger-queries.service';
import { DocumentSource } from './outbox/document-source';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { RedeliverySweep } from './outbox/redelivery.service';
import { RedriveService } from './redrive.service';
import { SyncLedgerEventEntity } from './sync-ledger-event.entity';
import { SyncLedgerEntity } from './sync-ledger.entity';
import { SyncResultsProcessor } from './sync-results.processor';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';

@Module({
  imports: [TypeOrmModule.forFeature([SyncLedgerEntity, SyncLedgerEventEntity])],
  controllers: [SyncController],
  providers: [ConnectorQueues, SyncService, SyncResultsProcessor, LedgerQueries, DocumentSource, OutboxRelay, RedeliverySweep, RedriveService],
  exports: [SyncService, DocumentSource, LedgerQueries],
})
export class SyncModule {}
