import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_JOB_OPTIONS, isConnectorId, JobName } from '@signet/sync-contracts';
import type { DataSource } from 'typeorm';
import { syncRelayConfig } from '../../config/configuration';
import { ConnectorQueues } from '../connector-queues';
import { dueForRedelivery, type PendingDelivery, type QueuedJobState, shouldRepublish } from './redelivery';

interface PendingRow extends PendingDelivery {
  connector: string;
  payload: Record<string, unknown>;
}

/**
 * Re-publishes deliveries whose ledger entry stayed `pending` and whose job is gone from the queue
 * (Redis restarted without persistence, a queue was obliterated…). Same job id, so never a duplicate.
 */
@Injectable()
export class RedeliverySweep {
  private readonly logger = new Logger(RedeliverySweep.name);
  private lastRun = 0;
  private running = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: ConnectorQueues,
    @Inject(syncRelayConfig.KEY) private readonly settings: ConfigType<typeof syncRelayConfig>,
  ) {}

  /** Runs at most every half threshold (between 1 and 30 seconds). */
  async runIfDue(now = new Date()): Promise<number> {
    const every = Math.min(30_000, Math.max(1_000, (this.settings.redeliverySeconds * 1000) / 2));
    if (this.running || now.getTime() - this.lastRun < every) return 0;
    this.running = true;
    this.lastRun = now.getTime();
    try {
      return await this.run(now);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'redelivery sweep failed');
      return 0;
    } finally {
      this.running = false;
    }
  }

  async run(now = new Date()): Promise<number> {
    const rows: { id: string; job_id: string; published_at: Date; connector: string; payload: Record<string, unknown> }[] = await this.db.query(
      `SELECT id, job_id, published_at, connector, payload FROM sync_ledger_events
        WHERE status = 'pending' AND published_at <= $1 ORDER BY published_at LIMIT 1000`,
      [new Date(now.getTime() - this.settings.redeliverySeconds * 1000)],
    );
    const pending: PendingRow[] = rows.map((r) => ({ id: r.id, jobId: r.job_id, publishedAt: new Date(r.published_at), connector: r.connector, payload: r.payload }));
    let republished = 0;
    for (const delivery of dueForRedelivery(pending, now, this.settings.redeliverySeconds)) {
      if (!isConnectorId(delivery.connector)) continue;
      const queue = this.queues.of(delivery.connector);
      const state = (await queue.getJobState(delivery.jobId)) as QueuedJobState;
      if (shouldRepublish(state)) {
        await queue.add(JobName.SyncEvent, delivery.payload, { ...DEFAULT_JOB_OPTIONS, jobId: delivery.jobId });
        republished += 1;
      }
      // Either way, look again only after another threshold.
      await this.db.query(`UPDATE sync_ledger_events SET published_at = $2 WHERE id = $1 AND status = 'pending'`, [delivery.id, now]);
    }
    if (republished > 0) this.logger.warn({ republished }, 'redelivered jobs missing from their queues');
    return republished;
  }
}
