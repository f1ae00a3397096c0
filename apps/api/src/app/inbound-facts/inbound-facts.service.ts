import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyFulfilmentFact,
  applyInvoiceFact,
  applyOrderEvent,
  type FactDecision,
  type LineFactState,
  type OrderFactState,
} from '@signet/orders-domain';
import type { LocalDate } from '@signet/shared-kernel';
import type { InboundFactPayload } from '@signet/sync-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { OrdersRepository } from '../orders/orders.repository';
import { ordersProblem } from '../orders/orders-problem';
import { FactStore, type FactSource, type OrderHeader } from './fact-store';

export interface FactOutcome {
  factId: string;
  outcome: 'applied' | 'ignored' | 'rejected';
  reason: string | null;
  field: string | null;
  detail: string | null;
  orderStatus: string | null;
}

const ERP_ACTOR = 'erp';

/**
 * Applies one ERP fact in one transaction: the order is locked, the orders domain decides, and
 * the fact is logged with its outcome whatever it is. Nothing here emits an ERP event: a fact
 * comes from an ERP, echoing it back would loop.
 */
@Injectable()
export class InboundFactsService {
  private readonly logger = new Logger(InboundFactsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: FactStore,
    private readonly orders: OrdersRepository,
  ) {}

  async apply(fact: InboundFactPayload, source: FactSource, messageId?: string): Promise<FactOutcome> {
    const result = await this.db.manager.transaction(async (manager) => {
      if (messageId !== undefined && !(await this.store.rememberMessage(manager, fact.connector, messageId)))
        throw new AppError(401, 'replayed_message', 'Unauthorized', `Message ${messageId} was already received.`);
      const order = await this.store.lockOrder(manager, fact.orderNumber);
      if (await this.store.seen(manager, fact.connector, fact.factId)) return outcome(fact, 'ignored', 'duplicate', null, null, order?.status ?? null);
      if (!order) {
        const detail = `no order ${fact.orderNumber}`;
        await this.store.record(manager, { fact, source, orderId: null, outcome: 'rejected', reason: 'unknown_order', detail });
        return outcome(fact, 'rejected', 'unknown_order', 'orderNumber', detail, null);
      }
      const state: OrderFactState = {
        status: order.status,
        currency: order.currency,
        lines: await this.store.lines(manager, order.id),
        seenFactIds: new Set(),
      };
      const decision = fact.kind === 'fulfilment' ? await this.fulfil(manager, order, state, fact) : await this.invoice(manager, order, state, fact);
      const base = { fact, source, orderId: order.id };
      if (decision.outcome === 'rejected') {
        const { code, field, message } = decision.rejection;
        await this.store.record(manager, { ...base, outcome: 'rejected', reason: code, detail: `${field}: ${message}` });
        return outcome(fact, 'rejected', code, field, message, order.status);
      }
      if (decision.outcome === 'ignored') {
        await this.store.record(manager, { ...base, outcome: 'ignored', reason: decision.reason, detail: null });
        return outcome(fact, 'ignored', decision.reason, null, null, order.status);
      }
      await this.store.record(manager, { ...base, outcome: 'applied', reason: null, detail: null });
      return outcome(fact, 'applied', null, null, null, decision.orderStatus);
    });
    this.logger.log({ connector: fact.connector, factId: fact.factId, kind: fact.kind, source, outcome: result.outcome, reason: result.reason }, 'inbound fact');
    return result;
  }

