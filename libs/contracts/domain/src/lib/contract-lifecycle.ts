import {
  StateMachine,
  err,
  ok,
  type HistoryEntry,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { ActionContext } from '@signet/orders-domain';
import { contractsError, type ContractsError } from './contracts-error';

/**
 * A stored contract's lifecycle: it is created as a draft, activated (then it entitles the customer
 * and can be amended and renewed), and ends either by running past its end date (`expire`) or by an
 * early termination on a chosen date (`terminate`).
 */
export type ContractState = 'draft' | 'activated' | 'expired' | 'terminated';
export type ContractLifecycleEvent = 'activate' | 'expire' | 'terminate';

export interface ContractLifecycleFacts {
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** `today` for expire, the termination date for terminate. */
  readonly on: LocalDate;
}

export const CONTRACT_TRANSITIONS = [
  { from: 'draft', event: 'activate', to: 'activated' },
  { from: 'activated', event: 'expire', to: 'expired' },
  { from: 'activated', event: 'terminate', to: 'terminated' },
] as const satisfies readonly {
  from: ContractState;
  event: ContractLifecycleEvent;
  to: ContractState;
}[];

export const contractStateMachine = new StateMachine<
  ContractState,
  ContractLifecycleEvent,
  ContractLifecycleFacts
>({
  states: ['draft', 'activated', 'expired', 'terminated'],
  initial: 'draft',
  transitions: CONTRACT_TRANSITIONS,
  guards: [
    {
      name: 'ended',
      events: ['expire'],
      check: ({ ctx }) =>
        ctx.on > ctx.end
          ? undefined
          : `the contract runs until ${ctx.end}; it cannot expire on ${ctx.on}`,
    },
    {
      name: 'termination-within-term',
      events: ['terminate'],
      check: ({ ctx }) =>
        ctx.on >= ctx.start && ctx.on <= ctx.end
          ? undefined
          : `a termination date must lie within ${ctx.start}…${ctx.end}`,
    },
  ],
});

export type ContractLifecycleEntry = HistoryEntry<
  ContractState,
  ContractLifecycleEvent
>;

/** Applies a lifecycle event; an impossible or vetoed transition is `invalid_state` with the reason. */
export function transitionContract(
  state: ContractState,
  event: ContractLifecycleEvent,
  facts: ContractLifecycleFacts,
  ctx: ActionContext,
): Result<
  { state: ContractState; history: ContractLifecycleEntry },
  ContractsError
> {
  const r = contractStateMachine.transition(state, event, {
    ...ctx,
    data: facts,
  });
  if (!r.ok)
    return err(
      contractsError(
        'invalid_state',
        `contract is ${state}: ${r.error.message}`,
        {
          status: state,
          event,
        },
      ),
    );
  return ok(r.value);
}

/**
 * Whether a contract entitles its customer on a date: only activated contracts do, expired ones
 * for the dates they ran, terminated ones up to and including the termination date.
 */
export function contractInForceOn(
  state: ContractState,
  terminatedOn: LocalDate | null,
  asOf: LocalDate,
): boolean {
  if (state === 'draft') return false;
  if (state === 'terminated')
    return terminatedOn !== null && asOf <= terminatedOn;
  return true;
}

/** Contracts whose end date lies before `today` and are still activated are due to expire. */
export function isDueToExpire(
  state: ContractState,
  end: LocalDate,
  today: LocalDate,
): boolean {
  return state === 'activated' && end < today;
}
