import type { IsoDate, UserId } from './model';
import type { DelegateAssignment, RequestMode } from './resolve-approvers';

export interface Decision {
  /** The person who acted. */
  readonly by: UserId;
  /** The approvers' seats this decision speaks for (the actor's own and those delegated to it). */
  readonly onBehalfOf: readonly UserId[];
  readonly decision: 'approve' | 'reject';
  readonly comment: string | null;
  readonly on: IsoDate;
}

/**
 * The seats an actor holds on a request: its own seat when it is an approver, plus the seat
 * of every approver it stands in for as an active delegate.
 */
export function seatsHeldBy(
  actor: UserId,
  approvers: readonly UserId[],
  delegates: readonly DelegateAssignment[],
): UserId[] {
  const seats = approvers.includes(actor) ? [actor] : [];
  for (const d of delegates)
    if (d.delegate === actor && !seats.includes(d.for)) seats.push(d.for);
  return seats;
}

/**
 * Whether the approvals given so far satisfy the request's mode:
 * - `any`: one approval;
 * - `all`: every approver's seat is covered (by the approver or a delegate standing in for it);
 * - `{quorum: n}`: n distinct seats, each vouched for by a different person — one person
 *   holding several seats by delegation still counts once (a maximum matching of people to seats).
 */
export function isRequestSatisfied(
  mode: RequestMode,
  approvers: readonly UserId[],
  decisions: readonly Decision[],
): boolean {
  const approvals = decisions.filter(
    (d) => d.decision === 'approve' && d.onBehalfOf.length > 0,
  );
  if (mode === 'any') return approvals.length > 0;
  if (mode === 'all') {
    const covered = new Set(approvals.flatMap((d) => d.onBehalfOf));
    return approvers.every((seat) => covered.has(seat));
  }
  return countDistinctVouchers(approvals, approvers) >= mode.quorum;
}

/** Size of a maximum matching between acting people and the seats they approved for. */
export function countDistinctVouchers(
  approvals: readonly Decision[],
  approvers: readonly UserId[],
): number {
  const seatsByPerson = new Map<UserId, Set<UserId>>();
  for (const approval of approvals) {
    const seats = seatsByPerson.get(approval.by) ?? new Set<UserId>();
    for (const seat of approval.onBehalfOf)
      if (approvers.includes(seat)) seats.add(seat);
    seatsByPerson.set(approval.by, seats);
  }
  const seatHolder = new Map<UserId, UserId>();
  const tryAssign = (person: UserId, visited: Set<UserId>): boolean => {
    for (const seat of seatsByPerson.get(person) ?? []) {
      if (visited.has(seat)) continue;
      visited.add(seat);
      const holder = seatHolder.get(seat);
      if (holder === undefined || tryAssign(holder, visited)) {
        seatHolder.set(seat, person);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (const person of seatsByPerson.keys())
    if (tryAssign(person, new Set())) matched += 1;
  return matched;
}
