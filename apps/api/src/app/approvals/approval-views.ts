import {
  type ApprovalError,
  type ConditionReason,
  explainAvoidance,
  explainReason,
  explainSmartRetest,
  type PlanEntry,
  type RequestMode,
  type SubmissionPlan,
} from '@signet/approvals-domain';
import { type EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { PersonDto } from '../directory/dto/group.dto';
import { toPersonDto } from '../directory/groups.service';
import { UserEntity } from '../users/user.entity';
import type { PlanLevelDto, PlanRequestDto, ReasonDto } from './dto/approval.dto';

/** HTTP status of each engine error code (conformance README 1.6). */
const STATUS: Record<ApprovalError['code'], number> = {
  quote_locked: 409,
  not_pending: 409,
  invalid_state: 409,
  not_an_assignee: 403,
  self_approval: 403,
  approver_unresolved: 422,
  invalid_configuration: 409,
};

const TITLES: Record<ApprovalError['code'], string> = {
  quote_locked: 'Quote locked',
  not_pending: 'Quote not pending approval',
  invalid_state: 'Not allowed in this state',
  not_an_assignee: 'Not an assignee',
  self_approval: 'Self-approval not allowed',
  approver_unresolved: 'Approver cannot be resolved',
  invalid_configuration: 'Invalid approval configuration',
};

export function approvalProblem(error: ApprovalError): AppError {
  return new AppError(STATUS[error.code], error.code, TITLES[error.code], error.message, error.ruleId ? { ruleId: error.ruleId } : {});
}

export function modeText(mode: RequestMode | null): string {
  if (mode === null) return 'any';
  return typeof mode === 'object' ? `quorum ${mode.quorum}` : mode;
}

export function reasonDto(reason: ConditionReason): ReasonDto {
  return { ...reason, text: explainReason(reason) };
}

/** Everyone a plan or request names, looked up once. */
export async function peopleById(manager: EntityManager, ids: Iterable<string>): Promise<(id: string) => PersonDto> {
  const unique = [...new Set(ids)].filter(Boolean);
  const users = unique.length ? await manager.getRepository(UserEntity).findBy({ id: In(unique) }) : [];
  const byId = new Map(users.map((u) => [u.id, toPersonDto(u)]));
  return (id) => byId.get(id) ?? { id, displayName: `unknown user ${id}`, email: '', active: false };
}

export function planPeople(plan: SubmissionPlan): string[] {
  return plan.entries.flatMap((e) => [...e.approvers, ...e.delegates.flatMap((d) => [d.delegate, d.for])]);
}

export function planRequest(entry: PlanEntry, ruleName: string, person: (id: string) => PersonDto): PlanRequestDto {
  return {
    ruleId: entry.ruleId,
    ruleName,
    chain: entry.chain,
    step: entry.step,
    autoApproved: entry.autoApproved,
    mode: modeText(entry.mode),
    approvers: entry.approvers.map(person),
    delegates: entry.delegates.map((d) => ({ delegate: person(d.delegate), for: person(d.for) })),
    unresolved: entry.unresolved?.message ?? null,
    reasons: entry.reasons.map(reasonDto),
    smartRetest: entry.smartRetest
      ? {
          requested: entry.smartRetest.requested,
          forcedByChange: entry.smartRetest.forcedByChange,
          conditions: entry.smartRetest.conditions.map((c) => ({ index: c.index, tested: c.tested, value: c.value, snapshot: c.snapshot ?? null, test: c.test, result: c.result, text: explainSmartRetest(c) })),
        }
      : null,
    avoidance: entry.avoidance ? { ...entry.avoidance, text: explainAvoidance(entry.avoidance) } : null,
  };
}

export function planLevels(plan: SubmissionPlan, ruleName: (id: string) => string, person: (id: string) => PersonDto): PlanLevelDto[] {
  const levels = new Map<number, PlanRequestDto[]>();
  for (const entry of plan.entries) {
    const level = levels.get(entry.step) ?? [];
    level.push(planRequest(entry, ruleName(entry.ruleId), person));
    levels.set(entry.step, level);
  }
  return [...levels.entries()].sort(([a], [b]) => a - b).map(([step, requests]) => ({ step, requests }));
}

/** What a submission stores of its plan: per rule, the step and the reasons, for inboxes and audit. */
export interface RecordedPlan {
  entries: { ruleId: string; ruleName: string; step: number; autoApproved: boolean; assignees: string[]; reasons: ReasonDto[] }[];
}

export function recordPlan(plan: SubmissionPlan, ruleName: (id: string) => string): RecordedPlan {
  return {
    entries: plan.entries.map((e) => ({ ruleId: e.ruleId, ruleName: ruleName(e.ruleId), step: e.step, autoApproved: e.autoApproved, assignees: [...e.assignees], reasons: e.reasons.map(reasonDto) })),
  };
}
