import { Injectable } from '@nestjs/common';
import { assetStatusesFromFulfilment } from '@signet/contracts-domain';
import type { LineFactState, OrderStatus, RecordedInvoice } from '@signet/orders-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { InboundFactPayload } from '@signet/sync-contracts';
import type { EntityManager } from 'typeorm';

export type FactSource = 'webhook' | 'poll';

export interface FactRecord {
  readonly fact: InboundFactPayload;
  readonly source: FactSource;
  readonly orderId: string | null;
  readonly outcome: 'applied' | 'ignored' | 'rejected';
  readonly reason: string | null;
  readonly detail: string | null;
}

export interface OrderHeader {
  readonly id: string;
  readonly status: OrderStatus;
  readonly currency: string;
}

/** SQL of the inbound facts: the fact log, per-line fulfilment, invoices, asset status. */
@Injectable()
export class FactStore {
  /** The order a fact's number refers to, locked for the rest of the transaction. */
  async lockOrder(manager: EntityManager, number: string): Promise<OrderHeader | null> {
    const rows: { id: string; status: OrderStatus; currency: string }[] = await manager.query(
      `SELECT o.id, o.status, q.currency FROM orders o JOIN quotes q ON q.id = o.quote_id WHERE o.number = $1 FOR UPDATE OF o`,
      [number],
    );
    return rows[0] ?? null;
  }

