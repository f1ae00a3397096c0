import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncLedgerEntity } from './sync-ledger.entity';
import { SyncResultsProcessor } from './sync-results.processor';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';

@Module({
  imports: [TypeOrmModule.forFeature([SyncLedgerEntity])],
  controllers: [SyncController],
  providers: [SyncService, SyncResultsProcessor],
  exports: [SyncService],
})
export class SyncModule {}
