import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatChatMessage, type NotificationKind } from '@signet/notifications-domain';
import { JobName } from '@signet/sync-contracts';
import type { Subscription } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { ApprovalEvents } from '../approvals/approval-events';
import { Clock } from '../common/clock.service';
import { loadPeople, loadSubmissionState, type RequestState, type SubmissionState } from './approval-context';
import { NotificationDispatcher, type Outgoing, type PendingJob } from './notification-dispatcher';
import { RequestTimersService } from './request-timers.service';
import { RuleSettingsService } from './rule-settings.service';

/** How often the notifier looks for approval changes it has not acted on (missed events, substitutions). */
export const SWEEP_INTERVAL_MS = 15_000;

interface Notified {
  request_id: string;
  status: string;
  assignees: string[];
}

interface Reconciled {
  jobs: PendingJob[];
  opened: { id: string; ruleId: string; quoteId: string }[];
  closed: string[];
  openedAt: Date;
}

/**
 * Works out what happened to a quote's approvals by comparing the approvals tables with what it
 * has already acted on (`notified_requests`, `notified_submissions`), then tells the right people:
 * assignees of newly opened or reassigned requests, the owner of an approved or rejected quote,
 * the assignees of a recalled one. Runs after every approvals command and on a sweep.
 */
@Injectable()
export class ApprovalNotifier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApprovalNotifier.name);
  private subscription: Subscription | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ApprovalEvents,
    private readonly clock: Clock,
    private readonly dispatcher: NotificationDispatcher,
    private readonly timers: RequestTimersService,
    private readonly rules: RuleSettingsService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.events.quoteChanged.subscribe((quoteId) => {
      this.reconcile(quoteId).catch((error: unknown) => this.logger.error({ err: error, quoteId }, 'approval notifications failed; the sweep will retry'));
    });
    const sweep = () => this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'notification sweep failed'));
    void sweep();
    this.sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Quotes whose approvals differ from what was notified, found set-based, then reconciled one by one. */
  async sweep(): Promise<number> {
    const rows: { quote_id: string }[] = await this.db.query(`
      SELECT DISTINCT r.quote_id FROM approval_requests r LEFT JOIN notified_requests n ON n.request_id = r.id
       WHERE (n.request_id IS NULL AND r.status = 'open') OR n.status <> r.status OR n.assignees <> r.assignees
      UNION
      SELECT s.quote_id FROM approval_submissions s LEFT JOIN notified_submissions ns ON ns.submission_id = s.id
       WHERE s.outcome IN ('approved','rejected','recalled') AND ns.outcome IS DISTINCT FROM s.outcome`);
    for (const row of rows) await this.reconcile(row.quote_id);
    await this.requeuePendingDeliveries();
    return rows.length;
  }

  /**
   * Jobs of pending emails are added after their rows commit; a crash in between would leave
   * them unsent. Re-adding is harmless: job ids are derived from the rows, so BullMQ keeps one.
   */
  private async requeuePendingDeliveries(): Promise<void> {
    const pending: { id: string; user_id: string; mode: 'immediate' | 'digest'; due_at: Date }[] = await this.db.query(
      `SELECT id, user_id, mode, due_at FROM notification_deliveries WHERE status = 'pending' AND attempts = 0 ORDER BY due_at LIMIT 1000`,
    );
    await this.dispatcher.enqueue(pending.map((d) => this.dispatcher.deliveryJob(d.id, d.user_id, d.mode, new Date(d.due_at))));
  }

  async reconcile(quoteId: string): Promise<void> {
    const result = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('signet-notify:' || $1))`, [quoteId]);
      const state = await loadSubmissionState(manager, quoteId);
      return state ? this.diff(manager, state) : null;
    });
    if (!result) return;
    await this.dispatcher.enqueue(result.jobs);
    for (const requestId of result.closed) await this.timers.cancel(requestId);
    for (const request of result.opened) await this.timers.schedule(request, result.openedAt);
  }

  private async diff(manager: EntityManager, state: SubmissionState): Promise<Reconciled> {
    const now = this.clock.now();
    const previous = new Map(
      ((await manager.query(`SELECT request_id, status, assignees FROM notified_requests WHERE request_id = ANY($1::uuid[])`, [state.requests.map((r) => r.id)])) as Notified[]).map((n) => [n.request_id, n]),
    );
    const [notifiedSubmission]: { outcome: string }[] = await manager.query(`SELECT outcome FROM notified_submissions WHERE submission_id = $1`, [state.id]);
    const messages: Outgoing[] = [];
    const chats: { ruleId: string; kind: NotificationKind; request: RequestState }[] = [];
    const opened: Reconciled['opened'] = [];
    const closed: string[] = [];
    for (const request of state.requests) {
      const before = previous.get(request.id);
      if (request.status === 'open') {
        if (before?.status !== 'open') {
          messages.push(...request.assignees.map((recipientId) => ({ kind: 'request' as const, recipientId, state, request })));
          opened.push({ id: request.id, ruleId: request.ruleId, quoteId: state.quote.id });
          chats.push({ ruleId: request.ruleId, kind: 'request', request });
        } else {
          const added = request.assignees.filter((a) => !before.assignees.includes(a));
          messages.push(...added.map((recipientId) => ({ kind: 'reassigned' as const, recipientId, state, request })));
        }
      } else if (before?.status === 'open') {
        closed.push(request.id);
      }
      if (before?.status !== request.status || before.assignees.join() !== request.assignees.join()) {
        await manager.query(
          `INSERT INTO notified_requests (request_id, quote_id, status, assignees, opened_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, assignees = EXCLUDED.assignees, opened_at = coalesce(notified_requests.opened_at, EXCLUDED.opened_at), updated_at = EXCLUDED.updated_at`,
          [request.id, state.quote.id, request.status, request.assignees, request.status === 'open' ? now : null, now],
        );
      }
    }
    const outcomeBefore = notifiedSubmission?.outcome ?? 'pending';
    if (state.outcome !== outcomeBefore && ['approved', 'rejected', 'recalled'].includes(state.outcome)) {
      messages.push(...(await this.outcomeMessages(manager, state, previous, chats)));
      await manager.query(
        `INSERT INTO notified_submissions (submission_id, quote_id, outcome, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (submission_id) DO UPDATE SET outcome = EXCLUDED.outcome, updated_at = EXCLUDED.updated_at`,
        [state.id, state.quote.id, state.outcome, now],
      );
    }
    const jobs = await this.dispatcher.dispatch(manager, messages);
    jobs.push(...(await this.chatJobs(manager, state, chats, now)));
    return { jobs, opened, closed, openedAt: now };
  }

  private async outcomeMessages(manager: EntityManager, state: SubmissionState, previous: Map<string, Notified>, chats: { ruleId: string; kind: NotificationKind; request: RequestState }[]): Promise<Outgoing[]> {
    if (state.outcome === 'recalled') {
      const wereOpen = state.requests.filter((r) => previous.get(r.id)?.status === 'open');
      const recipients = new Map<string, RequestState>();
      for (const request of wereOpen) for (const assignee of previous.get(request.id)?.assignees ?? []) recipients.set(assignee, request);
      chats.push(...wereOpen.map((request) => ({ ruleId: request.ruleId, kind: 'recalled' as const, request })));
      return [...recipients].map(([recipientId, request]) => ({ kind: 'recalled' as const, recipientId, state, request }));
    }
    const kind = state.outcome === 'approved' ? 'approved' : 'rejected';
    const wanted = kind === 'approved' ? 'approve' : 'reject';
    const deciding = state.requests
      .filter((r) => r.lastDecision?.decision === wanted)
      .sort((a, b) => (b.lastDecision?.at.getTime() ?? 0) - (a.lastDecision?.at.getTime() ?? 0))[0];
    const decision = deciding?.lastDecision;
    const people = await loadPeople(manager, decision ? [decision.by] : []);
    if (deciding) chats.push({ ruleId: deciding.ruleId, kind, request: deciding });
    return [
      {
        kind,
        recipientId: state.quote.ownerId,
        state,
        request: deciding ?? null,
        decision: decision ? { byName: people.get(decision.by)?.displayName ?? 'An approver', comment: decision.comment ?? '', at: decision.at } : undefined,
      },
    ];
  }

  /** One chat post per rule that has a webhook; one-tap buttons only when a single person is asked. */
  private async chatJobs(manager: EntityManager, state: SubmissionState, chats: { ruleId: string; kind: NotificationKind; request: RequestState }[], now: Date): Promise<PendingJob[]> {
    const jobs: PendingJob[] = [];
    for (const chat of chats) {
      const settings = await this.rules.forRule(chat.ruleId);
      if (!settings.chatWebhookUrl) continue;
      const people = await loadPeople(manager, [...chat.request.assignees, state.quote.ownerId, ...(chat.request.lastDecision ? [chat.request.lastDecision.by] : [])]);
      const single = chat.kind === 'request' && chat.request.assignees.length === 1 ? await this.dispatcher.createLinks(manager, chat.request.id, chat.request.assignees[0], now) : null;
      const decision = chat.kind === 'approved' || chat.kind === 'rejected' ? chat.request.lastDecision : null;
      const message = formatChatMessage({
        kind: chat.kind,
        quoteNumber: state.quote.number,
        quoteName: state.quote.name,
        accountName: state.quote.accountName,
        ownerName: people.get(state.quote.ownerId)?.displayName ?? '',
        netTotal: state.quote.netTotal,
        currency: state.quote.currency || this.dispatcher.currency,
        assignees: chat.request.assignees.map((a) => people.get(a)?.displayName ?? a),
        reasons: chat.request.reasons,
        decisionBy: decision ? people.get(decision.by)?.displayName : undefined,
        comment: decision?.comment ?? undefined,
        links: { quote: `${this.dispatcher.publicUrl}/quotes/${state.quote.id}`, ...(single ?? {}) },
      });
      jobs.push({ name: JobName.NotificationChat, jobId: `chat-${chat.request.id}-${chat.kind}`, dueAt: now, data: { url: settings.chatWebhookUrl, message } });
    }
    return jobs;
  }

  /** A reminder fired: tell the current assignees again, with fresh links. */
  async remind(requestId: string, afterBusinessHours: number): Promise<void> {
    const jobs = await this.db.transaction(async (manager) => {
      const quoteId = await this.quoteOfOpenRequest(manager, requestId);
      if (!quoteId) return [];
      const state = await loadSubmissionState(manager, quoteId);
      const request = state?.requests.find((r) => r.id === requestId && r.status === 'open');
      if (!state || !request) return [];
      const notice = `Reminder: this request has waited ${afterBusinessHours} business hour${afterBusinessHours === 1 ? '' : 's'} for a decision.`;
      await manager.query(`INSERT INTO approval_history (quote_id, submission_id, at, actor_id, action, rule_id, rule_name, detail) VALUES ($1, $2, $3, NULL, 'remind', $4, $5, $6)`, [
        quoteId,
        state.id,
        this.clock.now(),
        request.ruleId,
        request.ruleName,
        `Reminded ${request.assignees.length} assignee(s) after ${afterBusinessHours} business hours`,
      ]);
      return this.dispatcher.dispatch(manager, request.assignees.map((recipientId) => ({ kind: 'reminder' as const, recipientId, state, request, notice })));
    });
    await this.dispatcher.enqueue(jobs);
  }

  /**
   * An escalation fired: the escalation approver becomes an assignee — a delegate for every seat
   * still undecided, so they can decide for the request — and the history says so.
   */
  async escalate(requestId: string, ruleId: string, afterBusinessHours: number): Promise<void> {
    const { escalateToUserId } = await this.rules.forRule(ruleId);
    if (!escalateToUserId) return;
    const jobs = await this.db.transaction(async (manager) => {
      const quoteId = await this.quoteOfOpenRequest(manager, requestId);
      if (!quoteId) return [];
      // Same lock order as the approvals commands: the quote row first.
      const [quote]: { owner_id: string }[] = await manager.query(`SELECT owner_id FROM quotes WHERE id = $1 FOR UPDATE`, [quoteId]);
      const [row]: { status: string; approvers: string[]; delegates: { delegate: string; for: string }[]; assignees: string[]; submission_id: string; rule_name: string }[] = await manager.query(
        `SELECT status, approvers, delegates, assignees, submission_id, rule_name FROM approval_requests WHERE id = $1`,
        [requestId],
      );
      if (!row || row.status !== 'open' || row.assignees.includes(escalateToUserId) || quote?.owner_id === escalateToUserId) return [];
      const decided: { on_behalf_of: string[] }[] = await manager.query(`SELECT on_behalf_of FROM approval_decisions WHERE request_id = $1`, [requestId]);
      const decidedSeats = new Set(decided.flatMap((d) => d.on_behalf_of));
      const seats = row.approvers.filter((seat) => !decidedSeats.has(seat));
      const delegates = [...row.delegates, ...seats.map((seat) => ({ delegate: escalateToUserId, for: seat }))];
      const assignees = [...row.assignees, escalateToUserId];
      await manager.query(`UPDATE approval_requests SET delegates = $2, assignees = $3, version = version + 1 WHERE id = $1`, [requestId, JSON.stringify(delegates), assignees]);
      const people = await loadPeople(manager, [escalateToUserId]);
      await manager.query(`INSERT INTO approval_history (quote_id, submission_id, at, actor_id, action, rule_id, rule_name, detail) VALUES ($1, $2, $3, NULL, 'escalate', $4, $5, $6)`, [
        quoteId,
        row.submission_id,
        this.clock.now(),
        ruleId,
        row.rule_name,
        `Escalated to ${people.get(escalateToUserId)?.displayName ?? escalateToUserId} after ${afterBusinessHours} business hours`,
      ]);
      await manager.query(`UPDATE notified_requests SET assignees = $2, updated_at = $3 WHERE request_id = $1`, [requestId, assignees, this.clock.now()]);
      const state = await loadSubmissionState(manager, quoteId);
      const request = state?.requests.find((r) => r.id === requestId);
      if (!state || !request) return [];
      const notice = `Escalated to you: this request has waited ${afterBusinessHours} business hours. You can decide for the whole request.`;
      return this.dispatcher.dispatch(manager, [{ kind: 'escalation', recipientId: escalateToUserId, state, request, notice }]);
    });
    await this.dispatcher.enqueue(jobs);
  }

  private async quoteOfOpenRequest(manager: EntityManager, requestId: string): Promise<string | null> {
    const [row]: { quote_id: string }[] = await manager.query(`SELECT quote_id FROM approval_requests WHERE id = $1 AND status = 'open'`, [requestId]);
    return row?.quote_id ?? null;
  }
}
