import { Injectable } from '@nestjs/common';
import type { Order } from '@signet/orders-domain';
import type { EntityManager } from 'typeorm';

export type OrderActivatedHook = (
  manager: EntityManager,
  order: Order,
  actorId: string | null,
) => Promise<void>;

/**
 * Side effects of an activation that belong to other modules (an amendment order updates its
 * contract), run inside the activation's transaction. Modules register here instead of the orders
 * module depending on them.
 */
@Injectable()
export class OrderActivationHooks {
  private readonly hooks: OrderActivatedHook[] = [];

  register(hook: OrderActivatedHook): void {
    this.hooks.push(hook);
  }

  async run(
    manager: EntityManager,
    order: Order,
    actorId: string | null,
  ): Promise<void> {
    for (const hook of this.hooks) await hook(manager, order, actorId);
  }
}
