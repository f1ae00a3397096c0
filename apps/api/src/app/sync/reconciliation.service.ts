import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ReconBreak, type ReconDay, reconcileSync } from '@signet/orders-domain';
import { addDays, daysInclusive, Decimal, type LocalDate, parseLocalDate } from '@signet/shared-kernel';
import type { DataSource } from 'typeorm';
import { invalidInput } from '../common/app-error';
import { todayUtc } from '../common/today';
import { connectorConfig } from '../config/configuration';
import { connectorStatuses } from './connectors';
import type { ReconciliationDto, ReconciliationQueryDto } from './dto/reconciliation.dto';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** Loads a period's activated orders, their ledger rows and unknown-order facts; the orders domain compares. */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(connectorConfig.KEY) private readonly settings: ConfigType<typeof connectorConfig>,
  ) {}

  async report(query: ReconciliationQueryDto): Promise<ReconciliationDto> {
    const to = query.to ? parseLocalDate(query.to) : todayUtc();
    const from = query.from ? parseLocalDate(query.from) : addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw invalidInput([{ field: 'from', message: 'must not be after to' }]);
    if (daysInclusive(from, to) > MAX_DAYS) throw invalidInput([{ field: 'from', message: `the period may span at most ${MAX_DAYS} days` }]);

    const orders: { id: string; number: string; activated_on: string; net_total: string }[] = await this.db.query(
      `SELECT id, number, to_char(activated_on, 'YYYY-MM-DD') AS activated_on, net_total::text AS net_total
         FROM orders WHERE activated_on BETWEEN $1 AND $2 AND status IN ('activated','fulfilled') ORDER BY activated_on, number`,
      [from, to],
    );
    const ids = orders.map((o) => o.id);
    const ledger: { connector: string; object_id: string; object_number: string | null; status: string; erp_id: string | null; erp_total: string | null; sent_total: string | null }[] =
      await this.db.query(
        `SELECT l.connector, l.object_id, l.object_number, l.status, l.erp_id, l.erp_total::text AS erp_total, l.sent_total::text AS sent_total
           FROM sync_ledger l
          WHERE l.object_type = 'order'
            AND (l.object_id = ANY($1::text[])
                 OR (l.erp_id IS NOT NULL AND (l.connector, l.erp_id) IN (
                      SELECT s.connector, s.erp_id FROM sync_ledger s WHERE s.object_type = 'order' AND s.object_id = ANY($1::text[]) AND s.erp_id IS NOT NULL)))`,
        [ids],
      );
    const unknown: { connector: string; fact_id: string; order_number: string; received_on: string }[] = await this.db.query(
      `SELECT connector, fact_id, order_number, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS received_on
         FROM erp_facts WHERE order_id IS NULL AND reason = 'unknown_order' AND (received_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2`,
      [from, to],
    );
    const connectors = query.connector
      ? [query.connector]
      : [...new Set([...connectorStatuses(this.settings).filter((c) => c.enabled).map((c) => c.id as string), ...ledger.map((l) => l.connector)])].sort();
    const result = reconcileSync({
      connectors,
      orders: orders.map((o) => ({ id: o.id, number: o.number, activatedOn: o.activated_on as LocalDate, netTotal: Decimal.of(o.net_total) })),
      ledger: ledger.map((l) => ({
        connector: l.connector,
        orderId: l.object_id,
        orderNumber: l.object_number,
        status: l.status,
        erpId: l.erp_id,
        erpTotal: l.erp_total === null ? null : Decimal.of(l.erp_total),
        sentTotal: l.sent_total === null ? null : Decimal.of(l.sent_total),
      })),
      unknownFacts: unknown.map((f) => ({ connector: f.connector, factId: f.fact_id, orderNumber: f.order_number, receivedOn: f.received_on as LocalDate })),
    });
    return { from, to, connectors, days: result.days.map(dayDto), breaks: result.breaks.map(breakDto) };
  }
}

function dayDto(d: ReconDay) {
  return {
    day: d.day,
    connector: d.connector,
    activatedCount: d.activatedCount,
    activatedTotal: d.activatedTotal.toFixed2(),
    sentCount: d.sentCount,
    sentTotal: d.sentTotal.toFixed2(),
    erpCount: d.erpCount,
    erpTotal: d.erpTotal.toFixed2(),
    breaks: d.breaks,
  };
}

function breakDto(b: ReconBreak) {
  return {
    kind: b.kind,
    day: b.day,
    connector: b.connector,
    orderId: b.orderId,
    orderNumber: b.orderNumber,
    erpId: b.erpId,
    signetTotal: b.signetTotal?.toFixed2() ?? null,
    erpTotal: b.erpTotal?.toFixed2() ?? null,
    detail: b.detail,
  };
}

const csvCell = (value: string | number | null): string => {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The report as CSV: the per-day table, a blank line, then the breaks. */
export function reconciliationCsv(report: ReconciliationDto): string {
  const rows: (string | number | null)[][] = [
    ['day', 'connector', 'activated_count', 'activated_total', 'sent_count', 'sent_total', 'erp_count', 'erp_total', 'breaks'],
    ...report.days.map((d) => [d.day, d.connector, d.activatedCount, d.activatedTotal, d.sentCount, d.sentTotal, d.erpCount, d.erpTotal, d.breaks]),
    [],
    ['break', 'day', 'connector', 'order_number', 'erp_id', 'signet_total', 'erp_total', 'detail'],
    ...report.breaks.map((b) => [b.kind, b.day, b.connector, b.orderNumber, b.erpId, b.signetTotal, b.erpTotal, b.detail]),
  ];
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
