import { approvalError, type ApprovalError } from './approval-error';
import type {
  ApproverSpec,
  Delegation,
  Directory,
  IsoDate,
  Quote,
  UserId,
} from './model';
import { parseOperandRef, readQuoteField } from './read-operand';
import { err, ok, type Result } from './result';

/** How many of a request's approvers must approve: one (`any`), every one, or a quorum. */
export type RequestMode = 'any' | 'all' | { readonly quorum: number };

export interface ResolvedApprovers {
  /** The approvers in their own right (a group's members, or one user). */
  readonly approvers: readonly UserId[];
  readonly mode: RequestMode;
}

/** A delegate standing in for one approver on one request. */
export interface DelegateAssignment {
  readonly delegate: UserId;
  readonly for: UserId;
}

/**
 * Resolves an approver form against the quote and the directory (README 1.1, 1.7):
 * `user`, `field` (a user id read from the quote), `managerOf` (the manager of the user a
 * quote field names) must resolve to users of the directory; a group resolves to its
 * members (an unknown or empty group, or a quorum larger than the group, cannot be resolved).
 * A group without `mode` means `any`.
 */
export function resolveApprovers(
  spec: ApproverSpec,
  quote: Quote,
  directory: Directory,
): Result<ResolvedApprovers, ApprovalError> {
  if ('group' in spec)
    return resolveGroup(spec.group, spec.mode ?? 'any', directory);
  if ('user' in spec)
    return single(requireUser(spec.user, directory, `user ${spec.user}`));
  const reference = 'field' in spec ? spec.field : spec.managerOf;
  const fieldName = parseOperandRef(reference)?.name ?? reference;
  const value = readQuoteField(quote, fieldName);
  if (typeof value !== 'string' || value === '') {
    return unresolved(`quote field ${fieldName} names no user`);
  }
  const named = requireUser(
    value,
    directory,
    `user ${value} (from ${reference})`,
  );
  if ('field' in spec || !named.ok) return single(named);
  const manager = directory.users.find((u) => u.id === value)?.managerId;
  if (!manager)
    return unresolved(`user ${value} (from ${reference}) has no manager`);
  return single(
    requireUser(manager, directory, `manager ${manager} of ${value}`),
  );
}

function resolveGroup(
  groupId: string,
  mode: RequestMode,
  directory: Directory,
): Result<ResolvedApprovers, ApprovalError> {
  const group = directory.groups.find((g) => g.id === groupId);
  const members = unique(group?.members ?? []);
  if (members.length === 0)
    return unresolved(`group ${groupId} is unknown or empty`);
  if (typeof mode === 'object' && mode.quorum > members.length) {
    return unresolved(
      `group ${groupId} has ${members.length} members, fewer than its quorum of ${mode.quorum}`,
    );
  }
  return ok({ approvers: members, mode });
}

function requireUser(
  id: UserId,
  directory: Directory,
  what: string,
): Result<UserId, ApprovalError> {
  return directory.users.some((u) => u.id === id)
    ? ok(id)
    : unresolved(`${what} is not in the directory`);
}

function single(
  user: Result<UserId, ApprovalError>,
): Result<ResolvedApprovers, ApprovalError> {
  return user.ok ? ok({ approvers: [user.value], mode: 'any' }) : user;
}

function unresolved(message: string): { ok: false; error: ApprovalError } {
  return err(approvalError('approver_unresolved', message));
}

/** Whether `today` lies in an inclusive window whose missing ends are open. */
export function isWithin(
  today: IsoDate,
  from: IsoDate | null | undefined,
  to: IsoDate | null | undefined,
): boolean {
  return (!from || from <= today) && (!to || today <= to);
}

/**
 * The delegates standing in for each approver on `today`. Delegation does not chain: a
 * delegate's own delegations are never followed.
 */
export function activeDelegates(
  approvers: readonly UserId[],
  delegations: readonly Delegation[],
  today: IsoDate,
): DelegateAssignment[] {
  const assignments: DelegateAssignment[] = [];
  for (const approver of approvers) {
    for (const d of delegations) {
      const duplicate = assignments.some(
        (a) => a.delegate === d.delegate && a.for === approver,
      );
      if (
        d.approver === approver &&
        d.delegate !== approver &&
        !duplicate &&
        isWithin(today, d.from, d.to)
      ) {
        assignments.push({ delegate: d.delegate, for: approver });
      }
    }
  }
  return assignments;
}

/** Everyone who may act on a request: approvers first, then their delegates, each once. */
export function assigneesOf(
  approvers: readonly UserId[],
  delegates: readonly DelegateAssignment[],
): UserId[] {
  return unique([...approvers, ...delegates.map((d) => d.delegate)]);
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
