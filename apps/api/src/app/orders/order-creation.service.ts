import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  draftOrdersFromPlan,
  normaliseSplitBy,
  type OrderPlan,
  planOrders,
  QuantityLedger,
  summarisePlan,
} from '@signet/orders-domain';
import { Decimal } from '@signet/shared-kernel';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict } from '../common/app-error';
import { rethrowConstraint } from '../common/db-errors';
import { FieldsService } from '../catalogue/fields.service';
import type {
  CreateOrdersDto,
  CreateOrdersResultDto,
  PlannedOrderDto,
} from './dto/order.dto';
import { OrdersRepository } from './orders.repository';
import { ordersProblem } from './orders-problem';
import { type QuoteForOrders, QuoteSource } from './quote-source';

/**
 * Creates orders from an approved quote: plan (the dry run) and execution share one code path, so a
 * dry run shows exactly what executing the same request would write. Writes are set-based.
 */
@Injectable()
export class OrderCreationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuoteSource,
    private readonly orders: OrdersRepository,
    private readonly fields: FieldsService,
    private readonly audit: AuditService,
  ) {}

  async create(
    quoteId: string,
    input: CreateOrdersDto,
    dryRun: boolean,
    actor: Principal,
  ): Promise<CreateOrdersResultDto> {
    const run = (manager: EntityManager) =>
      this.createIn(manager, quoteId, input, dryRun, actor);
    if (dryRun) return this.db.manager.transaction('REPEATABLE READ', run);
    try {
      return await this.db.manager.transaction(run);
    } catch (error) {
      // Two requests with one idempotency key at the same moment: the loser answers with the winner's orders.
      if (
        input.idempotencyKey &&
        (error as { code?: string }).code === '23505'
      ) {
        return this.db.manager.transaction((m) =>
          this.createIn(m, quoteId, input, false, actor),
        );
      }
      return rethrowConstraint(error, {});
    }
  }

  private async createIn(
    manager: EntityManager,
    quoteId: string,
    input: CreateOrdersDto,
    dryRun: boolean,
    actor: Principal,
  ): Promise<CreateOrdersResultDto> {
    const quote = await this.quotes.load(manager, quoteId, { lock: !dryRun });
    if (quote.status !== 'approved') {
      throw conflict(
        'quote_not_approved',
        `Quote ${quote.number} is ${quote.status}; only approved quotes can be ordered.`,
        { quoteStatus: quote.status },
      );
    }
    const by =
      input.by === undefined || input.by === null
        ? [...(quote.orderBy ?? [])]
        : input.by;
    QuoteSource.checkSplitPaths(by, await this.fields.definitions(manager));
    const requestHash = hashRequest(by, input);
    if (input.idempotencyKey) {
      const replay = await this.replay(
        manager,
        quote,
        input.idempotencyKey,
        requestHash,
        by,
      );
      if (replay) return replay;
    }
    if (quote.amendmentId) assertWholeAmendment(input);
    if (!dryRun) await this.orders.syncLedger(manager, quote.id);
    const ledger = QuantityLedger.fromBalances(
      quote.resolved,
      await this.orders.ledgerBalances(manager, quote.id),
    );
    const planned = planOrders(quote.resolved, ledger, {
      by: normaliseSplitBy(by),
      lines: input.lines ?? null,
      quantities: input.quantities
        ? Object.fromEntries(
            input.quantities.map((q) => [q.lineId, q.quantity]),
          )
        : null,
    });
    if (!planned.ok) throw ordersProblem(planned.error);
    if (quote.amendmentId && planned.value.orders.length > 1) {
      throw new AppError(
        400,
        'invalid_input',
        'Invalid request',
        'An amendment quote is ordered as one order: do not split it.',
      );
    }
    if (dryRun) return this.result(quote, planned.value, by, { dryRun: true });
    const firstSequence = await this.orders.nextSequence(manager, quote.id);
    const ids = planned.value.orders.map(() => randomUUID());
    const drafts = draftOrdersFromPlan(quote.resolved, planned.value, {
      at: new Date().toISOString(),
      actor: actor.id,
      newId: (i) => ids[i],
      firstSequence,
    });
    await this.orders.insert(
      manager,
      quote.resolved,
      quote.accountId,
      drafts,
      quote.productNames,
      actor.id,
    );
    const deltas = new Map<string, Decimal>();
    for (const o of drafts)
      for (const l of o.lines)
        deltas.set(
          l.lineId,
          l.quantity.add(deltas.get(l.lineId) ?? Decimal.ZERO),
        );
    await this.orders.applyLedger(manager, quote.id, deltas);
    if (input.idempotencyKey) {
      await manager.query(
        `INSERT INTO order_requests (quote_id, idempotency_key, request_hash, order_ids, created_by) VALUES ($1, $2, $3, $4::uuid[], $5)`,
        [quote.id, input.idempotencyKey, requestHash, ids, actor.id],
      );
    }
    if (drafts.length > 0) {
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'orders.created',
          targetType: 'quote',
          targetId: quote.id,
          detail: {
            orders: ids.length,
            by,
            lines: drafts.reduce((n, o) => n + o.lines.length, 0),
          },
        },
        manager,
      );
    }
    const numbers: { id: string; number: string }[] = ids.length
      ? await manager.query(
          `SELECT id, number FROM orders WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
    return this.result(quote, planned.value, by, {
      dryRun: false,
      ids,
      numbers: numberOf,
    });
  }

  /** A request seen before with the same key: the same body answers with the orders it created; another body is refused. */
  private async replay(
    manager: EntityManager,
    quote: QuoteForOrders,
    key: string,
    hash: string,
    by: readonly string[],
  ): Promise<CreateOrdersResultDto | undefined> {
    const rows: { request_hash: string; order_ids: string[] }[] =
      await manager.query(
        `SELECT request_hash, order_ids FROM order_requests WHERE quote_id = $1 AND idempotency_key = $2`,
        [quote.id, key],
      );
    const seen = rows[0];
    if (!seen) return undefined;
    if (seen.request_hash !== hash) {
      throw conflict(
        'idempotency_key_reused',
        `Idempotency key '${key}' was used for a different request on this quote.`,
      );
    }
    const stored = await this.orders.load(manager, { ids: seen.order_ids });
    const plan: OrderPlan = {
      quoteId: quote.id,
      orders: stored.map((s) => ({
        key: s.order.key,
        effectiveDate: s.order.effectiveDate,
        lines: s.order.lines.map((l) => ({
          lineId: l.lineId,
          quantity: l.quantity,
        })),
      })),
    };
    return this.result(quote, plan, by, {
      dryRun: false,
      replayed: true,
      ids: stored.map((s) => s.order.id),
      numbers: new Map(stored.map((s) => [s.order.id, s.number])),
    });
  }

  private result(
    quote: QuoteForOrders,
    plan: OrderPlan,
    by: readonly string[],
    meta: {
      dryRun: boolean;
      replayed?: boolean;
      ids?: readonly string[];
      numbers?: ReadonlyMap<string, string>;
    },
  ): CreateOrdersResultDto {
    const summary = summarisePlan(quote.resolved, plan);
    const orders = summary.orders.map((o, i): PlannedOrderDto => {
      const id = meta.ids?.[i] ?? null;
      return {
        id,
        number: id ? (meta.numbers?.get(id) ?? null) : null,
        key: o.key,
        effectiveDate: o.effectiveDate,
        lineCount: o.lineCount,
        netTotal: o.netTotal.toFixed2(),
        lines: o.lines.map((l) => ({
          lineId: l.lineId,
          position: l.position,
          sku: l.sku,
          productName: quote.productNames.get(l.lineId) ?? l.sku,
          quantity: l.quantity.toString(),
          quoted: l.quoted.toString(),
          netTotal: l.netTotal.toFixed2(),
          startDate: l.start,
          endDate: l.end,
        })),
      };
    });
    return {
      dryRun: meta.dryRun,
      replayed: meta.replayed ?? false,
      by: [...by],
      orderCount: summary.orderCount,
      lineCount: summary.lineCount,
      netTotal: summary.netTotal.toFixed2(),
      orders,
    };
  }
}

function hashRequest(by: readonly string[], input: CreateOrdersDto): string {
  const canonical = JSON.stringify({
    by,
    lines: input.lines ? [...input.lines].sort() : null,
    quantities: input.quantities
      ? [...input.quantities].map((q) => [q.lineId, String(q.quantity)]).sort()
      : null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function assertWholeAmendment(input: CreateOrdersDto): void {
  if (
    (input.lines && input.lines.length > 0) ||
    (input.quantities && input.quantities.length > 0)
  ) {
    throw new AppError(
      400,
      'invalid_input',
      'Invalid request',
      'An amendment quote is ordered whole: no line selection or partial quantities.',
    );
  }
}
