import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
 * transaction's manager so the event belongs to the same commit as the change; the transactional
 * outbox of the sync module plugs in here (it writes the row with this manager), and until it does
 * the event is logged with its object so operators can see what would have been sent.
 */
@Injectable()
export class BusinessEventsService {
  private readonly logger = new Logger('BusinessEvents');

  async emit(manager: EntityManager, event: BusinessEvent): Promise<void> {
    void manager;
    this.logger.log(
      {
        event: event.type,
        objectType: event.objectType,
        objectId: event.objectId,
      },
      'business event',
    );
  }
}
