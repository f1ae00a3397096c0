import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ConnectorId,
  type ConnectorPingPayload,
  DEFAULT_JOB_OPTIONS,
  JobName,
  PING_PAYLOAD_VERSION,
  pingJobId,
  type SyncResultPayload,
} from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/app-error';
import type { Page } from '../common/pagination';
import { connectorConfig } from '../config/configuration';
import { ConnectorQueues } from './connector-queues';
import { connectorHealth, connectorStatuses } from './connectors';
import type { ConnectorDto, LedgerEntryDto, LedgerQueryDto, PingAcceptedDto, QueueCountsDto } from './dto/sync.dto';
import { LedgerQueries } from './ledger-queries.service';
import { applyEventResult } from './ledger-results';
import { SyncLedgerEntity } from './sync-ledger.entity';

interface OutcomeRow {
  connector: string;
  last_success: Date | null;
  last_failure: Date | null;
  dead: string;
}

@Injectable()
export class SyncService {
  private readonly logger = new Logger(SyncService.name);

  constructor(
    private readonly queues: ConnectorQueues,
    @InjectRepository(SyncLedgerEntity) private readonly ledger: Repository<SyncLedgerEntity>,
    private readonly ledgerQueries: LedgerQueries,
    private readonly audit: AuditService,
    @Inject(connectorConfig.KEY) private readonly settings: ConfigType<typeof connectorConfig>,
  ) {}

  async connectors(): Promise<ConnectorDto[]> {
    const outcomes: OutcomeRow[] = await this.ledger.query(
      `SELECT connector, max(finished_at) FILTER (WHERE status = 'succeeded') AS last_success,
              max(finished_at) FILTER (WHERE status = 'failed') AS last_failure,
              (SELECT count(*) FROM sync_ledger d WHERE d.connector = x.connector AND d.status = 'failed' AND d.event_id IS NOT NULL) AS dead
         FROM (SELECT connector, status, finished_at FROM sync_ledger_events
               UNION ALL SELECT connector, status, finished_at FROM sync_ledger WHERE event_id IS NULL) x
        GROUP BY connector`,
    );
    const byConnector = new Map(outcomes.map((o) => [o.connector, o]));
    return Promise.all(
      connectorStatuses(this.settings).map(async (status) => {
        const queue = this.queues.of(status.id);
        const [counts, paused] = await Promise.all([this.counts(queue), queue.isPaused()]);
        const outcome = byConnector.get(status.id);
        const lastSuccess = outcome?.last_success ? new Date(outcome.last_success) : null;
        const lastFailure = outcome?.last_failure ? new Date(outcome.last_failure) : null;
        const deadLetters = Number(outcome?.dead ?? 0);
        return {
          ...status,
          paused,
          health: connectorHealth({ enabled: status.enabled, paused, deadLetters, failedJobs: counts.failed, lastSuccessAt: lastSuccess, lastFailureAt: lastFailure }),
          queue: counts,
          deadLetters,
          lastSuccessAt: lastSuccess?.toISOString() ?? null,
          lastFailureAt: lastFailure?.toISOString() ?? null,
        };
      }),
    );
  }

  /** Pauses or resumes the connector's queue (BullMQ-wide: every connector process stops taking jobs). */
  async setPaused(connector: ConnectorId, paused: boolean, actor: Principal, reason: string | undefined): Promise<ConnectorDto> {
    const queue = this.queues.of(connector);
    if (paused) await queue.pause();
    else await queue.resume();
    await this.audit.record({ actorId: actor.id, action: paused ? 'sync.pause' : 'sync.resume', targetType: 'connector', targetId: connector, detail: { reason: reason ?? null } });
    const all = await this.connectors();
    return all.find((c) => c.id === connector) as ConnectorDto;
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
    await this.queues.of(connector).add(JobName.ConnectorPing, payload, { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId });
    return { pingId, jobId, connector };
  }

  /**
   * Applies a connector's report to the ledger; a late or repeated report never moves it backwards.
   * Event results go through the event's history and the per-object row; pings keep their own row.
   */
  async applyResult(result: SyncResultPayload): Promise<void> {
    if (result.eventId) {
      const eventId = result.eventId;
      const outcome = await this.ledger.manager.transaction((manager) => applyEventResult(manager, { ...result, eventId }));
      if (outcome === 'unknown-event') this.logger.warn({ eventId, connector: result.connector }, 'result for an unknown event ignored');
      return;
    }
    await this.ledger.query(
      `INSERT INTO sync_ledger (connector, object_type, object_id, status, job_id, attempts, erp_id, error_code, error_message, detail, requested_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT (connector, object_type, object_id) DO UPDATE SET
         status = EXCLUDED.status, job_id = EXCLUDED.job_id, attempts = EXCLUDED.attempts, erp_id = EXCLUDED.erp_id,
         error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, detail = EXCLUDED.detail,
         finished_at = EXCLUDED.finished_at, updated_at = now()
       WHERE sync_ledger.event_id IS NULL AND (sync_ledger.finished_at IS NULL OR sync_ledger.finished_at <= EXCLUDED.finished_at)`,
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

  list(query: LedgerQueryDto): Promise<Page<LedgerEntryDto>> {
    return this.ledgerQueries.list(query);
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
