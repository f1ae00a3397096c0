import { Injectable } from '@nestjs/common';
import {
  type ApprovalRequest,
  type ApprovalState,
  type ApprovalWorld,
  createApprovalState,
  type Decision,
  type DelegateAssignment,
  type HistoryEntry,
  type Quote,
  type RequestMode,
  type Snapshot,
  type Submission,
} from '@signet/approvals-domain';
import { approvalQuoteView, quoteTotals } from '@signet/quotes-domain';
import type { EntityManager } from 'typeorm';
import type { RuleSetRule } from '../approval-rules/approval-rule-set.entity';
import { RuleSetsService } from '../approval-rules/rule-sets.service';
import { AppError, notFound } from '../common/app-error';
import { todayIso } from '../common/clock';
import { DirectoryService } from '../directory/directory.service';
import { headerOf } from '../quotes/quote-mapper';
import { QuoteLinesRepository } from '../quotes/quote-lines.repository';
import { QuoteEntity } from '../quotes/quote.entity';

export interface StoredRequest {
  id: string;
  ruleId: string;
  ruleName: string;
  status: ApprovalRequest['status'];
  decisionCount: number;
  version: number;
}

export interface StoredSubmission {
  id: string;
  sequence: number;
  ruleSetVersion: number;
  outcome: Submission['outcome'];
  requests: StoredRequest[];
}

/** A quote's approval state as the engine sees it, with what was read from the database. */
export interface LoadedApproval {
  quote: QuoteEntity;
  state: ApprovalState;
  /** The rule set in force now. */
  ruleSetVersion: number;
  ruleNames: Map<string, string>;
  current: StoredSubmission | null;
  snapshots: Record<string, Snapshot>;
}

interface RequestRow {
  id: string;
  rule_id: string;
  rule_name: string;
  step: number;
  status: ApprovalRequest['status'];
  mode: RequestMode;
  approvers: string[];
  delegates: DelegateAssignment[];
  opened_on: string | null;
  closed_on: string | null;
  version: number;
}

interface DecisionRow {
  request_id: string;
  actor_id: string;
  on_behalf_of: string[];
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_on: string;
}

/** The quote as approval conditions read it: standard fields, custom fields and priced lines. */
export async function approvalQuote(manager: EntityManager, lines: QuoteLinesRepository, quote: QuoteEntity): Promise<Quote> {
  const stored = await lines.load(manager, quote.id);
  const [account]: { name: string }[] = await manager.query(`SELECT name FROM accounts WHERE id = $1`, [quote.accountId]);
  const view = approvalQuoteView({ ...headerOf(quote), accountName: account?.name ?? null }, quoteTotals(stored), stored);
  return {
    ...view,
    fields: { ...view.fields, number: quote.number, name: quote.name, status: quote.status, validUntil: quote.validUntil },
  };
}

/**
 * Reads and writes a quote's approvals: the engine's pure state is rebuilt from the tables (the
 * latest submission, its requests and decisions, the smart snapshots), an action runs on it, and
 * `save` writes back exactly what changed — in the caller's transaction.
 */
@Injectable()
export class ApprovalStore {
  constructor(
    private readonly lines: QuoteLinesRepository,
    private readonly directory: DirectoryService,
    private readonly ruleSets: RuleSetsService,
  ) {}

