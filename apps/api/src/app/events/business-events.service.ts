import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../sync/outbox/outbox.service';

/** Canonical business events of orders and contracts, named as `@signet/sync-contracts` names their jobs. */
export type BusinessEventType =
  | 'order.activated'
  | 'order.changed'
  | 'order.cancelled'
  | 'contract.activated'
  | 'assets.created'
  | 'subscriptions.changed';

export interface BusinessEvent {
  readonly type: BusinessEventType;
  readonly objectType: 'order' | 'contract';
  readonly objectId: string;
  readonly data: Record<string, unknown>;
}

/**
 * The one place orders and contracts hand their events to the ERP sync. Callers pass the
 * transaction's manager so the event belongs to the same commit as the change: it is written to
 * the transactional outbox (`sync_outbox`), and the relay publishes it once the commit is done.
 */
@Injectable()
export class BusinessEventsService {
  private readonly logger = new Logger('BusinessEvents');

  constructor(private readonly outbox: OutboxService) {}

  async emit(manager: EntityManager, event: BusinessEvent): Promise<void> {
    const emitted = await this.outbox.emit(manager, event);
    this.logger.debug({ event: event.type, objectType: event.objectType, objectId: event.objectId, eventId: emitted.id, sequence: emitted.sequence }, 'business event');
  }
}
