import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@signet/sync-contracts';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BusinessEventsService } from '../events/business-events.service';
import { QuotesModule } from '../quotes/quotes.module';
import { OrderActivationHooks } from './order-activation-hooks';
import { OrderActivationProcessor } from './order-activation.processor';
import { OrderChangesService } from './order-changes.service';
import { OrderCreationService } from './order-creation.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderQueriesService } from './order-queries.service';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { QuoteSource } from './quote-source';

@Module({
  imports: [
    QuotesModule,
    CatalogueModule,
    BullModule.registerQueue({ name: QueueName.OrderActivation }),
  ],
  controllers: [OrdersController],
  providers: [
    QuoteSource,
    OrdersRepository,
    OrderCreationService,
    OrderChangesService,
    OrderLifecycleService,
    OrderQueriesService,
    OrderActivationHooks,
    OrderActivationProcessor,
    BusinessEventsService,
  ],
  exports: [
    QuoteSource,
    OrdersRepository,
    OrderQueriesService,
    OrderLifecycleService,
    OrderActivationHooks,
    BusinessEventsService,
  ],
})
export class OrdersModule {}
