import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** Global so that every module whose transactions emit events can write to the outbox. */
@Global()
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
