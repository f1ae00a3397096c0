import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  activateOrder,
  cancelOrder,
  type Order,
  ordersError,
  orderStateMachine,
} from '@signet/orders-domain';
import { type LocalDate, parseLocalDate } from '@signet/shared-kernel';
import {
  JobName,
  type OrderActivationJob,
  orderActivationJobId,
  QueueName,
} from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { conflict, notFound } from '../common/app-error';
import { msUntil, todayUtc } from '../common/today';
import { assertVersion } from '../common/value-validators';
import { BusinessEventsService } from '../events/business-events.service';
import type { OrderDto } from './dto/order.dto';
import { OrderActivationHooks } from './order-activation-hooks';
import { OrderQueriesService } from './order-queries.service';
import {
  ledgerDeltas,
  OrdersRepository,
  type StoredOrder,
} from './orders.repository';
import { ordersProblem } from './orders-problem';

/** Scheduled activations retry a few times (a transient database error must not lose an activation). */
const ACTIVATION_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: { age: 90 * 24 * 3600 },
} as const;

const SYSTEM_ACTOR = 'system';

/** Activation (now or scheduled), unscheduling and cancellation of orders. */
@Injectable()
export class OrderLifecycleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrderLifecycleService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.OrderActivation) private readonly queue: Queue,
    private readonly orders: OrdersRepository,
    private readonly queries: OrderQueriesService,
    private readonly events: BusinessEventsService,
    private readonly hooks: OrderActivationHooks,
  ) {}

  /**
   * Re-creates the delayed job of every scheduled draft at start. Job ids are per order, so a job
   * that survived in the queue is left as it is; one lost with its queue store is put back.
   */
  async onApplicationBootstrap(): Promise<void> {
    const rows: { id: string; on: string }[] = await this.db.query(
      `SELECT id, to_char(activation_scheduled_on, 'YYYY-MM-DD') AS on FROM orders WHERE status = 'draft' AND activation_scheduled_on IS NOT NULL`,
    );
    try {
      for (const row of rows)
        await this.enqueue(row.id, parseLocalDate(row.on));
      if (rows.length > 0)
        this.logger.log(
          { scheduled: rows.length },
          'scheduled order activations checked',
        );
    } catch (error) {
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'scheduled activations not re-checked',
      );
    }
  }

  async activate(
    id: string,
    input: { on?: string; version?: number },
    actor: Principal,
  ): Promise<OrderDto> {
    const today = todayUtc();
    const on = input.on ? parseLocalDate(input.on) : today;
    const result = await this.db.manager.transaction(async (manager) => {
      const stored = await this.lockOne(manager, id);
      assertVersion('order', input.version, stored.version);
      if (on > today) {
        await this.schedule(manager, stored, on, actor.id);
        return { scheduled: true, hadSchedule: false };
      }
      const hadSchedule = stored.activationScheduledOn !== null;
      await this.activateNow(manager, stored, on, actor.id);
      return { scheduled: false, hadSchedule };
    });
    // Only an order that was scheduled can have a delayed job to clean up. Asking the queue for
    // every activation made each one wait for Redis during an outage, although the activation
    // and its outbox event were already committed and need no Redis.
    if (result.hadSchedule) await this.dropJob(id);
    return this.queries.get(id);
  }

  async unschedule(id: string, actor: Principal): Promise<OrderDto> {
    await this.db.manager.transaction(async (manager) => {
      const stored = await this.lockOne(manager, id);
      if (!stored.activationScheduledOn)
        throw conflict(
          'not_scheduled',
          `Order ${stored.number} has no scheduled activation.`,
        );
      await this.orders.save(manager, stored, stored.order, {
        actorId: actor.id,
        scheduledOn: null,
      });
      await this.orders.appendHistory(
        manager,
        [
          {
            orderId: id,
            from: stored.order.status,
            to: stored.order.status,
            event: 'unschedule',
            reason: `activation on ${stored.activationScheduledOn} cancelled`,
          },
        ],
        actor.id,
      );
    });
    await this.dropJob(id);
    return this.queries.get(id);
  }

  async cancel(
    id: string,
    input: { reason?: string; version?: number },
    actor: Principal,
  ): Promise<OrderDto> {
    await this.db.manager.transaction(async (manager) => {
      const stored = await this.lockOne(manager, id);
      assertVersion('order', input.version, stored.version);
      const r = cancelOrder(stored.order, {
        at: new Date().toISOString(),
        actor: actor.id,
        ...(input.reason ? { reason: input.reason } : {}),
      });
      if (!r.ok) throw ordersProblem(r.error);
      await this.orders.save(manager, stored, r.value, {
        actorId: actor.id,
        scheduledOn: null,
      });
      await this.orders.applyLedger(
        manager,
        stored.order.quoteId,
        ledgerDeltas(stored.order.lines, []),
      );
    });
    await this.dropJob(id);
    return this.queries.get(id);
  }

  /** Runs a due activation job: only when the order is still a draft scheduled for that very date. */
  async runScheduled(
    job: OrderActivationJob,
  ): Promise<'activated' | 'skipped'> {
    return this.db.manager.transaction(async (manager) => {
      const [stored] = await this.orders.load(
        manager,
        { ids: [job.orderId] },
        true,
      );
      if (
        !stored ||
        stored.order.status !== 'draft' ||
        stored.activationScheduledOn !== job.on
      ) {
        this.logger.warn(
          { orderId: job.orderId, on: job.on, status: stored?.order.status },
          'stale activation job skipped',
        );
        return 'skipped';
      }
      await this.activateNow(manager, stored, parseLocalDate(job.on), null);
      return 'activated';
    });
  }

  /** Activation inside a transaction: domain transition, history, hooks of other modules, the ERP event. */
  async activateNow(
    manager: EntityManager,
    stored: StoredOrder,
    on: LocalDate,
    actorId: string | null,
  ): Promise<Order> {
    const r = activateOrder(stored.order, on, {
      at: new Date().toISOString(),
      actor: actorId ?? SYSTEM_ACTOR,
      reason: `activated on ${on}`,
    });
    if (!r.ok) throw ordersProblem(r.error);
    await this.orders.save(manager, stored, r.value, {
      actorId,
      scheduledOn: null,
    });
    await this.hooks.run(manager, r.value, actorId);
    await this.events.emit(manager, {
      type: 'order.activated',
      objectType: 'order',
      objectId: stored.order.id,
      data: { number: stored.number, activatedOn: on },
    });
    return r.value;
  }

  private async schedule(
    manager: EntityManager,
    stored: StoredOrder,
    on: LocalDate,
    actorId: string,
  ): Promise<void> {
    if (!orderStateMachine.can(stored.order.status, 'activate')) {
      throw ordersProblem(
        ordersError(
          'invalid_state',
          `order ${stored.number} is ${stored.order.status}; only drafts can be scheduled`,
          { order: stored.order.id, status: stored.order.status },
        ),
      );
    }
    await this.orders.save(manager, stored, stored.order, {
      actorId,
      scheduledOn: on,
    });
    await this.orders.appendHistory(
      manager,
      [
        {
          orderId: stored.order.id,
          from: 'draft',
          to: 'draft',
          event: 'schedule',
          reason: `activation scheduled on ${on}`,
        },
      ],
      actorId,
    );
    // The job is added inside the transaction: if the commit fails, the job finds no schedule and is skipped.
    await this.dropJob(stored.order.id);
    await this.enqueue(stored.order.id, on);
  }

  private async enqueue(orderId: string, on: LocalDate): Promise<void> {
    const data: OrderActivationJob = { orderId, on };
    await this.queue.add(JobName.OrderActivate, data, {
      ...ACTIVATION_JOB_OPTIONS,
      jobId: orderActivationJobId(orderId),
      delay: msUntil(on),
    });
  }

  private async dropJob(orderId: string): Promise<void> {
    const job = await this.queue.getJob(orderActivationJobId(orderId));
    if (job && !(await job.isActive())) await job.remove();
  }

  private async lockOne(
    manager: EntityManager,
    id: string,
  ): Promise<StoredOrder> {
    const [stored] = await this.orders.load(manager, { ids: [id] }, true);
    if (!stored) throw notFound('Order', id);
    return stored;
  }

  /** The job state of a scheduled activation, for the schedule view. */
  async jobState(orderId: string): Promise<string | null> {
    const job = await this.queue.getJob(orderActivationJobId(orderId));
    return job ? await job.getState() : null;
  }
}