  async seen(manager: EntityManager, connector: string, factId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM erp_facts WHERE connector = $1 AND fact_id = $2`, [connector, factId]);
    return rows.length > 0;
  }

  async lines(manager: EntityManager, orderId: string): Promise<LineFactState[]> {
    const rows: {
      line_id: string;
      position: number;
      quantity: string;
      net_total: string;
      shipped: string | null;
      delivered: string | null;
      shipped_on: string | null;
      delivered_on: string | null;
      last_fact_at: Date | null;
    }[] = await manager.query(
      `SELECT ol.line_id, ol.position, ol.quantity::text AS quantity, ol.net_total::text AS net_total, f.shipped::text AS shipped, f.delivered::text AS delivered,
              to_char(f.shipped_on, 'YYYY-MM-DD') AS shipped_on, to_char(f.delivered_on, 'YYYY-MM-DD') AS delivered_on, f.last_fact_at
         FROM order_lines ol LEFT JOIN order_line_fulfilment f ON f.order_id = ol.order_id AND f.line_id = ol.line_id
        WHERE ol.order_id = $1 ORDER BY ol.position`,
      [orderId],
    );
    return rows.map((r) => ({
      lineId: r.line_id,
      position: r.position,
      ordered: Decimal.of(r.quantity),
      netTotal: Decimal.of(r.net_total),
      shipped: Decimal.of(r.shipped ?? '0'),
      delivered: Decimal.of(r.delivered ?? '0'),
      shippedOn: r.shipped_on as LocalDate | null,
      deliveredOn: r.delivered_on as LocalDate | null,
      lastFactAt: r.last_fact_at ? r.last_fact_at.toISOString() : null,
    }));
  }

  async invoices(manager: EntityManager, orderId: string, connector: string): Promise<RecordedInvoice[]> {
    const rows: { invoice_number: string; occurred_at: Date; connector: string; lines: { lineId: string; amount: string }[] | null }[] = await manager.query(
      `SELECT i.invoice_number, i.occurred_at, i.connector,
              (SELECT json_agg(json_build_object('lineId', il.line_id, 'amount', il.amount::text)) FROM order_invoice_lines il WHERE il.invoice_id = i.id) AS lines
         FROM order_invoices i WHERE i.order_id = $1`,
      [orderId],
    );
    // Invoice numbers are unique per connector: another ERP's INV-1 is another invoice.
    return rows.map((r) => ({
      invoiceNumber: r.connector === connector ? r.invoice_number : `${r.connector}:${r.invoice_number}`,
      occurredAt: r.occurred_at.toISOString(),
      amounts: new Map((r.lines ?? []).map((l) => [l.lineId, Decimal.of(l.amount)])),
    }));
  }

  /** Writes the lines' fulfilment state and mirrors the delivered quantity into order_lines.fulfilled. */
  async saveFulfilment(manager: EntityManager, orderId: string, lines: readonly LineFactState[]): Promise<void> {
    if (lines.length === 0) return;
    await manager.query(
      `INSERT INTO order_line_fulfilment (order_id, line_id, shipped, delivered, shipped_on, delivered_on, last_fact_at, updated_at)
       SELECT $1::uuid, line_id, shipped, delivered, shipped_on, delivered_on, last_fact_at, now()
         FROM unnest($2::uuid[], $3::numeric[], $4::numeric[], $5::date[], $6::date[], $7::timestamptz[])
           AS t(line_id, shipped, delivered, shipped_on, delivered_on, last_fact_at)
       ON CONFLICT (order_id, line_id) DO UPDATE SET shipped = EXCLUDED.shipped, delivered = EXCLUDED.delivered, shipped_on = EXCLUDED.shipped_on,
          delivered_on = EXCLUDED.delivered_on, last_fact_at = EXCLUDED.last_fact_at, updated_at = now()`,
      [
        orderId,
        lines.map((l) => l.lineId),
        lines.map((l) => l.shipped.toString()),
        lines.map((l) => l.delivered.toString()),
        lines.map((l) => l.shippedOn),
        lines.map((l) => l.deliveredOn),
        lines.map((l) => l.lastFactAt),
      ],
    );
    await manager.query(
      `UPDATE order_lines ol SET fulfilled = t.delivered FROM unnest($2::uuid[], $3::numeric[]) AS t(line_id, delivered)
        WHERE ol.order_id = $1 AND ol.line_id = t.line_id AND ol.fulfilled <> t.delivered`,
      [orderId, lines.map((l) => l.lineId), lines.map((l) => l.delivered.toString())],
    );
  }

  /** Asset status follows its line's fulfilment (see assetStatusesFromFulfilment). */
  async updateAssets(manager: EntityManager, orderId: string, lines: readonly LineFactState[], on: LocalDate): Promise<number> {
    const assets: { id: string; line_id: string; quantity: string; status: string }[] = await manager.query(
      `SELECT id, line_id, quantity::text AS quantity, status FROM assets WHERE order_id = $1 AND line_id = ANY($2::uuid[]) ORDER BY position, id`,
      [orderId, lines.map((l) => l.lineId)],
    );
    const changes: [string, string][] = [];
    for (const line of lines) {
      const mine = assets.filter((a) => a.line_id === line.lineId);
      const statuses = assetStatusesFromFulfilment(mine.map((a) => ({ id: a.id, quantity: Decimal.of(a.quantity) })), line.shipped, line.delivered);
      for (const a of mine) {
        const next = statuses.get(a.id);
        if (next && next !== a.status) changes.push([a.id, next]);
      }
    }
    if (changes.length === 0) return 0;
    await manager.query(
      `UPDATE assets a SET status = t.status, status_on = $3 FROM unnest($1::text[], $2::text[]) AS t(id, status) WHERE a.id = t.id`,
      [changes.map(([id]) => id), changes.map(([, s]) => s), on],
    );
    return changes.length;
  }

  /** Inserts or replaces (a newer version of the same number) an invoice with its lines. */
  async saveInvoice(
    manager: EntityManager,
    orderId: string,
    fact: InboundFactPayload,
    invoice: { invoiceNumber: string; date: LocalDate; currency: string; total: Decimal; lines: readonly { lineId: string; amount: Decimal }[] },
  ): Promise<void> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO order_invoices (order_id, connector, invoice_number, invoice_date, currency, total, fact_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (order_id, connector, invoice_number) DO UPDATE SET invoice_date = EXCLUDED.invoice_date, currency = EXCLUDED.currency, total = EXCLUDED.total,
          fact_id = EXCLUDED.fact_id, occurred_at = EXCLUDED.occurred_at, recorded_at = now()
       RETURNING id`,
      [orderId, fact.connector, invoice.invoiceNumber, invoice.date, invoice.currency, invoice.total.toFixed2(), fact.factId, fact.occurredAt],
    );
    await manager.query(`DELETE FROM order_invoice_lines WHERE invoice_id = $1`, [row.id]);
    await manager.query(
      `INSERT INTO order_invoice_lines (invoice_id, order_id, line_id, amount)
       SELECT $1::uuid, $2::uuid, line_id, amount FROM unnest($3::uuid[], $4::numeric[]) AS t(line_id, amount)`,
      [row.id, orderId, invoice.lines.map((l) => l.lineId), invoice.lines.map((l) => l.amount.toFixed2())],
    );
  }

  /** Logs the fact once per (connector, fact id); false when it was already there. */
  async record(manager: EntityManager, r: FactRecord): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO erp_facts (connector, fact_id, kind, source, order_id, order_number, erp_document_id, occurred_at, payload, outcome, reason, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)
       ON CONFLICT (connector, fact_id) DO NOTHING RETURNING id`,
      [
        r.fact.connector,
        r.fact.factId,
        r.fact.kind,
        r.source,
        r.orderId,
        r.fact.orderNumber,
        r.fact.erpDocumentId ?? null,
        r.fact.occurredAt,
        JSON.stringify(r.fact),
        r.outcome,
        r.reason,
        r.detail,
      ],
    );
    return rows.length > 0;
  }

  /** Remembers a signed message id; false when the connector already sent it (a replay). */
  async rememberMessage(manager: EntityManager, connector: string, messageId: string): Promise<boolean> {
    await manager.query(`DELETE FROM inbound_webhook_messages WHERE received_at < now() - interval '1 day'`);
    const rows: unknown[] = await manager.query(
      `INSERT INTO inbound_webhook_messages (connector, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [connector, messageId],
    );
    return rows.length > 0;
  }
}
