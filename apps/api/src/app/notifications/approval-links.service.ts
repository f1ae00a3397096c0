import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type LinkClaims, verifyLinkToken } from '@signet/notifications-domain';
import type { DataSource } from 'typeorm';
import { ApprovalsService } from '../approvals/approvals.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict } from '../common/app-error';
import { Clock } from '../common/clock.service';
import type { Role } from '../common/roles';
import { notificationConfig } from '../config/configuration';
import { loadPeople, loadSubmissionState, type RequestState, type SubmissionState } from './approval-context';
import { ApprovalLinkEntity } from './approval-link.entity';
import type { ApprovalLinkDto, ApprovalLinkResultDto, LinkState } from './dto/approval-link.dto';

const invalid = () => new AppError(400, 'link_invalid', 'Invalid link', 'This approval link is not valid: it may have been changed or cut short. Open the link from the email again, or decide in Signet.');

interface Inspected {
  claims: LinkClaims;
  link: ApprovalLinkEntity;
  state: SubmissionState;
  request: RequestState;
  linkState: LinkState;
  message: string;
}

/**
 * One-tap approve/reject links from emails: the token is checked (signature, expiry), then the
 * link's single use, then whether the request is still open and still assigned to that person;
 * only then is the decision made — through the approvals service, as that person.
 */
