import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createApprovalState, type Decision, type DelegateAssignment, planSubmission, type Quote, type RequestMode } from '@signet/approvals-domain';
import type { DataSource, EntityManager } from 'typeorm';
import { RuleSetsService } from '../approval-rules/rule-sets.service';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { Role } from '../common/roles';
import { likePattern } from '../common/value-validators';
import type { PersonDto } from '../directory/dto/group.dto';
import { DirectoryService } from '../directory/directory.service';
import { ApprovalStore } from './approval-store';
import { modeText, peopleById, planLevels, planPeople, type RecordedPlan } from './approval-views';
import type { HistoryEntryDto, InboxItemDto, InboxQueryDto, PreviewDto, QuoteApprovalsDto, ReplayDto, RequestDto, SubmissionDto } from './dto/approval.dto';

interface SubmissionRow {
  id: string;
  quote_id: string;
  sequence: number;
  rule_set_version: number;
  submitted_by: string | null;
  submitted_at: Date;
  submitted_on: string;
  outcome: string;
  auto_approved: string[];
  plan: RecordedPlan | null;
}

interface RequestRow {
  id: string;
  quote_id: string;
  submission_id: string;
  rule_id: string;
  rule_name: string;
  step: number;
  status: string;
  mode: RequestMode;
  approvers: string[];
  delegates: DelegateAssignment[];
  opened_at: Date | null;
  closed_at: Date | null;
}

interface DecisionRow extends Omit<Decision, 'on' | 'by' | 'onBehalfOf'> {
  request_id: string;
  actor_id: string;
  on_behalf_of: string[];
  at: Date;
}

const REQUEST_COLUMNS = `r.id, r.quote_id, r.submission_id, r.rule_id, r.rule_name, r.step, r.status, r.mode, r.approvers, r.delegates, r.opened_at, r.closed_at`;

