import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Page } from '../common/pagination';
import type { DeadLetterDto, DeadLetterQueryDto, LedgerEntryDto, LedgerEventDto, LedgerQueryDto } from './dto/sync.dto';

interface LedgerRow {
  id: string;
  connector: string;
  object_type: string;
  object_id: string;
  object_number: string | null;
  status: string;
  job_id: string;
  attempts: number;
  redrives: number;
  event_id: string | null;
  event_type: string | null;
  sequence: number;
  erp_id: string | null;
  erp_status: string | null;
  erp_total: string | null;
  sent_total: string | null;
  sent_on: string | null;
  payload_hash: string | null;
  error_code: string | null;
  error_message: string | null;
  detail: Record<string, unknown>;
  requested_at: Date;
  finished_at: Date | null;
  updated_at: Date;
  total: string;
}

interface EventRow {
  connector: string;
  object_type: string;
  object_id: string;
  event_id: string;
  event_type: string;
  sequence: number;
  status: string;
  job_id: string;
  attempts: number;
  redrives: number;
  erp_id: string | null;
  error_code: string | null;
  error_message: string | null;
  payload_hash: string | null;
  published_at: Date;
  finished_at: Date | null;
}

const LEDGER_COLUMNS = `l.id, l.connector, l.object_type, l.object_id, l.object_number, l.status, l.job_id, l.attempts, l.redrives,
  l.event_id, l.event_type, l.sequence, l.erp_id, l.erp_status, l.erp_total::text AS erp_total, l.sent_total::text AS sent_total,
  l.sent_on::text AS sent_on, l.payload_hash, l.error_code, l.error_message, l.detail, l.requested_at, l.finished_at, l.updated_at,
  count(*) OVER () AS total`;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

function toEvent(row: EventRow): LedgerEventDto {
  return {
    eventId: row.event_id,
    type: row.event_type,
    sequence: Number(row.sequence),
    status: row.status,
    jobId: row.job_id,
    attempts: row.attempts,
    redrives: row.redrives,
    erpId: row.erp_id,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    payloadHash: row.payload_hash,
    publishedAt: new Date(row.published_at).toISOString(),
    finishedAt: iso(row.finished_at),
  };
}

function toEntry(row: LedgerRow, events: LedgerEventDto[]): LedgerEntryDto {
  return {
    id: row.id,
    connector: row.connector,
    objectType: row.object_type,
    objectId: row.object_id,
    objectNumber: row.object_number,
    status: row.status,
    jobId: row.job_id,
    attempts: row.attempts,
    redrives: row.redrives,
    eventId: row.event_id,
    eventType: row.event_type,
    sequence: Number(row.sequence),
    erpId: row.erp_id,
    erpStatus: row.erp_status,
    erpTotal: row.erp_total,
    sentTotal: row.sent_total,
    sentOn: row.sent_on,
    payloadHash: row.payload_hash,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    detail: row.detail,
    requestedAt: new Date(row.requested_at).toISOString(),
    finishedAt: iso(row.finished_at),
    updatedAt: new Date(row.updated_at).toISOString(),
    events,
  };
}

/** Read side of the sync ledger: entries with their event history, and dead letters. */
@Injectable()
export class LedgerQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: LedgerQueryDto): Promise<Page<LedgerEntryDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.connector) add('l.connector = ?', query.connector);
    if (query.status) add('l.status = ?', query.status);
    if (query.objectType) add('l.object_type = ?', query.objectType);
    if (query.objectId) add('l.object_id = ?', query.objectId);
    if (query.objectNumber) add('lower(l.object_number) = lower(?)', query.objectNumber);
    const rows = await this.page<LedgerRow>(where, params, query.page, query.pageSize, '');
    const events = await this.eventsOf(rows);
    return { items: rows.map((r) => toEntry(r, events.get(key(r)) ?? [])), total: Number(rows[0]?.total ?? 0) };
  }

  async deadLetters(query: DeadLetterQueryDto): Promise<Page<DeadLetterDto>> {
    const params: unknown[] = [];
    const where = [`l.status = 'failed'`, `l.event_id IS NOT NULL`];
    if (query.connector) {
      params.push(query.connector);
      where.push(`l.connector = $${params.length}`);
    }
    if (query.code) {
      params.push(query.code);
      where.push(`l.error_code = $${params.length}`);
    }
    const rows = await this.page<LedgerRow & { payload: Record<string, unknown> | null; error_detail: unknown }>(
      where,
      params,
      query.page,
      query.pageSize,
      `, e.payload, e.error_detail`,
      `LEFT JOIN sync_ledger_events e ON e.event_id = l.event_id AND e.connector = l.connector`,
    );
    const events = await this.eventsOf(rows);
    return {
      items: rows.map((r) => ({ ...toEntry(r, events.get(key(r)) ?? []), payload: r.payload ?? {}, errorDetail: r.error_detail ?? null })),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  private async page<T>(where: string[], params: unknown[], page: number, pageSize: number, extraColumns: string, join = ''): Promise<T[]> {
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.db.query(
      `SELECT ${LEDGER_COLUMNS}${extraColumns} FROM sync_ledger l ${join} ${filter}
        ORDER BY l.updated_at DESC, l.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
  }

  private async eventsOf(rows: readonly LedgerRow[]): Promise<Map<string, LedgerEventDto[]>> {
    const byKey = new Map<string, LedgerEventDto[]>();
    const objects = rows.filter((r) => r.event_id !== null);
    if (objects.length === 0) return byKey;
    const events: EventRow[] = await this.db.query(
      `SELECT e.connector, e.object_type, e.object_id, e.event_id, e.event_type, e.sequence, e.status, e.job_id, e.attempts, e.redrives,
              e.erp_id, e.error_code, e.error_message, e.payload_hash, e.published_at, e.finished_at
         FROM sync_ledger_events e
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(connector, object_type, object_id)
           ON k.connector = e.connector AND k.object_type = e.object_type AND k.object_id = e.object_id
        ORDER BY e.sequence DESC`,
      [objects.map((r) => r.connector), objects.map((r) => r.object_type), objects.map((r) => r.object_id)],
    );
    for (const event of events) {
      const k = key(event);
      byKey.set(k, [...(byKey.get(k) ?? []), toEvent(event)]);
    }
    return byKey;
  }
}

function key(row: { connector: string; object_type: string; object_id: string }): string {
  return `${row.connector}|${row.object_type}|${row.object_id}`;
}
