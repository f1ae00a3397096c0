import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { FactStore } from './fact-store';
import { InboundFactsController } from './inbound-facts.controller';
import { InboundFactsProcessor } from './inbound-facts.processor';
import { InboundFactsService } from './inbound-facts.service';

/** Fulfilment and invoice facts from ERPs: the signed endpoint and the inbound queue. */
@Module({
  imports: [OrdersModule],
  controllers: [InboundFactsController],
  providers: [FactStore, InboundFactsService, InboundFactsProcessor],
})
export class InboundFactsModule {}
