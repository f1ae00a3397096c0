import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CONNECTOR_QUEUES,
  type ConnectorId,
  type ConnectorPingPayload,
  DEFAULT_JOB_OPTIONS,
  JobName,
  PING_PAYLOAD_VERSION,
  pingJobId,
  QueueName,
  type SyncResultPayload,
} from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { connectorConfig } from '../config/configuration';
import { connectorStatuses } from './connectors';
import type { ConnectorDto, LedgerEntryDto, LedgerQueryDto, PingAcceptedDto, QueueCountsDto } from './dto/sync.dto';
import { SyncLedgerEntity } from './sync-ledger.entity';

function toLedgerDto(row: SyncLedgerEntity): LedgerEntryDto {
  return {
    id: row.id,
    connector: row.connector,
    objectType: row.objectType,
    objectId: row.objectId,
    status: row.status,
    jobId: row.jobId,
    attempts: row.attempts,
    erpId: row.erpId,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    detail: row.detail,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class SyncService {
  private readonly queues: Record<ConnectorId, Queue>;

  constructor(
    @InjectQueue(QueueName.ConnectorWebhook) webhookQueue: Queue,
    @InjectQueue(QueueName.ConnectorSap) sapQueue: Queue,
    @InjectQueue(QueueName.ConnectorNetsuite) netsuiteQueue: Queue,
    @InjectRepository(SyncLedgerEntity) private readonly ledger: Repository<SyncLedgerEntity>,
    private readonly audit: AuditService,
    @Inject(connectorConfig.KEY) private readonly settings: ConfigType<typeof connectorConfig>,
  ) {
    this.queues = { webhook: webhookQueue, sap: sapQueue, netsuite: netsuiteQueue };
    for (const [id, queue] of Object.entries(this.queues)) {
      if (queue.name !== CONNECTOR_QUEUES[id as ConnectorId]) throw new Error(`Queue wiring mismatch for ${id}`);
    }
  }

  async connectors(): Promise<ConnectorDto[]> {
    return Promise.all(
      connectorStatuses(this.settings).map(async (status) => ({ ...status, queue: await this.counts(this.queues[status.id]) })),
    );
  }

  /** Enqueues a connectivity check; the connector reports back on the results queue. */
  async ping(connector: ConnectorId, actor: Principal): Promise<PingAcceptedDto> {
    const status = connectorStatuses(this.settings).find((c) => c.id === connector);
    if (!status?.enabled) {
      throw new AppError(409, 'connector_disabled', 'Connector disabled', `The ${connector} connector is disabled. ${status?.reason ?? ''}`.trim());
    }
    const pingId = randomUUID();
    const jobId = pingJobId(connector, pingId);
    const payload: ConnectorPingPayload = {
      version: PING_PAYLOAD_VERSION,
      pingId,
      connector,
      requestedBy: actor.id,
      requestedAt: new Date().toISOString(),
    };
    await this.ledger.manager.transaction(async (manager) => {
      await manager.getRepository(SyncLedgerEntity).insert({
        connector,
        objectType: 'ping',
        objectId: pingId,
        status: 'queued',
        jobId,
        attempts: 0,
        requestedAt: new Date(payload.requestedAt),
      });
      await this.audit.record({ actorId: actor.id, action: 'sync.ping', targetType: 'connector', targetId: connector, detail: { pingId } }, manager);
    });
    await this.queues[connector].add(JobName.ConnectorPing, payload, { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId });
    return { pingId, jobId, connector };
  }

  /** Applies a connector's report to the ledger; a late or repeated report never moves it backwards. */
  async applyResult(result: SyncResultPayload): Promise<void> {
    await this.ledger.query(
      `INSERT INTO sync_ledger (connector, object_type, object_id, status, job_id, attempts, erp_id, error_code, error_message, detail, requested_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT (connector, object_type, object_id) DO UPDATE SET
         status = EXCLUDED.status, job_id = EXCLUDED.job_id, attempts = EXCLUDED.attempts, erp_id = EXCLUDED.erp_id,
         error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, detail = EXCLUDED.detail,
         finished_at = EXCLUDED.finished_at, updated_at = now()
       WHERE sync_ledger.finished_at IS NULL OR sync_ledger.finished_at <= EXCLUDED.finished_at`,
      [
        result.connector,
        result.objectType,
        result.objectId,
        result.status,
        result.jobId,
        result.attempts,
        result.erpId ?? null,
        result.error?.code ?? null,
        result.error?.message ?? null,
        JSON.stringify(result.detail ?? {}),
        result.finishedAt,
      ],
    );
  }

  async list(query: LedgerQueryDto): Promise<Page<LedgerEntryDto>> {
    const where: FindOptionsWhere<SyncLedgerEntity> = {};
    if (query.connector) where.connector = query.connector;
    if (query.status) where.status = query.status;
    const [rows, total] = await this.ledger.findAndCount({ where, order: { updatedAt: 'DESC' }, ...pageWindow(query) });
    return { items: rows.map(toLedgerDto), total };
  }

  async statusCounts(): Promise<Record<string, number>> {
    const rows: { status: string; count: string }[] = await this.ledger.query(`SELECT status, count(*) AS count FROM sync_ledger GROUP BY status`);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }

  private async counts(queue: Queue): Promise<QueueCountsDto> {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    return {
      waiting: counts['waiting'] ?? 0,
      active: counts['active'] ?? 0,
      delayed: counts['delayed'] ?? 0,
      failed: counts['failed'] ?? 0,
      completed: counts['completed'] ?? 0,
    };
  }
}
