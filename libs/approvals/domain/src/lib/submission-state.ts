import type { ApprovalError } from './approval-error';
import {
  compileRules,
  validateVariables,
  type CompiledRule,
} from './compile-rules';
import { computeVariables, type VariableValues } from './compute-variables';
import type {
  ApprovalWorld,
  Directory,
  IsoDate,
  Quote,
  RuleId,
  UserId,
  VariableDefinition,
} from './model';
import type { Decision } from './request-progress';
import {
  assigneesOf,
  type DelegateAssignment,
  type RequestMode,
} from './resolve-approvers';
import { ok, type Result } from './result';
import type { Snapshot } from './smart-retest';

export type QuoteStatus =
  'draft' | 'pending' | 'approved' | 'rejected' | 'recalled';

/** `waiting`: its level has not opened yet; `cancelled`: closed without a decision. */
export type RequestStatus =
  'waiting' | 'open' | 'approved' | 'rejected' | 'cancelled';

export interface ApprovalRequest {
  readonly ruleId: RuleId;
  readonly step: number;
  readonly status: RequestStatus;
  /** Resolved when the level opens; empty while waiting. */
  readonly mode: RequestMode;
  readonly approvers: readonly UserId[];
  readonly delegates: readonly DelegateAssignment[];
  readonly decisions: readonly Decision[];
  readonly openedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

/** `voided`: an approved submission whose quote was edited afterwards. */
export type SubmissionOutcome =
  'pending' | 'approved' | 'rejected' | 'recalled' | 'voided';

export interface Submission {
  readonly id: string;
  readonly submittedBy: UserId;
  readonly submittedOn: IsoDate;
  readonly outcome: SubmissionOutcome;
  /** Requests of the rules matched at submit, by step; auto-approved rules have none. */
  readonly requests: readonly ApprovalRequest[];
  readonly autoApproved: readonly RuleId[];
}

/** One row per state change: who, when, what, why. */
export interface HistoryEntry {
  readonly on: IsoDate;
  /** The instant, when the caller supplied one. */
  readonly at: string | null;
  readonly by: UserId | null;
  readonly action: string;
  readonly ruleId?: RuleId;
  readonly comment?: string | null;
  readonly detail?: string;
}

/** Everything the engine knows about one quote's approvals; never mutated, only replaced. */
export interface ApprovalState {
  readonly today: IsoDate;
  readonly directory: Directory;
  readonly variableDefinitions: readonly VariableDefinition[];
  readonly rules: readonly CompiledRule[];
  readonly quote: Quote;
  readonly status: QuoteStatus;
  /** Oldest first; the last one is the current submission. */
  readonly submissions: readonly Submission[];
  /** Per rule, the smart operands' values when its request was last approved. */
  readonly snapshots: Readonly<Record<RuleId, Snapshot>>;
  readonly history: readonly HistoryEntry[];
}

/** Validates and compiles the configuration (custom logic parsed once) into a draft state. */
export function createApprovalState(
  world: ApprovalWorld,
): Result<ApprovalState, ApprovalError> {
  const variables = validateVariables(world.variables);
  if (!variables.ok) return variables;
  const rules = compileRules(
    world.rules,
    new Set(world.variables.map((v) => v.name)),
  );
  if (!rules.ok) return rules;
  return ok({
    today: world.today,
    directory: world.directory,
    variableDefinitions: variables.value,
    rules: rules.value,
    quote: world.quote,
    status: 'draft',
    submissions: [],
    snapshots: {},
    history: [],
  });
}

export function currentSubmission(state: ApprovalState): Submission | null {
  return state.submissions.at(-1) ?? null;
}

export function currentVariables(state: ApprovalState): VariableValues {
  return computeVariables(state.variableDefinitions, state.quote.lines);
}

export interface OpenRequestView {
  readonly ruleId: RuleId;
  readonly step: number;
  readonly mode: RequestMode;
  readonly approvers: readonly UserId[];
  readonly delegates: readonly DelegateAssignment[];
  /** Approvers and delegates: everyone who may decide. */
  readonly assignees: readonly UserId[];
  readonly decisions: readonly Decision[];
}

/** The open requests of the current submission (none unless pending). */
export function openRequests(state: ApprovalState): OpenRequestView[] {
  const submission = currentSubmission(state);
  if (!submission) return [];
  return submission.requests
    .filter((r) => r.status === 'open')
    .map((r) => ({
      ruleId: r.ruleId,
      step: r.step,
      mode: r.mode,
      approvers: r.approvers,
      delegates: r.delegates,
      assignees: assigneesOf(r.approvers, r.delegates),
      decisions: r.decisions,
    }));
}

/** Rules approved in the current submission, auto-approved ones included. */
export function approvedRules(state: ApprovalState): RuleId[] {
  const submission = currentSubmission(state);
  return submission ? approvedIn(submission) : [];
}

/** Rules auto-approved by smart approvals in the current submission. */
export function autoApprovedRules(state: ApprovalState): RuleId[] {
  return [...(currentSubmission(state)?.autoApproved ?? [])];
}

export function approvedIn(submission: Submission): RuleId[] {
  const requested = submission.requests
    .filter((r) => r.status === 'approved')
    .map((r) => r.ruleId);
  return [...submission.autoApproved, ...requested];
}

export function replaceRequest(
  submission: Submission,
  ruleId: RuleId,
  update: (request: ApprovalRequest) => ApprovalRequest,
): Submission {
  return {
    ...submission,
    requests: submission.requests.map((r) =>
      r.ruleId === ruleId ? update(r) : r,
    ),
  };
}

/** Replaces the current (last) submission. */
export function withCurrentSubmission(
  state: ApprovalState,
  submission: Submission,
): ApprovalState {
  return {
    ...state,
    submissions: [...state.submissions.slice(0, -1), submission],
  };
}

export function appendHistory(
  state: ApprovalState,
  entry: Omit<HistoryEntry, 'on' | 'at'>,
  at?: string,
): ApprovalState {
  return {
    ...state,
    history: [...state.history, { on: state.today, at: at ?? null, ...entry }],
  };
}

/** Cancels every request that has not been decided (open or still waiting). */
export function closeUndecided(
  submission: Submission,
  today: IsoDate,
): Submission {
  return {
    ...submission,
    requests: submission.requests.map((r) =>
      r.status === 'open' || r.status === 'waiting'
        ? { ...r, status: 'cancelled', closedOn: today }
        : r,
    ),
  };
}
