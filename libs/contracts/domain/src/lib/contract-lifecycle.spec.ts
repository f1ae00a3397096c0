import { parseLocalDate as d } from '@signet/shared-kernel';
import {
  contractInForceOn,
  isDueToExpire,
  transitionContract,
  type ContractLifecycleEvent,
  type ContractState,
} from './contract-lifecycle';

const ctx = { at: '2025-01-01T00:00:00Z', actor: 'u1' };
const facts = (on: string) => ({
  start: d('2025-01-15'),
  end: d('2026-01-14'),
  on: d(on),
});

describe('contract lifecycle', () => {
  it.each<
    [ContractState, ContractLifecycleEvent, string, ContractState | string]
  >([
    ['draft', 'activate', '2025-01-01', 'activated'],
    ['activated', 'expire', '2026-01-15', 'expired'],
    ['activated', 'expire', '2026-01-14', 'invalid_state'],
    ['activated', 'terminate', '2025-06-30', 'terminated'],
    ['activated', 'terminate', '2025-01-14', 'invalid_state'],
    ['activated', 'terminate', '2026-01-15', 'invalid_state'],
    ['draft', 'terminate', '2025-06-30', 'invalid_state'],
    ['activated', 'activate', '2025-06-30', 'invalid_state'],
    ['expired', 'terminate', '2025-06-30', 'invalid_state'],
    ['terminated', 'expire', '2026-02-01', 'invalid_state'],
  ])('%s --%s on %s--> %s', (from, event, on, expected) => {
    const r = transitionContract(from, event, facts(on), ctx);
    if (r.ok) {
      expect(r.value.state).toBe(expected);
      expect(r.value.history).toMatchObject({
        from,
        to: expected,
        event,
        actor: 'u1',
      });
    } else {
      expect(r.error.code).toBe(expected);
    }
  });

  it.each<[ContractState, string | null, string, boolean]>([
    ['draft', null, '2025-06-01', false],
    ['activated', null, '2025-06-01', true],
    ['expired', null, '2025-06-01', true],
    ['terminated', '2025-06-30', '2025-06-30', true],
    ['terminated', '2025-06-30', '2025-07-01', false],
  ])(
    '%s (terminated on %s) is in force on %s: %s',
    (state, terminatedOn, asOf, expected) => {
      expect(
        contractInForceOn(
          state,
          terminatedOn ? d(terminatedOn) : null,
          d(asOf),
        ),
      ).toBe(expected);
    },
  );

  it.each<[ContractState, string, boolean]>([
    ['activated', '2026-01-15', true],
    ['activated', '2026-01-14', false],
    ['draft', '2026-02-01', false],
  ])(
    '%s contract ending 2026-01-14 is due to expire on %s: %s',
    (state, today, expected) => {
      expect(isDueToExpire(state, d('2026-01-14'), d(today))).toBe(expected);
    },
  );
});
