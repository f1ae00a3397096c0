import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { addBusinessHours, planRequestTimers, requestTimerJobId, type TimerKind } from '@signet/notifications-domain';
import { JobName, QueueName } from '@signet/sync-contracts';
import type { Job, Queue } from 'bullmq';
import { merge, type Subscription } from 'rxjs';
import { Clock } from '../common/clock.service';
import { CalendarService } from './calendar.service';
import { NOTIFICATION_JOB_OPTIONS } from './notification-dispatcher';
import { RuleSettingsService } from './rule-settings.service';

export interface TimerJobData {
  requestId: string;
  quoteId: string;
  ruleId: string;
  kind: TimerKind;
  /** When the request opened, on the API clock; the fire time is recomputed from it when the calendar changes. */
  openedAt: string;
  afterBusinessHours: number;
  dueAt: string;
}

const TIMER_JOBS: Record<TimerKind, JobName> = { reminder: JobName.ApprovalReminder, escalation: JobName.ApprovalEscalation };

/**
 * Reminders and escalations as BullMQ delayed jobs keyed by request (`reminder-<id>`,
 * `escalation-<id>`): they live in the queue's store, so they survive restarts, and closing a
 * request removes them. Delays are measured on the API clock and re-armed when the clock or the
 * business calendar changes.
 */
@Injectable()
export class RequestTimersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RequestTimersService.name);
  private subscription: Subscription | null = null;

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly rules: RuleSettingsService,
  ) {}

  onModuleInit(): void {
    this.subscription = merge(this.clock.changes, this.calendar.changes).subscribe(() => {
      this.rearm().catch((error: unknown) => this.logger.error({ err: error }, 'could not re-arm timers'));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async schedule(request: { id: string; ruleId: string; quoteId: string }, openedAt: Date): Promise<void> {
    const policy = await this.rules.forRule(request.ruleId);
    const timers = planRequestTimers(openedAt, policy, await this.calendar.current());
    const now = this.clock.now().getTime();
    for (const timer of timers) {
      const data: TimerJobData = {
        requestId: request.id,
        quoteId: request.quoteId,
        ruleId: request.ruleId,
        kind: timer.kind,
        openedAt: openedAt.toISOString(),
        afterBusinessHours: timer.afterBusinessHours,
        dueAt: timer.fireAt.toISOString(),
      };
      await this.queue.add(TIMER_JOBS[timer.kind], data, { ...NOTIFICATION_JOB_OPTIONS, jobId: requestTimerJobId(request.id, timer.kind), delay: Math.max(0, timer.fireAt.getTime() - now) });
    }
  }

  async cancel(requestId: string): Promise<void> {
    for (const kind of ['reminder', 'escalation'] as const) {
      await this.queue.remove(requestTimerJobId(requestId, kind));
    }
  }

  /** The delayed timer jobs of a request (for the request's timer view and tests). */
  async pending(requestId: string): Promise<{ kind: TimerKind; dueAt: string }[]> {
    const jobs = await Promise.all((['reminder', 'escalation'] as const).map((kind) => this.queue.getJob(requestTimerJobId(requestId, kind))));
    const states = await Promise.all(jobs.map((job) => job?.getState()));
    return jobs.flatMap((job, i) => (job && states[i] === 'delayed' ? [{ kind: (job.data as TimerJobData).kind, dueAt: (job.data as TimerJobData).dueAt }] : []));
  }

  /** Recomputes every delayed notification job's delay from its due time (timers: from the calendar too). */
  async rearm(): Promise<number> {
    const calendar = await this.calendar.current();
    const now = this.clock.now().getTime();
    let count = 0;
    for (let start = 0; ; start += 500) {
      const jobs: Job[] = await this.queue.getDelayed(start, start + 499);
      for (const job of jobs) {
        const data = job.data as Partial<TimerJobData> & { dueAt?: string };
        if (!data.dueAt) continue;
        let dueAt = data.dueAt;
        if ((job.name === JobName.ApprovalReminder || job.name === JobName.ApprovalEscalation) && data.openedAt && data.afterBusinessHours) {
          dueAt = addBusinessHours(new Date(data.openedAt), data.afterBusinessHours, calendar).toISOString();
          if (dueAt !== data.dueAt) await job.updateData({ ...data, dueAt });
        }
        await job.changeDelay(Math.max(0, Date.parse(dueAt) - now));
        count += 1;
      }
      if (jobs.length < 500) break;
    }
    this.logger.log({ count }, 'notification timers re-armed');
    return count;
  }
}
