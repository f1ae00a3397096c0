import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { orderStateMachine, type OrderStatus } from '@signet/orders-domain';
import { Decimal } from '@signet/shared-kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { likePattern } from '../common/value-validators';
import type {
  OrderDto,
  OrderHistoryEntryDto,
  OrderLineDto,
  OrderQueryDto,
} from './dto/order.dto';
import type { OrderFactDto } from './dto/order-facts.dto';
import { lineFulfilment, orderFacts, orderInvoices } from './order-facts.queries';

const RECENT_FACTS = 10;
const NOTHING_FULFILLED = { shipped: '0', delivered: '0', shippedOn: null, deliveredOn: null, invoiced: '0.00' };

interface OrderListRow {
  id: string;
  number: string;
  quote_id: string;
  quote_number: string;
  quote_name: string;
  account_id: string;
  account_name: string;
  split_key: string;
  sequence: number;
  status: OrderStatus;
  effective_date: string;
  activated_on: string | null;
  activation_scheduled_on: string | null;
  line_count: number;
  net_total: string;
  contract_id: string | null;
  sync_status: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  total: string;
}

/** Sync statuses from worst to best: an order shows the worst of its connectors. */
const SYNC_RANK = `CASE s.status WHEN 'dead' THEN 0 WHEN 'failed' THEN 1 WHEN 'retrying' THEN 2 WHEN 'queued' THEN 3 WHEN 'pending' THEN 3 ELSE 4 END`;

export const ORDER_SELECT = `
  SELECT o.id, o.number, o.quote_id, q.number AS quote_number, q.name AS quote_name, o.account_id, a.name AS account_name,
         o.split_key, o.sequence, o.status, to_char(o.effective_date, 'YYYY-MM-DD') AS effective_date,
         to_char(o.activated_on, 'YYYY-MM-DD') AS activated_on, to_char(o.activation_scheduled_on, 'YYYY-MM-DD') AS activation_scheduled_on,
         o.line_count, o.net_total::text AS net_total,
         (SELECT co.contract_id FROM contract_orders co JOIN contracts c ON c.id = co.contract_id WHERE co.order_id = o.id ORDER BY c.sequence LIMIT 1) AS contract_id,
         (SELECT s.status FROM sync_ledger s WHERE s.object_type = 'order' AND s.object_id = o.id::text ORDER BY ${SYNC_RANK} LIMIT 1) AS sync_status,
         o.created_at, o.updated_at, o.version, count(*) OVER () AS total
    FROM orders o
    JOIN quotes q ON q.id = o.quote_id
    JOIN accounts a ON a.id = o.account_id`;

/** What a client may do with an order in its state. */
export function allowedOrderActions(
  status: OrderStatus,
  contracted: boolean,
  scheduled: boolean,
): string[] {
  const actions: string[] = [];
  if (orderStateMachine.can(status, 'activate'))
    actions.push('activate', scheduled ? 'unschedule' : 'schedule');
  if (orderStateMachine.can(status, 'cancel')) actions.push('cancel', 'change');
  if ((status === 'activated' || status === 'fulfilled') && !contracted)
    actions.push('contract');
  return actions;
}