/** Reads of approvals: the preview, a quote's submissions and timeline, the inbox, audit replays. */
@Injectable()
export class ApprovalQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ApprovalStore,
    private readonly ruleSets: RuleSetsService,
    private readonly directory: DirectoryService,
  ) {}

  /** What submitting now would ask for, level by level, and why — no state changes. */
  async preview(quoteId: string): Promise<PreviewDto> {
    const manager = this.db.manager;
    const loaded = await this.store.load(manager, quoteId, { lock: false });
    const plan = planSubmission(loaded.state);
    const person = await peopleById(manager, planPeople(plan));
    const blockers: string[] = [];
    if (loaded.state.status === 'pending') blockers.push('The quote is already pending approval.');
    if (loaded.state.status === 'approved') blockers.push('The quote is approved; edit it to submit again.');
    for (const entry of plan.entries) if (entry.unresolved) blockers.push(`${loaded.ruleNames.get(entry.ruleId) ?? entry.ruleId}: ${entry.unresolved.message}`);
    return {
      quoteId,
      status: loaded.state.status,
      ruleSetVersion: loaded.ruleSetVersion,
      today: loaded.state.today,
      levels: planLevels(plan, (id) => loaded.ruleNames.get(id) ?? id, person),
      variables: Object.entries(plan.variables).map(([name, value]) => ({ name, value })),
      rulesEvaluated: loaded.state.rules.length,
      canSubmit: blockers.length === 0,
      blockers,
    };
  }

  async forQuote(quoteId: string): Promise<QuoteApprovalsDto> {
    const manager = this.db.manager;
    const [quote]: { status: string }[] = await manager.query(`SELECT status FROM quotes WHERE id = $1`, [quoteId]);
    if (!quote) throw notFound('Quote', quoteId);
    const submissions: SubmissionRow[] = await manager.query(
      `SELECT id, quote_id, sequence, rule_set_version, submitted_by, submitted_at, submitted_on::text, outcome, auto_approved, plan FROM approval_submissions WHERE quote_id = $1 ORDER BY sequence DESC`,
      [quoteId],
    );
    const requests: RequestRow[] = await manager.query(`SELECT ${REQUEST_COLUMNS} FROM approval_requests r WHERE r.quote_id = $1 ORDER BY r.step, r.rule_name`, [quoteId]);
    const history: { id: string; at: Date; actor_id: string | null; on_behalf_of: string[]; action: string; rule_name: string | null; comment: string | null; detail: string | null; rule_set_version: number | null }[] =
      await manager.query(`SELECT id::text, at, actor_id, on_behalf_of, action, rule_name, comment, detail, rule_set_version FROM approval_history h WHERE quote_id = $1 ORDER BY h.id`, [quoteId]);
    const decisions = await this.decisionsOf(manager, requests.map((r) => r.id));
    const person = await peopleById(manager, [
      ...submissions.flatMap((s) => (s.submitted_by ? [s.submitted_by] : [])),
      ...requests.flatMap(requestPeople),
      ...decisions.flatMap((d) => [d.actor_id, ...d.on_behalf_of]),
      ...history.flatMap((h) => [...(h.actor_id ? [h.actor_id] : []), ...h.on_behalf_of]),
    ]);
    const views = submissions.map((s) => this.submissionDto(s, requests, decisions, person));
    return {
      quoteId,
      status: quote.status,
      current: views[0] ?? null,
      previous: views.slice(1),
      history: history.map(
        (h): HistoryEntryDto => ({
          id: h.id,
          at: h.at.toISOString(),
          actor: h.actor_id ? person(h.actor_id) : null,
          onBehalfOf: h.on_behalf_of.map(person),
          action: h.action,
          ruleName: h.rule_name,
          comment: h.comment,
          detail: h.detail,
          ruleSetVersion: h.rule_set_version,
        }),
      ),
    };
  }

  async inbox(query: InboxQueryDto, actor: Principal): Promise<Page<InboxItemDto>> {
    let assignee = actor.id;
    if (query.assignee !== 'me') {
      if (!actor.roles.includes(Role.Admin)) throw new AppError(403, 'forbidden', 'Forbidden', 'Only admins may look at someone else’s requests.');
      if (!/^[0-9a-f-]{36}$/i.test(query.assignee)) throw new AppError(400, 'validation_failed', 'Invalid request', 'assignee must be "me" or a user id.', { errors: [{ field: 'assignee', message: 'must be "me" or a user id' }] });
      assignee = query.assignee;
    }
    const where = [`$1 = ANY(r.assignees)`];
    const params: unknown[] = [assignee];
    if (query.status !== 'all') where.push(`r.status = $${params.push(query.status)}`);
    if (query.via === 'own') where.push(`$1 = ANY(r.approvers)`);
    if (query.via === 'delegated') where.push(`NOT ($1 = ANY(r.approvers))`);
    if (query.search) where.push(`(q.number ILIKE $${params.push(likePattern(query.search))} OR q.name ILIKE $${params.length} OR a.name ILIKE $${params.length})`);
    const from = `FROM approval_requests r JOIN quotes q ON q.id = r.quote_id JOIN accounts a ON a.id = q.account_id WHERE ${where.join(' AND ')}`;
    const { skip, take } = pageWindow(query);
    const [{ total }]: { total: string }[] = await this.db.query(`SELECT count(*) AS total ${from}`, params);
    const rows: (RequestRow & { number: string; name: string; owner_id: string; net_total: string; discount_percent: string | null; quote_status: string; account_name: string; plan: RecordedPlan | null })[] =
      await this.db.query(
        `SELECT ${REQUEST_COLUMNS}, q.number, q.name, q.owner_id, q.net_total::text AS net_total, q.discount_percent::text AS discount_percent, q.status AS quote_status, a.name AS account_name,
                (SELECT s.plan FROM approval_submissions s WHERE s.id = r.submission_id) AS plan
         ${from} ORDER BY r.opened_at DESC NULLS LAST, r.id LIMIT ${take} OFFSET ${skip}`,
        params,
      );
    const decisions = await this.decisionsOf(this.db.manager, rows.map((r) => r.id));
    const person = await peopleById(this.db.manager, [...rows.flatMap((r) => [...requestPeople(r), r.owner_id]), ...decisions.flatMap((d) => [d.actor_id, ...d.on_behalf_of])]);
    return {
      items: rows.map((r) => ({
        ...this.requestDto(r, decisions, person, r.plan),
        quote: { id: r.quote_id, number: r.number, name: r.name, accountName: r.account_name, owner: person(r.owner_id), netTotal: r.net_total, discountPercent: r.discount_percent, status: r.quote_status },
        onBehalfOf: r.approvers.includes(assignee) ? [] : r.delegates.filter((d) => d.delegate === assignee).map((d) => person(d.for)),
        actionable: r.status === 'open' && r.quote_status === 'pending' && r.owner_id !== assignee,
      })),
      total: Number(total),
    };
  }

  /** Re-computes a past submission's plan from its stored quote snapshot and rule-set version. */
  async replay(quoteId: string, submissionId: string): Promise<ReplayDto> {
    const manager = this.db.manager;
    const [row]: { rule_set_version: number; submitted_on: string; quote_snapshot: Quote; plan: RecordedPlan | null }[] = await manager.query(
      `SELECT rule_set_version, submitted_on::text, quote_snapshot, plan FROM approval_submissions WHERE id = $1 AND quote_id = $2`,
      [submissionId, quoteId],
    );
    if (!row) throw notFound('Submission', submissionId);
    const ruleSet = await this.ruleSets.byVersion(row.rule_set_version, manager);
    const created = createApprovalState({ today: row.submitted_on, directory: await this.directory.load(manager), variables: ruleSet.variables, rules: ruleSet.rules, quote: row.quote_snapshot });
    if (!created.ok) throw new AppError(409, 'invalid_configuration', 'Invalid approval configuration', created.error.message);
    const plan = planSubmission(created.value);
    const names = new Map(ruleSet.rules.map((r) => [r.id, r.name]));
    const person = await peopleById(manager, planPeople(plan));
    const key = (entries: { ruleId: string; step: number }[]) => entries.map((e) => `${e.ruleId}@${e.step}`).sort().join();
    return {
      submissionId,
      ruleSetVersion: row.rule_set_version,
      levels: planLevels(plan, (id) => names.get(id) ?? id, person),
      matchesRecorded: key([...plan.entries]) === key(row.plan?.entries ?? []),
    };
  }

  private async decisionsOf(manager: EntityManager, requestIds: string[]): Promise<DecisionRow[]> {
    if (requestIds.length === 0) return [];
    return manager.query(`SELECT request_id, actor_id, on_behalf_of, decision, comment, at FROM approval_decisions WHERE request_id = ANY($1) ORDER BY id`, [requestIds]);
  }

  private submissionDto(s: SubmissionRow, requests: RequestRow[], decisions: DecisionRow[], person: (id: string) => PersonDto): SubmissionDto {
    const names = new Map((s.plan?.entries ?? []).map((e) => [e.ruleId, e.ruleName]));
    return {
      id: s.id,
      sequence: s.sequence,
      ruleSetVersion: s.rule_set_version,
      submittedBy: s.submitted_by ? person(s.submitted_by) : null,
      submittedAt: s.submitted_at.toISOString(),
      outcome: s.outcome,
      autoApproved: s.auto_approved.map((id) => names.get(id) ?? id),
      requests: requests.filter((r) => r.submission_id === s.id).map((r) => this.requestDto(r, decisions, person, s.plan)),
    };
  }

  private requestDto(r: RequestRow, decisions: DecisionRow[], person: (id: string) => PersonDto, plan: RecordedPlan | null): RequestDto {
    return {
      id: r.id,
      quoteId: r.quote_id,
      submissionId: r.submission_id,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      step: r.step,
      status: r.status,
      mode: modeText(r.mode),
      approvers: r.approvers.map(person),
      delegates: r.delegates.map((d) => ({ delegate: person(d.delegate), for: person(d.for) })),
      decisions: decisions
        .filter((d) => d.request_id === r.id)
        .map((d) => ({ by: person(d.actor_id), onBehalfOf: d.on_behalf_of.filter((id) => id !== d.actor_id).map(person), decision: d.decision, comment: d.comment, at: d.at.toISOString() })),
      openedAt: r.opened_at?.toISOString() ?? null,
      closedAt: r.closed_at?.toISOString() ?? null,
      reasons: plan?.entries.find((e) => e.ruleId === r.rule_id)?.reasons ?? [],
    };
  }
}

function requestPeople(r: RequestRow): string[] {
  return [...r.approvers, ...r.delegates.flatMap((d) => [d.delegate, d.for])];
}
