import { addBusinessHours, type BusinessCalendar } from './business-calendar';
import type { FieldError } from './field-error';

/** Per rule: remind the assignees after N business hours, escalate after M > N. */
export interface EscalationPolicy {
  readonly remindAfterBusinessHours: number | null;
  readonly escalateAfterBusinessHours: number | null;
  readonly escalateToUserId: string | null;
}

export const NO_ESCALATION: EscalationPolicy = {
  remindAfterBusinessHours: null,
  escalateAfterBusinessHours: null,
  escalateToUserId: null,
};
export const MAX_TIMER_BUSINESS_HOURS = 2_000;

export type TimerKind = 'reminder' | 'escalation';

export interface RequestTimer {
  readonly kind: TimerKind;
  readonly afterBusinessHours: number;
  readonly fireAt: Date;
}

export function validateEscalationPolicy(
  policy: EscalationPolicy,
): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: keyof EscalationPolicy, hours: number | null) => {
    if (
      hours !== null &&
      !(
        Number.isFinite(hours) &&
        hours > 0 &&
        hours <= MAX_TIMER_BUSINESS_HOURS
      )
    ) {
      errors.push({
        field,
        message: `must be more than 0 and at most ${MAX_TIMER_BUSINESS_HOURS} business hours`,
      });
    }
  };
  check('remindAfterBusinessHours', policy.remindAfterBusinessHours);
  check('escalateAfterBusinessHours', policy.escalateAfterBusinessHours);
  if (policy.escalateAfterBusinessHours !== null && !policy.escalateToUserId) {
    errors.push({
      field: 'escalateToUserId',
      message: 'is needed when escalation is on',
    });
  }
  if (policy.escalateAfterBusinessHours === null && policy.escalateToUserId) {
    errors.push({
      field: 'escalateAfterBusinessHours',
      message: 'is needed when an escalation approver is set',
    });
  }
  if (
    policy.remindAfterBusinessHours !== null &&
    policy.escalateAfterBusinessHours !== null &&
    policy.escalateAfterBusinessHours <= policy.remindAfterBusinessHours
  ) {
    errors.push({
      field: 'escalateAfterBusinessHours',
      message: `must be later than the reminder (${policy.remindAfterBusinessHours} business hours)`,
    });
  }
  return errors;
}

/** The timers a request opened at `openedAt` needs, in firing order. */
export function planRequestTimers(
  openedAt: Date,
  policy: EscalationPolicy,
  calendar: BusinessCalendar,
): RequestTimer[] {
  const timers: RequestTimer[] = [];
  if (policy.remindAfterBusinessHours !== null) {
    timers.push({
      kind: 'reminder',
      afterBusinessHours: policy.remindAfterBusinessHours,
      fireAt: addBusinessHours(
        openedAt,
        policy.remindAfterBusinessHours,
        calendar,
      ),
    });
  }
  if (policy.escalateAfterBusinessHours !== null && policy.escalateToUserId) {
    timers.push({
      kind: 'escalation',
      afterBusinessHours: policy.escalateAfterBusinessHours,
      fireAt: addBusinessHours(
        openedAt,
        policy.escalateAfterBusinessHours,
        calendar,
      ),
    });
  }
  return timers;
}

/** BullMQ job id of a request's timer: one per request and kind, so re-scheduling replaces and closing removes it. */
export function requestTimerJobId(requestId: string, kind: TimerKind): string {
  return `${kind}-${requestId}`;
}
