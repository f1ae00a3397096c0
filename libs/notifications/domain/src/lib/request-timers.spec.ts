import { DEFAULT_BUSINESS_CALENDAR } from './business-calendar';
import {
  type EscalationPolicy,
  NO_ESCALATION,
  planRequestTimers,
  requestTimerJobId,
  validateEscalationPolicy,
} from './request-timers';

const FULL: EscalationPolicy = {
  remindAfterBusinessHours: 4,
  escalateAfterBusinessHours: 16,
  escalateToUserId: 'u-boss',
};

describe('planRequestTimers', () => {
  it.each<[string, EscalationPolicy, string, [string, string][]]>([
    ['none', NO_ESCALATION, '2025-01-06T10:00:00Z', []],
    [
      'reminder and escalation in business hours',
      FULL,
      '2025-01-10T15:00:00Z',
      [
        ['reminder', '2025-01-13T11:00:00Z'],
        ['escalation', '2025-01-14T15:00:00Z'],
      ],
    ],
    [
      'reminder only',
      { ...NO_ESCALATION, remindAfterBusinessHours: 2 },
      '2025-01-06T16:00:00Z',
      [['reminder', '2025-01-07T10:00:00Z']],
    ],
    [
      'escalation only',
      { ...FULL, remindAfterBusinessHours: null },
      '2025-01-06T09:00:00Z',
      [['escalation', '2025-01-07T17:00:00Z']],
    ],
  ])('%s', (_name, policy, openedAt, expected) => {
    expect(
      planRequestTimers(
        new Date(openedAt),
        policy,
        DEFAULT_BUSINESS_CALENDAR,
      ).map((t) => [t.kind, t.fireAt.toISOString()]),
    ).toEqual(expected.map(([k, at]) => [k, new Date(at).toISOString()]));
  });

  it('job ids are per request and kind, without colons', () => {
    expect(requestTimerJobId('r1', 'reminder')).toBe('reminder-r1');
    expect(requestTimerJobId('r1', 'escalation')).not.toContain(':');
  });
});

describe('validateEscalationPolicy', () => {
  it.each<[string, EscalationPolicy, string[]]>([
    ['full policy', FULL, []],
    ['nothing', NO_ESCALATION, []],
    [
      'zero hours',
      { ...FULL, remindAfterBusinessHours: 0 },
      ['remindAfterBusinessHours'],
    ],
    [
      'too many hours',
      { ...FULL, escalateAfterBusinessHours: 5000 },
      ['escalateAfterBusinessHours'],
    ],
    [
      'escalation without approver',
      { ...FULL, escalateToUserId: null },
      ['escalateToUserId'],
    ],
    [
      'approver without escalation',
      { ...FULL, escalateAfterBusinessHours: null },
      ['escalateAfterBusinessHours'],
    ],
    [
      'escalation before reminder',
      { ...FULL, escalateAfterBusinessHours: 4 },
      ['escalateAfterBusinessHours'],
    ],
  ])('%s', (_name, policy, fields) => {
    expect(validateEscalationPolicy(policy).map((e) => e.field)).toEqual(
      fields,
    );
  });
});
