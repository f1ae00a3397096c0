import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApprovalAction, applyApprovalAction, type ApprovalState, planSubmission } from '@signet/approvals-domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AffectedRequestDto } from '../approval-rules/dto/substitution.dto';
import { SubstitutionService } from '../approval-rules/substitution.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, invalidInput, notFound } from '../common/app-error';
import { Role } from '../common/roles';
import { UserEntity } from '../users/user.entity';
import { type LoadedApproval, ApprovalStore } from './approval-store';
import { approvalProblem, recordPlan } from './approval-views';
import type { BatchApproveResultDto, ReassignDto } from './dto/approval.dto';

const isAdmin = (actor: Principal) => actor.roles.includes(Role.Admin);

interface RequestRef {
  id: string;
  quote_id: string;
  submission_id: string;
  rule_id: string;
  status: string;
}

/**
 * The commands of a quote's approvals. Each runs in one transaction: lock the quote row, rebuild
 * the engine's state, apply one pure transition, write back what changed, audit. Two decisions
 * racing on one request are serialised by the row lock; the second finds the request closed (409).
 */
@Injectable()
export class ApprovalsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ApprovalStore,
    private readonly substitution: SubstitutionService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.substitution.registerOpenRequests({
      affected: (manager, fromId) => this.openRequestsOf(manager, fromId),
      apply: (manager, fromId, toId, actor) => this.substituteOnOpenRequests(manager, fromId, toId, actor),
    });
  }

  async submit(quoteId: string, comment: string | undefined, actor: Principal): Promise<void> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.store.load(manager, quoteId, { lock: true });
      if (loaded.quote.ownerId !== actor.id && !isAdmin(actor)) throw new AppError(403, 'not_quote_owner', 'Forbidden', 'Only the quote owner or an admin may submit it for approval.');
      const plan = planSubmission(loaded.state);
      const at = new Date();
      const after = this.apply(loaded.state, { type: 'submit', by: actor.id }, { submissionId: randomUUID(), at: at.toISOString() });
      const names = (id: string) => loaded.ruleNames.get(id) ?? id;
      await this.store.save(manager, loaded, withComment(after, comment), { actorId: actor.id, at, plan: recordPlan(plan, names) });
      await this.record(manager, actor, 'approval.submitted', quoteId, { status: after.status, requests: plan.entries.filter((e) => !e.autoApproved).length, ruleSetVersion: loaded.ruleSetVersion });
    });
  }

  async recall(quoteId: string, comment: string | undefined, actor: Principal): Promise<void> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.store.load(manager, quoteId, { lock: true });
      const at = new Date();
      const after = this.apply(loaded.state, { type: 'recall', by: actor.id }, { at: at.toISOString() });
      await this.store.save(manager, loaded, withComment(after, comment), { actorId: actor.id, at });
      await this.record(manager, actor, 'approval.recalled', quoteId, {});
    });
  }

  /** Approve or reject one request; returns its id's quote for the caller to re-read. */
  async decide(requestId: string, decision: 'approve' | 'reject', comment: string | undefined, actor: Principal): Promise<{ quoteId: string; status: string }> {
    return this.db.transaction(async (manager) => {
      const { loaded, ref } = await this.lockRequest(manager, requestId);
      const at = new Date();
      const result = applyApprovalAction(loaded.state, { type: decision, rule: ref.rule_id, by: actor.id, comment: comment ?? null }, { at: at.toISOString() });
      if (!result.ok) {
        const stored = loaded.current?.requests.find((r) => r.id === requestId);
        const isCurrent = loaded.current?.id === ref.submission_id;
        const wasAssignee = (await manager.query(`SELECT 1 FROM approval_requests WHERE id = $1 AND $2 = ANY(assignees)`, [requestId, actor.id])).length > 0;
        // The loser of a race (or a repeat click) on a request someone already closed: a conflict, not a permission problem.
        if (result.error.code === 'not_an_assignee' && wasAssignee && (!isCurrent || stored?.status !== 'open')) {
          throw conflict('request_closed', `This request is already ${isCurrent ? stored?.status : 'closed'}; no decision was recorded.`, { requestStatus: isCurrent ? stored?.status : 'closed' });
        }
        throw approvalProblem(result.error);
      }
      if (loaded.current?.id !== ref.submission_id) throw conflict('request_closed', 'This request belongs to an earlier submission; no decision was recorded.');
      await this.store.save(manager, loaded, result.value, { actorId: actor.id, at });
      const status = result.value.submissions.at(-1)?.requests.find((r) => r.ruleId === ref.rule_id)?.status ?? 'open';
      await this.record(manager, actor, decision === 'approve' ? 'approval.approved' : 'approval.rejected', ref.quote_id, { requestId, ruleId: ref.rule_id, requestStatus: status, quoteStatus: result.value.status });
      return { quoteId: ref.quote_id, status };
    });
  }

  async batchApprove(ids: readonly string[], comment: string | undefined, actor: Principal): Promise<BatchApproveResultDto> {
    const results: BatchApproveResultDto['results'] = [];
    for (const id of ids) {
      try {
        const { status } = await this.decide(id, 'approve', comment, actor);
        results.push({ id, ok: true, status });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ id, ok: false, code: error.code, detail: error.detail });
      }
    }
    const approved = results.filter((r) => r.ok).length;
    return { results, approved, failed: results.length - approved };
  }

  async reassign(requestId: string, input: ReassignDto, actor: Principal): Promise<{ quoteId: string }> {
    const fromId = input.fromId ?? actor.id;
    if (fromId !== actor.id && !isAdmin(actor)) throw new AppError(403, 'forbidden', 'Forbidden', 'Only admins may reassign someone else’s seat.');
    return this.db.transaction(async (manager) => {
      const { loaded, ref } = await this.lockRequest(manager, requestId);
      if (loaded.current?.id !== ref.submission_id) throw conflict('request_closed', 'This request belongs to an earlier submission.');
      const to = await manager.getRepository(UserEntity).findOneBy({ id: input.toId, active: true });
      if (!to) throw invalidInput([{ field: 'toId', message: `no active user with id ${input.toId}` }]);
      if (!to.roles.some((r) => r === Role.Approver || r === Role.Admin)) throw invalidInput([{ field: 'toId', message: `${to.displayName} cannot approve (needs the approver role)` }]);
      if (to.id === loaded.quote.ownerId) throw invalidInput([{ field: 'toId', message: 'the quote owner cannot approve their own quote' }]);
      const at = new Date();
      const after = this.apply(loaded.state, { type: 'reassign', rule: ref.rule_id, from: fromId, to: to.id }, { at: at.toISOString() });
      await this.store.save(manager, loaded, withComment(after, input.comment), { actorId: actor.id, at });
      await this.record(manager, actor, 'approval.reassigned', ref.quote_id, { requestId, fromId, toId: to.id });
      return { quoteId: ref.quote_id };
    });
  }

  private async lockRequest(manager: EntityManager, requestId: string): Promise<{ loaded: LoadedApproval; ref: RequestRef }> {
    const [ref]: RequestRef[] = await manager.query(`SELECT id, quote_id, submission_id, rule_id, status FROM approval_requests WHERE id = $1`, [requestId]);
    if (!ref) throw notFound('Approval request', requestId);
    return { loaded: await this.store.load(manager, ref.quote_id, { lock: true }), ref };
  }

  private apply(state: ApprovalState, action: ApprovalAction, context: { submissionId?: string; at: string }): ApprovalState {
    const result = applyApprovalAction(state, action, context);
    if (!result.ok) throw approvalProblem(result.error);
    return result.value;
  }

  private record(manager: EntityManager, actor: Principal, action: string, quoteId: string, detail: Record<string, unknown>) {
    return this.audit.record({ actorId: actor.id, action, targetType: 'quote', targetId: quoteId, detail }, manager);
  }

  private async openRequestsOf(manager: EntityManager, userId: string): Promise<AffectedRequestDto[]> {
    const rows: { id: string; quote_id: string; quote_name: string; rule_name: string; step: number }[] = await manager.query(
      `SELECT r.id, r.quote_id, q.number || ' ' || q.name AS quote_name, r.rule_name, r.step
         FROM approval_requests r JOIN quotes q ON q.id = r.quote_id
        WHERE r.status = 'open' AND $1 = ANY(r.assignees) ORDER BY q.number, r.step, r.rule_name`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, quoteId: r.quote_id, quoteName: r.quote_name, ruleName: r.rule_name, step: r.step }));
  }

  /** Runs the engine's substitution on every quote with an open request assigned to `fromId`. */
  private async substituteOnOpenRequests(manager: EntityManager, fromId: string, toId: string, actor: Principal): Promise<void> {
    const quoteIds = [...new Set((await this.openRequestsOf(manager, fromId)).map((r) => r.quoteId))];
    for (const quoteId of quoteIds) {
      const loaded = await this.store.load(manager, quoteId, { lock: true });
      const at = new Date();
      const after = this.apply(loaded.state, { type: 'substitute', from: fromId, to: toId }, { at: at.toISOString() });
      await this.store.save(manager, loaded, after, { actorId: actor.id, at });
    }
  }
}

/** Adds the caller's comment to the history entry the action just wrote. */
function withComment(state: ApprovalState, comment: string | undefined): ApprovalState {
  const last = state.history.at(-1);
  if (!comment?.trim() || !last) return state;
  return { ...state, history: [...state.history.slice(0, -1), { ...last, comment: comment.trim() }] };
}
