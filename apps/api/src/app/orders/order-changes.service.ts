import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  changeDraftQuantity,
  mergeDraftOrders,
  moveLines,
  type Order,
  ordersError,
  QuantityLedger,
} from '@signet/orders-domain';
import { parseLocalDate } from '@signet/shared-kernel';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { invalidInput, notFound } from '../common/app-error';
import { assertVersion } from '../common/value-validators';
import type {
  MergeOrdersDto,
  MoveLinesDto,
  MoveLinesResultDto,
  OrderDto,
  UpdateOrderDto,
} from './dto/order.dto';
import { OrderQueriesService } from './order-queries.service';
import {
  ledgerDeltas,
  OrdersRepository,
  type StoredOrder,
} from './orders.repository';
import { ordersProblem } from './orders-problem';
import { QuoteSource } from './quote-source';

/** Point-and-click changes to draft orders: dates, quantities, moving lines, merging. */
@Injectable()
export class OrderChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrdersRepository,
    private readonly quotes: QuoteSource,
    private readonly queries: OrderQueriesService,
  ) {}

  async update(
    id: string,
    input: UpdateOrderDto,
    actor: Principal,
  ): Promise<OrderDto> {
    if (input.effectiveDate === undefined && input.lines === undefined) {
      throw invalidInput([
        {
          field: 'effectiveDate',
          message: 'give effectiveDate or lines to change',
        },
      ]);
    }
    await this.db.manager.transaction(async (manager) => {
      const quoteId = await this.quoteOf(manager, id);
      const quote = await this.quotes.load(manager, quoteId, { lock: true });
      const [stored] = await this.orders.load(manager, { ids: [id] }, true);
      assertVersion('order', input.version, stored.version);
      const ctx = {
        at: new Date().toISOString(),
        actor: actor.id,
        ...(input.reason ? { reason: input.reason } : {}),
      };
      let order: Order = stored.order;
      if (order.status !== 'draft')
        throw ordersProblem(
          ordersError(
            'invalid_state',
            `order ${stored.number} is ${order.status}, only drafts can be changed`,
            { order: id },
          ),
        );
      if (input.lines) {
        const ledger = QuantityLedger.fromBalances(
          quote.resolved,
          await this.orders.ledgerBalances(manager, quoteId),
        );
        const seen = new Set<string>();
        for (const change of input.lines) {
          if (seen.has(change.lineId))
            throw invalidInput([
              {
                field: 'lines',
                message: `line ${change.lineId} is named twice`,
              },
            ]);
          seen.add(change.lineId);
          // Each change is checked against what remains on the quote line plus what this draft holds.
          const r = changeDraftQuantity(
            order,
            change.lineId,
            change.quantity,
            ledger,
            ctx,
          );
          if (!r.ok) throw ordersProblem(r.error);
          order = r.value;
        }
        await this.orders.applyLedger(
          manager,
          quoteId,
          ledgerDeltas(stored.order.lines, order.lines),
        );
      }
      if (input.effectiveDate !== undefined) {
        order = {
          ...order,
          effectiveDate: parseLocalDate(input.effectiveDate),
          history: [
            ...order.history,
            {
              from: 'draft',
              to: 'draft',
              event: 'change-date',
              at: ctx.at,
              actor: actor.id,
              reason: `effective date ${stored.order.effectiveDate} → ${input.effectiveDate}`,
            },
          ],
        };
      }
      await this.orders.save(manager, stored, order, {
        quote: quote.resolved,
        names: quote.productNames,
        actorId: actor.id,
        linesChanged: input.lines !== undefined,
      });
    });
    return this.queries.get(id);
  }

  async moveLines(
    id: string,
    input: MoveLinesDto,
    actor: Principal,
  ): Promise<MoveLinesResultDto> {
    await this.db.manager.transaction(async (manager) => {
      const quoteId = await this.quoteOf(manager, id);
      const quote = await this.quotes.load(manager, quoteId, { lock: true });
      const [source, target] = await this.both(manager, id, input.to);
      assertVersion('order', input.version, source.version);
      const r = moveLines(source.order, target.order, input.lines, {
        at: new Date().toISOString(),
        actor: actor.id,
        reason: `moved ${input.lines.length} line(s) ${source.number} → ${target.number}`,
      });
      if (!r.ok) throw ordersProblem(r.error);
      await this.orders.save(manager, source, r.value.source, {
        quote: quote.resolved,
        names: quote.productNames,
        actorId: actor.id,
        linesChanged: true,
      });
      await this.orders.save(manager, target, r.value.target, {
        quote: quote.resolved,
        names: quote.productNames,
        actorId: actor.id,
        linesChanged: true,
      });
    });
    return {
      source: await this.queries.get(id),
      target: await this.queries.get(input.to),
    };
  }

  async merge(
    id: string,
    input: MergeOrdersDto,
    actor: Principal,
  ): Promise<OrderDto> {
    if (input.from.includes(id))
      throw invalidInput([
        { field: 'from', message: 'an order cannot be merged into itself' },
      ]);
    await this.db.manager.transaction(async (manager) => {
      const quoteId = await this.quoteOf(manager, id);
      const quote = await this.quotes.load(manager, quoteId, { lock: true });
      const stored = await this.orders.load(
        manager,
        { ids: [id, ...input.from] },
        true,
      );
      const into = stored.find((s) => s.order.id === id);
      if (!into) throw notFound('Order', id);
      assertVersion('order', input.version, into.version);
      let target = into.order;
      for (const fromId of input.from) {
        const from = stored.find((s) => s.order.id === fromId);
        if (!from) throw notFound('Order', fromId);
        const r = mergeDraftOrders(target, from.order, {
          at: new Date().toISOString(),
          actor: actor.id,
        });
        if (!r.ok) throw ordersProblem(r.error);
        target = r.value.into;
        await this.orders.save(manager, from, r.value.from, {
          quote: quote.resolved,
          names: quote.productNames,
          actorId: actor.id,
          linesChanged: true,
          scheduledOn: null,
        });
      }
      await this.orders.save(manager, into, target, {
        quote: quote.resolved,
        names: quote.productNames,
        actorId: actor.id,
        linesChanged: true,
      });
    });
    return this.queries.get(id);
  }

  private async quoteOf(
    manager: EntityManager,
    orderId: string,
  ): Promise<string> {
    const rows: { quote_id: string }[] = await manager.query(
      `SELECT quote_id FROM orders WHERE id = $1`,
      [orderId],
    );
    if (!rows[0]) throw notFound('Order', orderId);
    return rows[0].quote_id;
  }

  private async both(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<[StoredOrder, StoredOrder]> {
    const stored = await this.orders.load(manager, { ids: [a, b] }, true);
    const first = stored.find((s) => s.order.id === a);
    const second = stored.find((s) => s.order.id === b);
    if (!first) throw notFound('Order', a);
    if (!second) throw notFound('Order', b);
    return [first, second];
  }
}
