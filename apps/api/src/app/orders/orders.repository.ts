import { Injectable } from '@nestjs/common';
import {
  type Order,
  type OrderHistoryEntry,
  type OrderLine,
  type OrderStatus,
  orderLineNetTotal,
  type ResolvedQuote,
} from '@signet/orders-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/app-error';
import { rethrowConstraint } from '../common/db-errors';
import { quantityExceeded } from './orders-problem';

/** A stored order: the domain's order plus what only the database knows. */
export interface StoredOrder {
  readonly order: Order;
  readonly number: string;
  readonly accountId: string;
  readonly version: number;
  readonly activationScheduledOn: LocalDate | null;
  readonly netTotal: Decimal;
  readonly lineNetTotals: ReadonlyMap<string, Decimal>;
  readonly lineMeta: ReadonlyMap<
    string,
    { position: number; productName: string; chargeType: string }
  >;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface OrderRow {
  id: string;
  number: string;
  quote_id: string;
  account_id: string;
  split_key: string;
  sequence: number;
  status: OrderStatus;
  effective_date: string;
  activated_on: string | null;
  activation_scheduled_on: string | null;
  net_total: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface LineRow {
  order_id: string;
  line_id: string;
  position: number;
  sku: string;
  product_name: string;
  charge_type: string;
  quantity: string;
  net_total: string;
  start_date: string;
  end_date: string;
  fulfilled: string;
}

const ORDER_COLUMNS = `o.id, o.number, o.quote_id, o.account_id, o.split_key, o.sequence, o.status,
  to_char(o.effective_date, 'YYYY-MM-DD') AS effective_date, to_char(o.activated_on, 'YYYY-MM-DD') AS activated_on,
  to_char(o.activation_scheduled_on, 'YYYY-MM-DD') AS activation_scheduled_on, o.net_total::text AS net_total,
  o.version, o.created_at, o.updated_at`;

const LEDGER_GUARD = { quote_line_ledger_within_quoted: quantityExceeded };

/** Order persistence, set-based: any number of orders and lines in a fixed number of statements. */
@Injectable()
export class OrdersRepository {
  async load(
    manager: EntityManager,
    where: { ids?: readonly string[]; quoteId?: string },
    lock = false,
  ): Promise<StoredOrder[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (where.ids) {
      params.push(where.ids);
      conditions.push(`o.id = ANY($${params.length}::uuid[])`);
    }
    if (where.quoteId) {
      params.push(where.quoteId);
      conditions.push(`o.quote_id = $${params.length}`);
    }
    const rows: OrderRow[] = await manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o WHERE ${conditions.join(' AND ') || 'true'} ORDER BY o.sequence ${lock ? 'FOR UPDATE' : ''}`,
      params,
    );
    if (rows.length === 0) return [];
    const lines: LineRow[] = await manager.query(
      `SELECT order_id, line_id, position, sku, product_name, charge_type, quantity::text AS quantity, net_total::text AS net_total,
              to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, fulfilled::text AS fulfilled
         FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      [rows.map((r) => r.id)],
    );
    const byOrder = new Map<string, LineRow[]>();
    for (const l of lines) {
      const list = byOrder.get(l.order_id);
      if (list) list.push(l);
      else byOrder.set(l.order_id, [l]);
    }
    return rows.map((r) => toStored(r, byOrder.get(r.id) ?? []));
  }

  /** Inserts new orders with their lines and creation history: three statements however many lines. */
  async insert(
    manager: EntityManager,
    quote: ResolvedQuote,
    accountId: string,
    orders: readonly Order[],
    names: ReadonlyMap<string, string>,
    actorId: string | null,
  ): Promise<void> {
    if (orders.length === 0) return;
    const lines = orders.flatMap((o) =>
      o.lines.map((l) => ({
        order: o,
        line: l,
        quoteLine: quote.byId.get(l.lineId),
      })),
    );
    const netOf = (l: (typeof lines)[number]) =>
      l.quoteLine
        ? orderLineNetTotal(
            l.quoteLine.netTotal,
            l.quoteLine.quantity,
            l.line.quantity,
          )
        : Decimal.ZERO;
    const totals = new Map<string, Decimal>();
    for (const l of lines)
      totals.set(
        l.order.id,
        (totals.get(l.order.id) ?? Decimal.ZERO).add(netOf(l)),
      );
    await manager.query(
      `INSERT INTO orders (id, quote_id, account_id, split_key, sequence, status, effective_date, line_count, net_total, created_by)
       SELECT id, $1::uuid, $2::uuid, split_key, sequence, 'draft', effective_date, line_count, net_total, $3::uuid
         FROM unnest($4::uuid[], $5::text[], $6::int[], $7::date[], $8::int[], $9::numeric[]) AS t(id, split_key, sequence, effective_date, line_count, net_total)`,
      [
        quote.id,
        accountId,
        actorId,
        orders.map((o) => o.id),
        orders.map((o) => o.key),
        orders.map((o) => o.sequence),
        orders.map((o) => o.effectiveDate),
        orders.map((o) => o.lines.length),
        orders.map((o) => (totals.get(o.id) ?? Decimal.ZERO).toFixed2()),
      ],
    );
    await manager.query(
      `INSERT INTO order_lines (order_id, quote_id, line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date)
       SELECT order_id, $1::uuid, line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date
         FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::date[], $11::date[])
           AS t(order_id, line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date)`,
      [
        quote.id,
        lines.map((l) => l.order.id),
        lines.map((l) => l.line.lineId),
        lines.map((l) => l.quoteLine?.position ?? 0),
        lines.map((l) => l.line.sku),
        lines.map((l) => names.get(l.line.lineId) ?? l.line.sku),
        lines.map((l) => l.quoteLine?.product.chargeType ?? 'one-time'),
        lines.map((l) => l.line.quantity.toString()),
        lines.map((l) => netOf(l).toFixed2()),
        lines.map((l) => l.line.start),
        lines.map((l) => l.line.end),
      ],
    );
    await this.appendHistory(
      manager,
      orders.flatMap((o) => o.history.map((h) => historyRow(o.id, h))),
      actorId,
    );
  }

  /**
   * Writes a changed order: header under its version (stale → 409), lines replaced when they changed,
   * history entries after `knownHistory` appended.
   */
  async save(
    manager: EntityManager,
    stored: StoredOrder,
    next: Order,
    options: {
      quote?: ResolvedQuote;
      names?: ReadonlyMap<string, string>;
      actorId: string | null;
      scheduledOn?: LocalDate | null;
      linesChanged?: boolean;
    },
  ): Promise<void> {
    let netTotal = stored.netTotal;
    if (options.linesChanged && options.quote) {
      const quote = options.quote;
      await manager.query(`DELETE FROM order_lines WHERE order_id = $1`, [
        next.id,
      ]);
      const nets = next.lines.map((l) => {
        const q = quote.byId.get(l.lineId);
        return q
          ? orderLineNetTotal(q.netTotal, q.quantity, l.quantity)
          : Decimal.ZERO;
      });
      netTotal = Decimal.sum(nets);
      if (next.lines.length > 0) {
        await manager.query(
          `INSERT INTO order_lines (order_id, quote_id, line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date, fulfilled)
           SELECT $1::uuid, $2::uuid, line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date, 0
             FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::date[], $11::date[])
               AS t(line_id, position, sku, product_name, charge_type, quantity, net_total, start_date, end_date)`,
          [
            next.id,
            next.quoteId,
            next.lines.map((l) => l.lineId),
            next.lines.map((l) => quote.byId.get(l.lineId)?.position ?? 0),
            next.lines.map((l) => l.sku),
            next.lines.map((l) => options.names?.get(l.lineId) ?? l.sku),
            next.lines.map(
              (l) => quote.byId.get(l.lineId)?.product.chargeType ?? 'one-time',
            ),
            next.lines.map((l) => l.quantity.toString()),
            nets.map((n) => n.toFixed2()),
            next.lines.map((l) => l.start),
            next.lines.map((l) => l.end),
          ],
        );
      }
    }
    const scheduledOn =
      options.scheduledOn === undefined
        ? stored.activationScheduledOn
        : options.scheduledOn;
    // UPDATE through TypeORM's postgres driver returns [rows, rowCount].
    const [updatedRows] = (await manager.query(
      `UPDATE orders SET status = $3, effective_date = $4, activated_on = $5, activation_scheduled_on = $6, line_count = $7,
              net_total = $8, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [
        next.id,
        stored.version,
        next.status,
        next.effectiveDate,
        next.activatedOn ?? null,
        scheduledOn,
        next.lines.length,
        netTotal.toFixed2(),
      ],
    )) as [unknown[], number];
    if (updatedRows.length === 0) {
      throw conflict(
        'stale_version',
        `Order ${stored.number} was changed by someone else. Reload and try again.`,
      );
    }
    await this.appendHistory(
      manager,
      next.history
        .slice(stored.order.history.length)
        .map((entry) => historyRow(next.id, entry)),
      options.actorId,
    );
  }

  async appendHistory(
    manager: EntityManager,
    entries: readonly OrderHistoryRow[],
    actorId: string | null,
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO order_history (order_id, actor_id, event, from_status, to_status, reason, detail)
       SELECT order_id, $1::uuid, event, from_status, to_status, reason, detail
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS t(order_id, event, from_status, to_status, reason, detail)`,
      [
        actorId,
        entries.map((e) => e.orderId),
        entries.map((e) => e.event),
        entries.map((e) => e.from),
        entries.map((e) => e.to),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => JSON.stringify(e.detail ?? {})),
      ],
    );
  }

  /** Brings the ledger's quoted quantities in line with the quote's lines (new lines start at 0 ordered). */
  async syncLedger(manager: EntityManager, quoteId: string): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO quote_line_ledger (quote_id, line_id, quoted)
         SELECT quote_id, id, quantity FROM quote_lines WHERE quote_id = $1
         ON CONFLICT (quote_id, line_id) DO UPDATE SET quoted = EXCLUDED.quoted WHERE quote_line_ledger.quoted <> EXCLUDED.quoted`,
        [quoteId],
      );
    } catch (error) {
      rethrowConstraint(error, LEDGER_GUARD);
    }
  }

  async ledgerBalances(
    manager: EntityManager,
    quoteId: string,
  ): Promise<Map<string, Decimal>> {
    const rows: { line_id: string; ordered: string }[] = await manager.query(
      `SELECT line_id, ordered::text AS ordered FROM quote_line_ledger WHERE quote_id = $1 AND ordered <> 0`,
      [quoteId],
    );
    return new Map(rows.map((r) => [r.line_id, Decimal.of(r.ordered)]));
  }

  /** Moves ordered quantities by per-line deltas in one statement; the CHECK refuses ordered > quoted. */
  async applyLedger(
    manager: EntityManager,
    quoteId: string,
    deltas: ReadonlyMap<string, Decimal>,
  ): Promise<void> {
    const changed = [...deltas].filter(([, d]) => !d.isZero());
    if (changed.length === 0) return;
    try {
      await manager.query(
        `UPDATE quote_line_ledger l SET ordered = l.ordered + d.delta
           FROM unnest($2::uuid[], $3::numeric[]) AS d(line_id, delta)
          WHERE l.quote_id = $1 AND l.line_id = d.line_id`,
        [
          quoteId,
          changed.map(([id]) => id),
          changed.map(([, d]) => d.toString()),
        ],
      );
    } catch (error) {
      rethrowConstraint(error, LEDGER_GUARD);
    }
  }

  async nextSequence(manager: EntityManager, quoteId: string): Promise<number> {
    const rows: { next: number }[] = await manager.query(
      `SELECT COALESCE(max(sequence), 0) + 1 AS next FROM orders WHERE quote_id = $1`,
      [quoteId],
    );
    return Number(rows[0]?.next ?? 1);
  }
}

/** A history row: lifecycle events and changes from the domain, or scheduling steps recorded by the service. */
export interface OrderHistoryRow {
  readonly orderId: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly reason?: string | null;
  readonly detail?: Record<string, unknown>;
}

function historyRow(
  orderId: string,
  entry: OrderHistoryEntry,
): OrderHistoryRow {
  return {
    orderId,
    event: entry.event,
    from: entry.from,
    to: entry.to,
    reason: entry.reason ?? null,
  };
}

/** Per-line quantity differences between two sets of order lines (after − before). */
export function ledgerDeltas(
  before: readonly OrderLine[],
  after: readonly OrderLine[],
): Map<string, Decimal> {
  const deltas = new Map<string, Decimal>();
  for (const l of before)
    deltas.set(
      l.lineId,
      (deltas.get(l.lineId) ?? Decimal.ZERO).sub(l.quantity),
    );
  for (const l of after)
    deltas.set(
      l.lineId,
      (deltas.get(l.lineId) ?? Decimal.ZERO).add(l.quantity),
    );
  return deltas;
}

function toStored(r: OrderRow, lines: readonly LineRow[]): StoredOrder {
  const activatedOn = r.activated_on as LocalDate | null;
  const order: Order = {
    id: r.id,
    quoteId: r.quote_id,
    key: r.split_key,
    status: r.status,
    sequence: r.sequence,
    effectiveDate: r.effective_date as LocalDate,
    ...(activatedOn ? { activatedOn } : {}),
    lines: lines.map((l) => {
      const fulfilled = Decimal.of(l.fulfilled);
      return {
        lineId: l.line_id,
        sku: l.sku,
        quantity: Decimal.of(l.quantity),
        start: l.start_date as LocalDate,
        end: l.end_date as LocalDate,
        fulfilments: fulfilled.isZero()
          ? []
          : [
              {
                quantity: fulfilled,
                on: activatedOn ?? (r.effective_date as LocalDate),
              },
            ],
      };
    }),
    history: [],
  };
  return {
    order,
    number: r.number,
    accountId: r.account_id,
    version: r.version,
    activationScheduledOn: r.activation_scheduled_on as LocalDate | null,
    netTotal: Decimal.of(r.net_total),
    lineNetTotals: new Map(
      lines.map((l) => [l.line_id, Decimal.of(l.net_total)]),
    ),
    lineMeta: new Map(
      lines.map((l) => [
        l.line_id,
        {
          position: l.position,
          productName: l.product_name,
          chargeType: l.charge_type,
        },
      ]),
    ),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
