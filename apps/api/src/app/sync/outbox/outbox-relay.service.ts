import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ConnectorId, DEFAULT_JOB_OPTIONS, JobName, SYNC_EVENT_VERSION, type SyncEventPayload, type SyncEventType, type SyncObjectType, syncEventJobId } from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { connectorConfig, databaseConfig, syncRelayConfig } from '../../config/configuration';
import { ConnectorQueues } from '../connector-queues';
import { connectorStatuses } from '../connectors';
import { DocumentSource } from './document-source';
import { connectorsOf, recordPublished } from './ledger-writes';
import { RedeliverySweep } from './redelivery.service';

interface OutboxRow {
  id: string;
  type: SyncEventType;
  object_type: SyncObjectType;
  object_id: string;
  object_number: string;
  sequence: number;
  occurred_at: Date;
}

interface PendingJob {
  queue: Queue;
  name: string;
  data: SyncEventPayload;
  opts: typeof DEFAULT_JOB_OPTIONS & { jobId: string };
}

/**
 * Publishes committed outbox rows to the queue of every enabled connector. Woken by NOTIFY on
 * `sync_outbox`, with a polling fallback; any number of API processes may run it, since rows are
 * claimed with FOR UPDATE SKIP LOCKED and job ids are derived from the event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentSource,
    private readonly queues: ConnectorQueues,
    private readonly sweep: RedeliverySweep,
    @Inject(connectorConfig.KEY) private readonly connectors: ConfigType<typeof connectorConfig>,
    @Inject(syncRelayConfig.KEY) private readonly settings: ConfigType<typeof syncRelayConfig>,
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled) {
      this.logger.log('outbox relay disabled (SYNC_RELAY_ENABLED=false)');
      return;
    }
    await this.listen();
    this.timer = setInterval(() => {
      this.wake();
      void this.sweep.runIfDue();
    }, this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  /** Drains the outbox now (or right after the current drain, if one is running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().then(() => undefined).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Publishes batches until the outbox has nothing unclaimed; returns how many events went out. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const published = await this.publishBatch();
        total += published;
        if (published < this.settings.batch || this.stopped) break;
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'outbox relay failed; retrying on the next tick');
    }
    return total;
  }

  async publishBatch(): Promise<number> {
    const enabled = connectorsOf(connectorStatuses(this.connectors));
    let claimed: string[] = [];
    try {
      return await this.db.transaction(async (manager) => {
        const rows: OutboxRow[] = await manager.query(
          `SELECT id, type, object_type, object_id, object_number, sequence, occurred_at FROM sync_outbox
            WHERE published_at IS NULL ORDER BY occurred_at, sequence LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.settings.batch],
        );
        claimed = rows.map((r) => r.id);
        if (rows.length === 0) return 0;
        const now = new Date();
        const jobs: PendingJob[] = [];
        const orphans: string[] = [];
        for (const row of rows) {
          const built = await this.jobsFor(manager, row, enabled, now);
          if (built === null) orphans.push(row.id);
          else jobs.push(...built);
        }
        // Jobs are added before the commit: if the commit then fails, the next run adds them again
        // under the same ids, which BullMQ ignores.
        await addInOrder(jobs);
        await manager.query(`UPDATE sync_outbox SET published_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [claimed.filter((id) => !orphans.includes(id)), now]);
        if (orphans.length > 0) {
          await manager.query(`UPDATE sync_outbox SET published_at = $2, attempts = attempts + 1, last_error = 'object no longer exists' WHERE id = ANY($1::uuid[])`, [orphans, now]);
        }
        return rows.length;
      });
    } catch (error) {
      if (claimed.length > 0) {
        await this.db
          .query(`UPDATE sync_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[]) AND published_at IS NULL`, [claimed, (error as Error).message.slice(0, 1000)])
          .catch(() => undefined);
      }
      throw error;
    }
  }

  private async jobsFor(manager: EntityManager, row: OutboxRow, connectors: readonly ConnectorId[], now: Date): Promise<PendingJob[] | null> {
    const document = await this.documents.build(manager, row.object_type, row.object_id);
    if (!document) return null;
    const jobs: PendingJob[] = [];
    for (const connector of connectors) {
      const jobId = syncEventJobId(connector, row.id);
      const data: SyncEventPayload = {
        version: SYNC_EVENT_VERSION,
        eventId: row.id,
        type: row.type,
        objectType: row.object_type,
        objectId: row.object_id,
        objectNumber: row.object_number,
        occurredAt: new Date(row.occurred_at).toISOString(),
        connector,
        sequence: Number(row.sequence),
        document,
      };
      await recordPublished(manager, data, jobId, now);
      jobs.push({ queue: this.queues.of(connector), name: JobName.SyncEvent, data, opts: { ...DEFAULT_JOB_OPTIONS, jobId } });
    }
    return jobs;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.database.url, application_name: 'signet-outbox-relay' });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ err: error.message }, 'outbox listener lost; polling until it is back');
      this.listener = null;
      setTimeout(() => void this.listen().catch(() => undefined), this.settings.pollMs).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN sync_outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'cannot LISTEN on sync_outbox; polling only');
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), this.settings.pollMs).unref();
    }
  }
}

/** One addBulk per queue keeps each connector's jobs in outbox order. */
async function addInOrder(jobs: readonly PendingJob[]): Promise<void> {
  const byQueue = new Map<Queue, PendingJob[]>();
  for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
  await Promise.all([...byQueue].map(([queue, list]) => queue.addBulk(list.map((j) => ({ name: j.name, data: j.data, opts: j.opts })))));
}