@Injectable()
export class ApprovalLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>,
    private readonly clock: Clock,
    private readonly approvals: ApprovalsService,
    private readonly audit: AuditService,
  ) {}

  async view(token: string): Promise<ApprovalLinkDto> {
    const inspected = await this.inspect(token);
    const { state, request, claims, link } = inspected;
    const people = await loadPeople(this.db.manager, [claims.assigneeId, state.quote.ownerId]);
    return {
      state: inspected.linkState,
      message: inspected.message,
      decision: claims.decision,
      expiresAt: link.expiresAt.toISOString(),
      assigneeName: people.get(claims.assigneeId)?.displayName ?? '',
      ruleName: request.ruleName,
      step: request.step,
      requestStatus: request.status,
      quote: {
        number: state.quote.number,
        name: state.quote.name,
        accountName: state.quote.accountName,
        ownerName: people.get(state.quote.ownerId)?.displayName ?? '',
        currency: state.quote.currency || this.settings.defaultCurrency,
        listTotal: state.quote.listTotal,
        netTotal: state.quote.netTotal,
        discountAmount: state.quote.discountAmount,
        discountPercent: state.quote.discountPercent,
      },
      reasons: request.reasons,
    };
  }

  async use(token: string, comment: string | undefined, ip: string | null): Promise<ApprovalLinkResultDto> {
    const inspected = await this.inspect(token);
    const { claims, request, state } = inspected;
    if (inspected.linkState !== 'ready') throw this.refusal(inspected);
    const now = this.clock.now();
    // Claimed before deciding, atomically: of two taps racing, one wins and the other is told it was used.
    const claimed = await this.db
      .createQueryBuilder()
      .update(ApprovalLinkEntity)
      .set({ usedAt: now, usedDecision: claims.decision, usedIp: ip })
      .where('id = :id AND used_at IS NULL', { id: claims.linkId })
      .execute();
    if (!claimed.affected) throw conflict('link_used', 'This link was already used; nothing was changed.');
    try {
      const principal = await this.principalOf(claims.assigneeId);
      const { status } = await this.approvals.decide(request.id, claims.decision, comment?.trim() || undefined, principal);
      await this.audit.record({ actorId: claims.assigneeId, action: 'approval.link_used', targetType: 'approval_request', targetId: request.id, detail: { linkId: claims.linkId, decision: claims.decision }, ip });
      const outcome = claims.decision === 'approve' ? 'approved' : 'rejected';
      return {
        outcome,
        requestStatus: status,
        quoteNumber: state.quote.number,
        message: status === 'open' ? `Your approval of ${state.quote.number} is recorded; the request still waits for others.` : `You ${outcome} ${state.quote.number} (${request.ruleName}).`,
      };
    } catch (error) {
      // Nothing was decided: the link stays usable, and the reason is told plainly.
      await this.db.getRepository(ApprovalLinkEntity).update({ id: claims.linkId }, { usedAt: null, usedDecision: null, usedIp: null });
      if (error instanceof AppError && error.code === 'request_closed') throw conflict('request_closed', `${state.quote.number} no longer needs this decision: ${error.detail ?? 'the request is closed'}. Nothing was changed.`);
      if (error instanceof AppError && error.code === 'not_an_assignee') throw conflict('link_reassigned', 'This request is no longer assigned to you; nothing was changed.');
      throw error;
    }
  }

  private async inspect(token: string): Promise<Inspected> {
    const verified = verifyLinkToken(token, this.settings.linkSecret, this.clock.now());
    if (!verified.ok && verified.reason !== 'expired') throw invalid();
    const claims = verified.ok ? verified.claims : (verified.claims as LinkClaims);
    const link = await this.db.getRepository(ApprovalLinkEntity).findOneBy({ id: claims.linkId });
    if (!link || link.requestId !== claims.requestId || link.assigneeId !== claims.assigneeId) throw invalid();
    const [row]: { quote_id: string }[] = await this.db.query(`SELECT quote_id FROM approval_requests WHERE id = $1`, [claims.requestId]);
    const state = row ? await loadSubmissionState(this.db.manager, row.quote_id) : null;
    const request = state?.requests.find((r) => r.id === claims.requestId);
    if (!state || !request) {
      // The request belongs to an earlier submission of the quote (resubmitted since).
      const earlier = row ? await this.earlier(claims.requestId) : null;
      if (!earlier) throw invalid();
      return { claims, link, ...earlier, linkState: 'closed', message: `${earlier.state.quote.number} was submitted again since this email; this link no longer applies. Nothing was changed.` };
    }
    const base = { claims, link, state, request };
    if (!verified.ok) return { ...base, linkState: 'expired', message: `This link expired on ${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Nothing was changed; decide in Signet instead.` };
    if (link.usedAt) return { ...base, linkState: 'used', message: `This link was already used (${link.usedDecision === 'approve' ? 'approved' : 'rejected'} on ${link.usedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC). Nothing was changed.` };
    if (request.status !== 'open') return { ...base, linkState: 'closed', message: this.closedMessage(state, request) };
    if (!request.assignees.includes(claims.assigneeId)) return { ...base, linkState: 'reassigned', message: 'This request has been reassigned and is no longer yours to decide. Nothing was changed.' };
    return { ...base, linkState: 'ready', message: claims.decision === 'approve' ? `Approve ${state.quote.number}?` : `Reject ${state.quote.number}?` };
  }

  private async earlier(requestId: string): Promise<{ state: SubmissionState; request: RequestState } | null> {
    const [row]: { quote_id: string; submission_id: string }[] = await this.db.query(`SELECT quote_id, submission_id FROM approval_requests WHERE id = $1`, [requestId]);
    const latest = row ? await loadSubmissionState(this.db.manager, row.quote_id) : null;
    if (!latest) return null;
    const [r]: { rule_name: string; step: number; status: RequestState['status']; assignees: string[]; approvers: string[]; rule_id: string }[] = await this.db.query(
      `SELECT rule_id, rule_name, step, status, assignees, approvers FROM approval_requests WHERE id = $1`,
      [requestId],
    );
    return { state: latest, request: { id: requestId, ruleId: r.rule_id, ruleName: r.rule_name, step: r.step, status: r.status, assignees: r.assignees, approvers: r.approvers, reasons: [], lastDecision: null } };
  }

  private closedMessage(state: SubmissionState, request: RequestState): string {
    if (state.outcome === 'recalled') return `${state.quote.number} was recalled by its owner; nothing is waiting for you. Nothing was changed.`;
    if (request.status === 'approved' || request.status === 'rejected') return `This request was already ${request.status}. Nothing was changed.`;
    if (request.status === 'cancelled') return `This request was cancelled (the quote is ${state.outcome}). Nothing was changed.`;
    return `This request is not open (${request.status}). Nothing was changed.`;
  }

  private refusal(inspected: Inspected): AppError {
    switch (inspected.linkState) {
      case 'expired':
        return new AppError(410, 'link_expired', 'Link expired', inspected.message);
      case 'used':
        return conflict('link_used', inspected.message);
      case 'reassigned':
        return conflict('link_reassigned', inspected.message);
      default:
        return conflict('request_closed', inspected.message);
    }
  }

  private async principalOf(userId: string): Promise<Principal> {
    const [user]: { id: string; email: string; display_name: string; roles: Role[]; active: boolean }[] = await this.db.query(`SELECT id, email, display_name, roles, active FROM users WHERE id = $1`, [userId]);
    if (!user?.active) throw invalid();
    return { kind: 'user', id: user.id, roles: user.roles, email: user.email, displayName: user.display_name };
  }
}
