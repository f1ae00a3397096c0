import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ConnectorId,
  DEFAULT_JOB_OPTIONS,
  isConnectorId,
  JobName,
  redriveJobId,
  SYNC_EVENT_VERSION,
  type SyncEventPayload,
  type SyncEventType,
  type SyncObjectType,
} from '@signet/sync-contracts';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict } from '../common/app-error';
import { connectorConfig } from '../config/configuration';
import { ConnectorQueues } from './connector-queues';
import { connectorStatuses } from './connectors';
import type { RedriveDto, RedriveResultDto } from './dto/sync.dto';
import { DocumentSource } from './outbox/document-source';
import { recordRedriven } from './outbox/ledger-writes';

interface DeadRow {
  id: string;
  connector: string;
  job_id: string;
  status: string;
  event_id: string | null;
  redrives: number;
  type: SyncEventType;
  object_type: SyncObjectType;
  object_id: string;
  object_number: string;
  sequence: number;
  occurred_at: Date;
}

/**
 * Re-drives dead letters: the same event, a document rebuilt from the database now (so a fixed
 * account ERP id goes out), a new job id per re-drive. All requested rows or none; audited per row.
 */
@Injectable()
export class RedriveService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentSource,
    private readonly queues: ConnectorQueues,
    private readonly audit: AuditService,
    @Inject(connectorConfig.KEY) private readonly connectors: ConfigType<typeof connectorConfig>,
  ) {}

  async redrive(input: RedriveDto, actor: Principal): Promise<RedriveResultDto> {
    const enabled = new Set(connectorStatuses(this.connectors).filter((c) => c.enabled).map((c) => c.id));
    const jobs: { connector: ConnectorId; payload: SyncEventPayload; jobId: string; previousJobId: string }[] = [];
    const items = await this.db.transaction(async (manager) => {
      const rows: DeadRow[] = await manager.query(
        `SELECT l.id, l.connector, l.job_id, l.status, l.event_id, l.redrives, o.type, o.object_type, o.object_id, o.object_number, o.sequence, o.occurred_at
           FROM sync_ledger l LEFT JOIN sync_outbox o ON o.id = l.event_id
          WHERE l.id = ANY($1::uuid[]) ORDER BY l.updated_at FOR UPDATE OF l`,
        [input.ids],
      );
      const found = new Set(rows.map((r) => r.id));
      const missing = input.ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw new AppError(404, 'not_found', 'Ledger entry not found', `No ledger entry with id ${missing.map((m) => `'${m}'`).join(', ')}.`, { ids: missing });
      const notDead = rows.filter((r) => r.status !== 'failed' || r.event_id === null);
      if (notDead.length > 0) {
        throw conflict('not_dead_letter', 'Only dead letters (failed event deliveries) can be re-driven.', { ids: notDead.map((r) => r.id), statuses: notDead.map((r) => r.status) });
      }
      const disabled = rows.filter((r) => !isConnectorId(r.connector) || !enabled.has(r.connector));
      if (disabled.length > 0) {
        throw conflict('connector_disabled', `The ${disabled[0].connector} connector is disabled; enable it before re-driving.`, { ids: disabled.map((r) => r.id) });
      }
      const now = new Date();
      const done = [];
      for (const row of rows) {
        const connector = row.connector as ConnectorId;
        const document = await this.documents.build(manager, row.object_type, row.object_id);
        if (!document) throw conflict('object_gone', `${row.object_type} ${row.object_id} no longer exists.`, { ids: [row.id] });
        const redrives = row.redrives + 1;
        const jobId = redriveJobId(connector, row.event_id as string, redrives);
        const payload: SyncEventPayload = {
          version: SYNC_EVENT_VERSION,
          eventId: row.event_id as string,
          type: row.type,
          objectType: row.object_type,
          objectId: row.object_id,
          objectNumber: row.object_number,
          occurredAt: new Date(row.occurred_at).toISOString(),
          connector,
          sequence: Number(row.sequence),
          document,
        };
        await recordRedriven(manager, row.id, payload, jobId, redrives, now);
        await this.audit.record(
          { actorId: actor.id, action: 'sync.redrive', targetType: row.object_type, targetId: row.object_id, detail: { ledgerId: row.id, connector, eventId: row.event_id, jobId, reason: input.reason } },
          manager,
        );
        jobs.push({ connector, payload, jobId, previousJobId: row.job_id });
        done.push({ id: row.id, jobId, redrives });
      }
      return done;
    });
    // After the commit: if this add is lost, the ledger says pending and the redelivery sweep adds it.
    for (const job of jobs) {
      const queue = this.queues.of(job.connector);
      await queue.add(JobName.SyncEvent, job.payload, { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId });
      // The dead job is replaced: left in the failed set it would keep the connector "degraded".
      await queue.remove(job.previousJobId).catch(() => undefined);
    }
    return { items };
  }
}
