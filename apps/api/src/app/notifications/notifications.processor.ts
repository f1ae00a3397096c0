import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { composeDigest, type DigestItem } from '@signet/notifications-domain';
import { JobName, NOTIFICATION_JOBS, QueueName } from '@signet/sync-contracts';
import { DelayedError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.service';
import { MailService } from '../mail/mail.service';
import { ApprovalNotifier } from './approval-notifier.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import type { TimerJobData } from './request-timers.service';

const CHAT_TIMEOUT_MS = 10_000;

/** Consumes the notifications queue: email deliveries, digests, chat posts, reminders and escalations. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly mail: MailService,
    private readonly notifier: ApprovalNotifier,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<void> {
    if (!NOTIFICATION_JOBS.includes(job.name as JobName)) throw new Error(`No handler for job '${job.name}' on ${QueueName.Notifications}`);
    // A job can fire before its time on the API clock (a clock or calendar change since it was queued): wait the rest.
    const dueAt = typeof job.data?.dueAt === 'string' ? Date.parse(job.data.dueAt) : NaN;
    const early = dueAt - this.clock.now().getTime();
    if (early > 0 && token) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    switch (job.name as JobName) {
      case JobName.NotificationDeliver:
        return this.deliver(job.data.deliveryId as string);
      case JobName.NotificationDigest:
        return this.digest(job.data.userId as string);
      case JobName.NotificationChat:
        return this.chat(job.data.url as string, job.data.message as unknown);
      case JobName.ApprovalReminder: {
        const data = job.data as TimerJobData;
        return this.notifier.remind(data.requestId, data.afterBusinessHours);
      }
      case JobName.ApprovalEscalation: {
        const data = job.data as TimerJobData;
        return this.notifier.escalate(data.requestId, data.ruleId, data.afterBusinessHours);
      }
      default:
        throw new Error(`No handler for job '${job.name}'`);
    }
  }

  private async deliver(deliveryId: string): Promise<void> {
    const repo = this.db.getRepository(NotificationDeliveryEntity);
    const delivery = await repo.findOneBy({ id: deliveryId });
    if (!delivery || delivery.status !== 'pending') return;
    try {
      const sent = await this.mail.send({ to: delivery.toAddress, subject: delivery.subject, html: delivery.html, text: delivery.text, headers: { 'X-Signet-Delivery': delivery.id } });
      await repo.update({ id: deliveryId, status: 'pending' }, { status: 'sent', messageId: sent.messageId, sentAt: this.clock.now(), attempts: delivery.attempts + 1, error: null });
    } catch (error) {
      await repo.update({ id: deliveryId }, { attempts: delivery.attempts + 1, error: String((error as Error).message ?? error).slice(0, 500) });
      throw error;
    }
  }

  /** Everything due for the user by now, in one email; rows are locked so two digests never send the same item. */
  private async digest(userId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const due: NotificationDeliveryEntity[] = await manager
        .getRepository(NotificationDeliveryEntity)
        .createQueryBuilder('d')
        .where('d.user_id = :userId AND d.status = :status AND d.due_at <= :now', { userId, status: 'pending', now: this.clock.now() })
        .orderBy('d.created_at')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return;
      const [user]: { display_name: string; email: string }[] = await manager.query(`SELECT display_name, email FROM users WHERE id = $1`, [userId]);
      const items: DigestItem[] = due.map((d) => ({ ...d.digestItem, at: new Date(d.digestItem.at) }));
      const message = due.length === 1 ? { subject: due[0].subject, html: due[0].html, text: due[0].text } : composeDigest(user?.display_name ?? '', items);
      const sent = await this.mail.send({ to: user?.email ?? due[0].toAddress, ...message, headers: { 'X-Signet-Digest': String(due.length) } });
      await manager.getRepository(NotificationDeliveryEntity).update(
        due.map((d) => d.id),
        { status: 'sent', messageId: sent.messageId, sentAt: this.clock.now() },
      );
    });
  }

  private async chat(url: string, message: unknown): Promise<void> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), signal: AbortSignal.timeout(CHAT_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`chat webhook answered ${response.status}`);
    this.logger.log({ status: response.status }, 'chat message posted');
  }
}