  private async fulfil(
    manager: EntityManager,
    order: OrderHeader,
    state: OrderFactState,
    fact: InboundFactPayload,
  ): Promise<FactDecision<{ orderStatus: string }>> {
    const decision = applyFulfilmentFact(state, { factId: fact.factId, occurredAt: fact.occurredAt, lines: fact.fulfilment?.lines ?? [] });
    if (decision.outcome !== 'applied') return decision;
    const touched = decision.lines.filter((l, i) => l.lastFactAt !== state.lines[i].lastFactAt || decision.changed.includes(l.lineId));
    await this.store.saveFulfilment(manager, order.id, touched);
    const latestDate = (fact.fulfilment?.lines ?? []).map((l) => l.date).sort().at(-1) as LocalDate;
    const changedLines = decision.lines.filter((l) => decision.changed.includes(l.lineId));
    await this.store.updateAssets(manager, order.id, changedLines, latestDate);
    let status: string = order.status;
    if (decision.changed.length > 0) {
      await this.orders.appendHistory(
        manager,
        [
          {
            orderId: order.id,
            event: 'fulfil',
            from: order.status,
            to: order.status,
            reason: changedLines.map((l) => `line ${l.position + 1}: ${l.shipped.toString()} shipped, ${l.delivered.toString()} delivered`).join('; '),
            detail: { connector: fact.connector, factId: fact.factId, erpDocumentId: fact.erpDocumentId ?? null },
          },
        ],
        null,
      );
    }
    if (decision.completesOrder) status = await this.complete(manager, order, decision.lines, fact);
    return { outcome: 'applied', orderStatus: status };
  }

  /** Moves the order to `fulfilled` through the orders state machine (its guard re-checks the quantities). */
  private async complete(manager: EntityManager, order: OrderHeader, lines: readonly LineFactState[], fact: InboundFactPayload): Promise<string> {
    const [stored] = await this.orders.load(manager, { ids: [order.id] }, true);
    const delivered = new Map(lines.map((l) => [l.lineId, l]));
    const withFulfilment = {
      ...stored.order,
      lines: stored.order.lines.map((l) => {
        const d = delivered.get(l.lineId);
        return { ...l, fulfilments: d && d.delivered.isPositive() ? [{ quantity: d.delivered, on: (d.deliveredOn ?? stored.order.effectiveDate) as LocalDate }] : [] };
      }),
    };
    const r = applyOrderEvent(withFulfilment, 'complete', {
      at: new Date().toISOString(),
      actor: ERP_ACTOR,
      reason: `delivered in full (${fact.connector} fact ${fact.factId})`,
    });
    if (!r.ok) throw ordersProblem(r.error);
    await this.orders.save(manager, stored, r.value, { actorId: null });
    return r.value.status;
  }

  private async invoice(
    manager: EntityManager,
    order: OrderHeader,
    state: OrderFactState,
    fact: InboundFactPayload,
  ): Promise<FactDecision<{ orderStatus: string }>> {
    const invoice = fact.invoice;
    if (!invoice) return { outcome: 'rejected', rejection: { code: 'no_lines', field: 'invoice', message: 'an invoice fact needs an invoice' } };
    const recorded = await this.store.invoices(manager, order.id, fact.connector);
    const decision = applyInvoiceFact(state, recorded, { factId: fact.factId, occurredAt: fact.occurredAt, ...invoice });
    if (decision.outcome !== 'applied') return decision;
    await this.store.saveInvoice(manager, order.id, fact, decision.invoice);
    await this.orders.appendHistory(
      manager,
      [
        {
          orderId: order.id,
          event: 'invoice',
          from: order.status,
          to: order.status,
          reason: `${decision.replaces ? 'invoice corrected' : 'invoiced'}: ${invoice.invoiceNumber} ${decision.invoice.total.toFixed2()} ${invoice.currency}`,
          detail: { connector: fact.connector, factId: fact.factId, billed: Object.fromEntries([...decision.billed].map(([k, v]) => [k, v.toFixed2()])) },
        },
      ],
      null,
    );
    return { outcome: 'applied', orderStatus: order.status };
  }
}

function outcome(
  fact: InboundFactPayload,
  result: FactOutcome['outcome'],
  reason: string | null,
  field: string | null,
  detail: string | null,
  orderStatus: string | null,
): FactOutcome {
  return { factId: fact.factId, outcome: result, reason, field, detail, orderStatus };
}
