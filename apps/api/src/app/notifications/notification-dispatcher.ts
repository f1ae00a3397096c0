import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  asksForDecision,
  type DigestItem,
  linkExpiry,
  type NotificationKind,
  planDelivery,
  renderTemplate,
  signLinkToken,
  type TemplateContext,
  templateEventOf,
} from '@signet/notifications-domain';
import { FAILED_JOB_RETENTION, JobName, QueueName } from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.service';
import { notificationConfig } from '../config/configuration';
import { MailService } from '../mail/mail.service';
import { loadPeople, type Person, type RequestState, type SubmissionState } from './approval-context';
import { ApprovalLinkEntity } from './approval-link.entity';
import { FeedService } from './feed.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { PreferencesService } from './preferences.service';
import { TemplatesService } from './templates.service';

/** One message to one person about one quote's approval. */
export interface Outgoing {
  kind: NotificationKind;
  recipientId: string;
  state: SubmissionState;
  /** The request it is about (asks for a decision on it, or names its rule). */
  request: RequestState | null;
  notice?: string;
  decision?: { byName: string; comment: string; at: Date };
}

/** A job to add after the transaction that wrote its rows has committed. */
export interface PendingJob {
  name: JobName;
  jobId: string;
  /** When it should run, on the API clock. */
  dueAt: Date;
  data: Record<string, unknown>;
}

export const NOTIFICATION_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: FAILED_JOB_RETENTION,
} as const;

const TITLES: Record<NotificationKind, string> = {
  request: 'Approval needed',
  reminder: 'Reminder: approval still needed',
  escalation: 'Escalated to you',
  reassigned: 'Reassigned to you',
  approved: 'Approved',
  rejected: 'Rejected',
  recalled: 'Recalled',
};

