import { Decimal } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { OrderFactDto, OrderInvoiceDto } from './dto/order-facts.dto';

/** Read side of what ERPs reported about orders: per-line fulfilment, invoices and the facts themselves. */

export interface LineFulfilmentView {
  shipped: string;
  delivered: string;
  shippedOn: string | null;
  deliveredOn: string | null;
  invoiced: string;
}

export async function lineFulfilment(manager: EntityManager, orderId: string): Promise<Map<string, LineFulfilmentView>> {
  const rows: { line_id: string; shipped: string | null; delivered: string | null; shipped_on: string | null; delivered_on: string | null; invoiced: string | null }[] =
    await manager.query(
      `SELECT ol.line_id, f.shipped::text AS shipped, f.delivered::text AS delivered,
              to_char(f.shipped_on, 'YYYY-MM-DD') AS shipped_on, to_char(f.delivered_on, 'YYYY-MM-DD') AS delivered_on,
              (SELECT sum(il.amount)::text FROM order_invoice_lines il WHERE il.order_id = ol.order_id AND il.line_id = ol.line_id) AS invoiced
         FROM order_lines ol LEFT JOIN order_line_fulfilment f ON f.order_id = ol.order_id AND f.line_id = ol.line_id
        WHERE ol.order_id = $1`,
      [orderId],
    );
  return new Map(
    rows.map((r) => [
      r.line_id,
      {
        shipped: Decimal.of(r.shipped ?? '0').toString(),
        delivered: Decimal.of(r.delivered ?? '0').toString(),
        shippedOn: r.shipped_on,
        deliveredOn: r.delivered_on,
        invoiced: Decimal.of(r.invoiced ?? '0').toFixed2(),
      },
    ]),
  );
}

export async function orderInvoices(manager: EntityManager, orderId: string): Promise<OrderInvoiceDto[]> {
  const rows: { id: string; connector: string; invoice_number: string; date: string; currency: string; total: string; lines: { lineId: string; amount: string }[] | null }[] =
    await manager.query(
      `SELECT i.id, i.connector, i.invoice_number, to_char(i.invoice_date, 'YYYY-MM-DD') AS date, i.currency, i.total::text AS total,
              (SELECT json_agg(json_build_object('lineId', il.line_id, 'amount', il.amount::text) ORDER BY il.line_id) FROM order_invoice_lines il WHERE il.invoice_id = i.id) AS lines
         FROM order_invoices i WHERE i.order_id = $1 ORDER BY i.invoice_date, i.invoice_number`,
      [orderId],
    );
  return rows.map((r) => ({
    connector: r.connector,
    invoiceNumber: r.invoice_number,
    date: r.date,
    currency: r.currency,
    total: Decimal.of(r.total).toFixed2(),
    lines: (r.lines ?? []).map((l) => ({ lineId: l.lineId, amount: Decimal.of(l.amount).toFixed2() })),
  }));
}

interface FactRow {
  id: string;
  connector: string;
  fact_id: string;
  kind: string;
  source: string;
  order_number: string;
  erp_document_id: string | null;
  occurred_at: Date;
  received_at: Date;
  outcome: string;
  reason: string | null;
  detail: string | null;
  payload: Record<string, unknown>;
  total: string;
}

export function toFactDto(r: FactRow): OrderFactDto {
  return {
    id: r.id,
    connector: r.connector,
    factId: r.fact_id,
    kind: r.kind,
    source: r.source,
    orderNumber: r.order_number,
    erpDocumentId: r.erp_document_id,
    occurredAt: r.occurred_at.toISOString(),
    receivedAt: r.received_at.toISOString(),
    outcome: r.outcome,
    reason: r.reason,
    detail: r.detail,
    payload: r.payload,
  };
}

/** An order's facts, newest first. */
export async function orderFacts(manager: EntityManager, orderId: string, take: number, skip: number): Promise<{ items: OrderFactDto[]; total: number }> {
  const rows: FactRow[] = await manager.query(
    `SELECT id, connector, fact_id, kind, source, order_number, erp_document_id, occurred_at, received_at, outcome, reason, detail, payload,
            count(*) OVER () AS total
       FROM erp_facts WHERE order_id = $1 ORDER BY received_at DESC, id LIMIT $2 OFFSET $3`,
    [orderId, take, skip],
  );
  return { items: rows.map(toFactDto), total: rows[0] ? Number(rows[0].total) : 0 };
}