  /** `lock`: hold the quote row (FOR UPDATE) so concurrent actions on one quote run one at a time. */
  async load(manager: EntityManager, quoteId: string, options: { lock: boolean; today?: string }): Promise<LoadedApproval> {
    const quote = await manager.getRepository(QuoteEntity).findOne({ where: { id: quoteId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!quote) throw notFound('Quote', quoteId);
    const [ruleSet, directory, quoteView, current, snapshotRows] = await Promise.all([
      this.ruleSets.current(manager),
      this.directory.load(manager),
      approvalQuote(manager, this.lines, quote),
      this.latestSubmission(manager, quoteId),
      manager.query(`SELECT rule_id, values FROM approval_snapshots WHERE quote_id = $1`, [quoteId]) as Promise<{ rule_id: string; values: Snapshot }[]>,
    ]);
    let rules: RuleSetRule[] = ruleSet.rules;
    if (current && current.submission.outcome === 'pending' && current.ruleSetVersion !== ruleSet.version) {
      // A rule deleted since submit still opens its level with the definition it was matched with.
      const then = await this.ruleSets.byVersion(current.ruleSetVersion, manager);
      rules = [...rules, ...then.rules.filter((r) => !rules.some((now) => now.id === r.id))];
    }
    const world: ApprovalWorld = { today: options.today ?? todayIso(), directory, variables: ruleSet.variables, rules, quote: quoteView };
    const created = createApprovalState(world);
    if (!created.ok) throw new AppError(409, 'invalid_configuration', 'Invalid approval configuration', created.error.message);
    const snapshots = Object.fromEntries(snapshotRows.map((s) => [s.rule_id, s.values]));
    const submission = current?.submission ?? null;
    // An edit of an approved quote returns it to draft (quotes module): that submission is voided.
    const voided = submission?.outcome === 'approved' && quote.status !== 'approved';
    if (voided && options.lock && submission) {
      await manager.query(`UPDATE approval_submissions SET outcome = 'voided' WHERE id = $1`, [submission.id]);
    }
    const state: ApprovalState = {
      ...created.value,
      status: quote.status,
      submissions: submission ? [voided ? { ...submission, outcome: 'voided' } : submission] : [],
      snapshots,
    };
    return {
      quote,
      state,
      ruleSetVersion: ruleSet.version,
      ruleNames: new Map(rules.map((r) => [r.id, r.name])),
      current: current ? { id: current.submission.id, sequence: current.sequence, ruleSetVersion: current.ruleSetVersion, outcome: voided ? 'voided' : current.submission.outcome, requests: current.requests } : null,
      snapshots,
    };
  }

  private async latestSubmission(manager: EntityManager, quoteId: string) {
    const [row]: { id: string; sequence: number; rule_set_version: number; submitted_by: string | null; submitted_on: string; outcome: Submission['outcome']; auto_approved: string[] }[] =
      await manager.query(
        `SELECT id, sequence, rule_set_version, submitted_by, submitted_on::text, outcome, auto_approved FROM approval_submissions WHERE quote_id = $1 ORDER BY sequence DESC LIMIT 1`,
        [quoteId],
      );
    if (!row) return null;
    const requests: RequestRow[] = await manager.query(
      `SELECT id, rule_id, rule_name, step, status, mode, approvers, delegates, opened_on::text, closed_on::text, version FROM approval_requests WHERE submission_id = $1 ORDER BY step, rule_name, id`,
      [row.id],
    );
    const decisions: DecisionRow[] = await manager.query(
      `SELECT d.request_id, d.actor_id, d.on_behalf_of, d.decision, d.comment, d.decided_on::text FROM approval_decisions d JOIN approval_requests r ON r.id = d.request_id WHERE r.submission_id = $1 ORDER BY d.id`,
      [row.id],
    );
    const decisionsOf = (requestId: string): Decision[] =>
      decisions.filter((d) => d.request_id === requestId).map((d) => ({ by: d.actor_id, onBehalfOf: d.on_behalf_of, decision: d.decision, comment: d.comment, on: d.decided_on }));
    const submission: Submission = {
      id: row.id,
      submittedBy: row.submitted_by ?? '',
      submittedOn: row.submitted_on,
      outcome: row.outcome,
      autoApproved: row.auto_approved,
      requests: requests.map((r) => ({
        ruleId: r.rule_id,
        step: r.step,
        status: r.status,
        mode: r.mode,
        approvers: r.approvers,
        delegates: r.delegates,
        decisions: decisionsOf(r.id),
        openedOn: r.opened_on,
        closedOn: r.closed_on,
      })),
    };
    return {
      submission,
      sequence: row.sequence,
      ruleSetVersion: row.rule_set_version,
      requests: requests.map((r) => ({ id: r.id, ruleId: r.rule_id, ruleName: r.rule_name, status: r.status, decisionCount: decisionsOf(r.id).length, version: r.version })),
    };
  }

  /**
   * Writes what an action changed: a new submission with its requests, or the current one's
   * outcome, requests and new decisions; snapshots; the quote's status; and the engine's new
   * history entries as append-only rows. Returns the ids of the requests by rule.
   */
  async save(
    manager: EntityManager,
    before: LoadedApproval,
    after: ApprovalState,
    context: { actorId: string | null; at: Date; quoteSnapshot?: Quote; plan?: unknown },
  ): Promise<Map<string, string>> {
    const submission = after.submissions.at(-1) ?? null;
    const requestIds = new Map((before.current?.requests ?? []).map((r) => [r.ruleId, r.id]));
    const at = context.at.toISOString();
    if (submission && submission.id !== before.current?.id) {
      await manager.query(
        `INSERT INTO approval_submissions (id, quote_id, sequence, rule_set_version, submitted_by, submitted_on, submitted_at, outcome, auto_approved, quote_snapshot, plan, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          submission.id,
          before.quote.id,
          (before.current?.sequence ?? 0) + 1,
          before.ruleSetVersion,
          context.actorId,
          submission.submittedOn,
          at,
          submission.outcome,
          submission.autoApproved,
          JSON.stringify(context.quoteSnapshot ?? after.quote),
          JSON.stringify(context.plan ?? null),
          submission.outcome === 'pending' ? null : at,
        ],
      );
      for (const request of submission.requests) {
        const [{ id }]: { id: string }[] = await manager.query(
          `INSERT INTO approval_requests (submission_id, quote_id, rule_id, rule_name, step, status, mode, approvers, delegates, assignees, opened_on, closed_on, opened_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [submission.id, before.quote.id, request.ruleId, before.ruleNames.get(request.ruleId) ?? request.ruleId, request.step, request.status, JSON.stringify(request.mode), request.approvers, JSON.stringify(request.delegates), assigneesOf(request), request.openedOn, request.closedOn, request.status === 'open' ? at : null],
        );
        requestIds.set(request.ruleId, id);
      }
    } else if (submission && before.current) {
      if (submission.outcome !== before.current.outcome) {
        await manager.query(`UPDATE approval_submissions SET outcome = $2, closed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE coalesce(closed_at, $3::timestamptz) END WHERE id = $1`, [submission.id, submission.outcome, at]);
      }
      const previous = new Map(before.state.submissions.at(-1)?.requests.map((r) => [r.ruleId, r]) ?? []);
      for (const request of submission.requests) {
        const old = previous.get(request.ruleId);
        const id = requestIds.get(request.ruleId);
        if (!old || !id || old === request) continue;
        await manager.query(
          `UPDATE approval_requests SET status = $2, mode = $3, approvers = $4, delegates = $5, assignees = $6, opened_on = $7, closed_on = $8,
                  opened_at = CASE WHEN $2 = 'open' AND opened_at IS NULL THEN $9::timestamptz ELSE opened_at END,
                  closed_at = CASE WHEN $2 IN ('approved','rejected','cancelled') AND closed_at IS NULL THEN $9::timestamptz ELSE closed_at END,
                  version = version + 1
            WHERE id = $1`,
          [id, request.status, JSON.stringify(request.mode), request.approvers, JSON.stringify(request.delegates), assigneesOf(request), request.openedOn, request.closedOn, at],
        );
        for (const decision of request.decisions.slice(old.decisions.length)) {
          await manager.query(
            `INSERT INTO approval_decisions (request_id, actor_id, on_behalf_of, decision, comment, decided_on, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, decision.by, decision.onBehalfOf, decision.decision, decision.comment, decision.on, at],
          );
        }
      }
    }
    for (const [ruleId, values] of Object.entries(after.snapshots)) {
      if (JSON.stringify(before.snapshots[ruleId]) === JSON.stringify(values)) continue;
      await manager.query(
        `INSERT INTO approval_snapshots (quote_id, rule_id, values, taken_at) VALUES ($1, $2, $3, $4) ON CONFLICT (quote_id, rule_id) DO UPDATE SET values = EXCLUDED.values, taken_at = EXCLUDED.taken_at`,
        [before.quote.id, ruleId, JSON.stringify(values), at],
      );
    }
    if (after.status !== before.quote.status) {
      await manager.query(`UPDATE quotes SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [before.quote.id, after.status]);
      await manager.query(`INSERT INTO quote_history (quote_id, actor_id, action, from_status, to_status, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        before.quote.id,
        context.actorId,
        `approval_${after.history.at(-1)?.action ?? 'change'}`,
        before.quote.status,
        after.status,
        JSON.stringify({ submissionId: submission?.id ?? null }),
        at,
      ]);
    }
    await this.appendHistory(manager, before, after, submission, context);
    return requestIds;
  }

  private async appendHistory(
    manager: EntityManager,
    before: LoadedApproval,
    after: ApprovalState,
    submission: Submission | null,
    context: { actorId: string | null; at: Date },
  ): Promise<void> {
    const entries: HistoryEntry[] = after.history.slice(before.state.history.length);
    const ruleSetVersion = submission && submission.id === before.current?.id ? before.current.ruleSetVersion : before.ruleSetVersion;
    for (const entry of entries) {
      const request = entry.ruleId ? submission?.requests.find((r) => r.ruleId === entry.ruleId) : undefined;
      const decision = entry.action === 'approve' || entry.action === 'reject' ? request?.decisions.at(-1) : undefined;
      const onBehalfOf = decision ? decision.onBehalfOf.filter((seat) => seat !== decision.by) : [];
      await manager.query(
        `INSERT INTO approval_history (quote_id, submission_id, at, actor_id, on_behalf_of, action, rule_id, rule_name, comment, detail, rule_set_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          before.quote.id,
          submission?.id ?? null,
          context.at.toISOString(),
          entry.by ?? context.actorId,
          onBehalfOf,
          entry.action,
          entry.ruleId ?? null,
          entry.ruleId ? (before.ruleNames.get(entry.ruleId) ?? null) : null,
          entry.comment ?? null,
          entry.detail ?? null,
          ruleSetVersion,
        ],
      );
    }
  }
}

function assigneesOf(request: ApprovalRequest): string[] {
  return [...new Set([...request.approvers, ...request.delegates.map((d) => d.delegate)])];
}