export function toOrderDto(r: OrderListRow): OrderDto {
  return {
    id: r.id,
    number: r.number,
    quoteId: r.quote_id,
    quoteNumber: r.quote_number,
    quoteName: r.quote_name,
    accountId: r.account_id,
    accountName: r.account_name,
    key: r.split_key,
    sequence: r.sequence,
    status: r.status,
    effectiveDate: r.effective_date,
    activatedOn: r.activated_on,
    activationScheduledOn: r.activation_scheduled_on,
    lineCount: r.line_count,
    netTotal: Decimal.of(r.net_total).toFixed2(),
    contractId: r.contract_id,
    syncStatus: r.sync_status,
    allowedActions: allowedOrderActions(
      r.status,
      r.contract_id !== null,
      r.activation_scheduled_on !== null,
    ),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

@Injectable()
export class OrderQueriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: OrderQueryDto): Promise<Page<OrderDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.quoteId) add('o.quote_id = ?', query.quoteId);
    if (query.accountId) add('o.account_id = ?', query.accountId);
    if (query.status) add('o.status = ?', query.status);
    if (query.scheduled !== undefined)
      where.push(
        query.scheduled
          ? 'o.activation_scheduled_on IS NOT NULL'
          : 'o.activation_scheduled_on IS NULL',
      );
    if (query.search)
      add(
        '(o.number ILIKE ? OR o.split_key ILIKE $X OR q.number ILIKE $X OR a.name ILIKE $X)',
        likePattern(query.search),
      );
    const { skip, take } = pageWindow(query);
    const sql =
      `${ORDER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY o.created_at DESC, o.sequence LIMIT ${take} OFFSET ${skip}`.replace(
        /\$X/g,
        `$${params.length}`,
      );
    const rows: OrderListRow[] = await this.db.query(sql, params);
    const total = rows[0]
      ? Number(rows[0].total)
      : await this.countWhenPastEnd(query, skip);
    return { items: rows.map(toOrderDto), total };
  }

  /** A page past the end returns no rows, so no window count: count separately only then. */
  private async countWhenPastEnd(
    query: OrderQueryDto,
    skip: number,
  ): Promise<number> {
    if (skip === 0) return 0;
    const page = await this.list({
      ...query,
      page: 1,
      pageSize: 1,
    } as OrderQueryDto);
    return page.total;
  }

  async get(
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<OrderDto> {
    const rows: OrderListRow[] = await manager.query(
      `${ORDER_SELECT} WHERE o.id = $1`,
      [id],
    );
    if (!rows[0]) throw notFound('Order', id);
    const lines: {
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
    }[] = await manager.query(
      `SELECT line_id, position, sku, product_name, charge_type, quantity::text AS quantity, net_total::text AS net_total,
              to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, fulfilled::text AS fulfilled
         FROM order_lines WHERE order_id = $1 ORDER BY position`,
      [id],
    );
    const dto = toOrderDto(rows[0]);
    const fulfilment = await lineFulfilment(manager, id);
    dto.lines = lines.map((l): OrderLineDto => ({
      lineId: l.line_id,
      position: l.position,
      sku: l.sku,
      productName: l.product_name,
      chargeType: l.charge_type,
      quantity: Decimal.of(l.quantity).toString(),
      netTotal: Decimal.of(l.net_total).toFixed2(),
      startDate: l.start_date,
      endDate: l.end_date,
      fulfilled: Decimal.of(l.fulfilled).toString(),
      ...(fulfilment.get(l.line_id) ?? NOTHING_FULFILLED),
    }));
    dto.invoices = await orderInvoices(manager, id);
    dto.recentFacts = (await orderFacts(manager, id, RECENT_FACTS, 0)).items;
    return dto;
  }

  /** An order's ERP facts, newest first. */
  async facts(id: string, query: PageQueryDto): Promise<Page<OrderFactDto>> {
    const exists: unknown[] = await this.db.query(`SELECT 1 FROM orders WHERE id = $1`, [id]);
    if (exists.length === 0) throw notFound('Order', id);
    const { skip, take } = pageWindow(query);
    return orderFacts(this.db.manager, id, take, skip);
  }

  async history(
    id: string,
    query: PageQueryDto,
  ): Promise<Page<OrderHistoryEntryDto>> {
    const exists: unknown[] = await this.db.query(
      `SELECT 1 FROM orders WHERE id = $1`,
      [id],
    );
    if (exists.length === 0) throw notFound('Order', id);
    const { skip, take } = pageWindow(query);
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      event: string;
      from_status: string;
      to_status: string;
      reason: string | null;
      detail: Record<string, unknown>;
      total: string;
    }[] = await this.db.query(
      `SELECT h.id::text AS id, h.at, h.actor_id, u.display_name AS actor_name, h.event, h.from_status, h.to_status, h.reason, h.detail,
              count(*) OVER () AS total
         FROM order_history h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.order_id = $1 ORDER BY h.id LIMIT $2 OFFSET $3`,
      [id, take, skip],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        event: r.event,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        reason: r.reason,
        detail: r.detail,
      })),
      total: rows[0] ? Number(rows[0].total) : 0,
    };
  }
}