/**
 * Turns "tell these people" into rows — feed entries, single-use links, planned email
 * deliveries — in the caller's transaction, and into jobs the caller adds after commit.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    @Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>,
    private readonly clock: Clock,
    private readonly feed: FeedService,
    private readonly templates: TemplatesService,
    private readonly preferences: PreferencesService,
    private readonly mail: MailService,
  ) {}

  get currency(): string {
    return this.settings.defaultCurrency;
  }

  get publicUrl(): string {
    return this.settings.publicUrl;
  }

  async dispatch(manager: EntityManager, messages: readonly Outgoing[]): Promise<PendingJob[]> {
    if (messages.length === 0) return [];
    const now = this.clock.now();
    const people = await loadPeople(manager, messages.flatMap((m) => [m.recipientId, m.state.quote.ownerId]));
    const jobs: PendingJob[] = [];
    for (const message of messages) {
      const person = people.get(message.recipientId);
      if (!person?.active) continue;
      const links = await this.links(manager, message, now);
      const context = this.context(message, person, people.get(message.state.quote.ownerId), links);
      const quoteNumber = message.state.quote.number;
      const title = `${TITLES[message.kind]}: ${quoteNumber} ${message.state.quote.accountName}`.trim();
      const body = message.request && asksForDecision(message.kind)
        ? `${message.request.ruleName}: ${message.request.reasons.map((r) => r.text).join('; ') || 'needs your decision'}`
        : message.decision?.comment
          ? `${message.decision.byName}: “${message.decision.comment}”`
          : message.notice ?? '';
      const notification = await this.feed.add(
        { userId: person.id, kind: message.kind, title, body, link: `/quotes/${message.state.quote.id}`, quoteId: message.state.quote.id, requestId: message.request?.id ?? null, createdAt: now },
        manager,
      );
      const preference = await this.preferences.forDelivery(person.id);
      if (!this.mail.enabled || !preference.emailEnabled || !person.email) continue;
      const rendered = renderTemplate(await this.templates.resolve(templateEventOf(message.kind), message.request?.ruleId ?? null), context);
      const dueAt = planDelivery(now, preference);
      const digestItem: Omit<DigestItem, 'at'> & { at: string } = {
        kind: message.kind,
        title: message.request ? `${message.request.ruleName} — ${TITLES[message.kind]}` : title,
        quoteNumber,
        accountName: message.state.quote.accountName,
        at: now.toISOString(),
        links: { quote: context.links.quote, ...(links ? { approve: links.approve, reject: links.reject } : {}) },
      };
      const delivery = await manager.getRepository(NotificationDeliveryEntity).save({
        notificationId: notification.id,
        userId: person.id,
        channel: 'email' as const,
        mode: preference.mode,
        status: 'pending' as const,
        dueAt,
        toAddress: person.email,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        digestItem,
        attempts: 0,
        messageId: null,
        error: null,
        sentAt: null,
        createdAt: now,
      });
      jobs.push(this.deliveryJob(delivery.id, person.id, preference.mode, dueAt));
    }
    return jobs;
  }

  /** The job that sends a delivery: alone (immediate), or with the user's other items due then (digest). */
  deliveryJob(deliveryId: string, userId: string, mode: 'immediate' | 'digest', dueAt: Date): PendingJob {
    return mode === 'digest'
      ? { name: JobName.NotificationDigest, jobId: `digest-${userId}-${dueAt.getTime()}`, dueAt, data: { userId } }
      : { name: JobName.NotificationDeliver, jobId: `deliver-${deliveryId}`, dueAt, data: { deliveryId } };
  }

  /** Adds jobs with their delay measured on the API clock. Call after the rows are committed. */
  async enqueue(jobs: readonly PendingJob[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const job of jobs) {
      await this.queue.add(job.name, { ...job.data, dueAt: job.dueAt.toISOString() }, { ...NOTIFICATION_JOB_OPTIONS, jobId: job.jobId, delay: Math.max(0, job.dueAt.getTime() - now) });
    }
    if (jobs.length > 0) this.logger.debug({ jobs: jobs.map((j) => j.jobId) }, 'notification jobs queued');
  }

  private async links(manager: EntityManager, message: Outgoing, now: Date): Promise<{ approve: string; reject: string } | null> {
    if (!message.request || !asksForDecision(message.kind)) return null;
    return this.createLinks(manager, message.request.id, message.recipientId, now);
  }

  /** A fresh pair of single-use approve/reject links for one assignee of one request. */
  async createLinks(manager: EntityManager, requestId: string, assigneeId: string, now: Date): Promise<{ approve: string; reject: string }> {
    const message = { request: { id: requestId }, recipientId: assigneeId };
    const expiresAt = linkExpiry(now, this.settings.linkTtlHours);
    const linkId = randomUUID();
    await manager.getRepository(ApprovalLinkEntity).insert({ id: linkId, requestId: message.request.id, assigneeId: message.recipientId, expiresAt: new Date(expiresAt), createdAt: now, usedAt: null, usedDecision: null, usedIp: null });
    const claims = { linkId, requestId: message.request.id, assigneeId: message.recipientId, expiresAt };
    return {
      approve: `${this.settings.publicUrl}/a/${signLinkToken({ ...claims, decision: 'approve' }, this.settings.linkSecret)}`,
      reject: `${this.settings.publicUrl}/a/${signLinkToken({ ...claims, decision: 'reject' }, this.settings.linkSecret)}`,
    };
  }

  private context(message: Outgoing, recipient: Person, owner: Person | undefined, links: { approve: string; reject: string } | null): TemplateContext {
    const { quote } = message.state;
    const reasons = message.request ? message.request.reasons : message.state.requests.flatMap((r) => r.reasons);
    return {
      recipient: { name: recipient.displayName },
      quote: { number: quote.number, name: quote.name },
      account: { name: quote.accountName },
      owner: { name: owner?.displayName ?? '', email: owner?.email ?? '' },
      totals: { currency: quote.currency || this.settings.defaultCurrency, list: quote.listTotal, net: quote.netTotal, discount: quote.discountAmount, discountPercent: quote.discountPercent },
      reasons,
      step: message.request?.step ?? 1,
      links: { quote: `${this.settings.publicUrl}/quotes/${quote.id}`, approve: links?.approve ?? '', reject: links?.reject ?? '' },
      decision: message.decision
        ? { by: message.decision.byName, comment: message.decision.comment, at: `${message.decision.at.toISOString().slice(0, 16).replace('T', ' ')} UTC` }
        : { by: '', comment: '', at: '' },
      notice: message.notice ?? '',
    };
  }
}
