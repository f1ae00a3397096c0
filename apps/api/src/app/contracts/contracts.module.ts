import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@signet/sync-contracts';
import { OrdersModule } from '../orders/orders.module';
import { QuotesModule } from '../quotes/quotes.module';
import { Account360Service } from './account-360.service';
import { AmendmentsService } from './amendments.service';
import {
  Account360Controller,
  ContractsController,
} from './contracts.controller';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { QuoteDrafts } from './quote-drafts';
import { RenewalsProcessor } from './renewals.processor';
import { RenewalsService } from './renewals.service';

@Module({
  imports: [
    OrdersModule,
    QuotesModule,
    BullModule.registerQueue({ name: QueueName.ContractRenewals }),
  ],
  controllers: [ContractsController, Account360Controller],
  providers: [
    ContractsRepository,
    ContractsService,
    AmendmentsService,
    RenewalsService,
    RenewalsProcessor,
    Account360Service,
    QuoteDrafts,
  ],
})
export class ContractsModule {}
