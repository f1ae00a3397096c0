import { err, ok, type Result } from './result';

export interface Transition<S extends string, E extends string> {
  readonly from: S;
  readonly event: E;
  readonly to: S;
}

/** What a guard sees: the transition being attempted and the caller's context. */
export interface TransitionAttempt<
  S extends string,
  E extends string,
  C,
> extends Transition<S, E> {
  readonly ctx: C;
}

/** A guard returns a reason to veto the transition, or undefined to allow it. */
export interface Guard<S extends string, E extends string, C> {
  readonly name: string;
  /** Limits the guard to some events (all events when omitted). */
  readonly events?: readonly E[];
  readonly check: (attempt: TransitionAttempt<S, E, C>) => string | undefined;
}

export interface StateMachineDefinition<
  S extends string,
  E extends string,
  C = unknown,
> {
  readonly states: readonly S[];
  readonly initial: S;
  readonly transitions: readonly Transition<S, E>[];
  readonly guards?: readonly Guard<S, E, C>[];
}

export interface HistoryEntry<S extends string, E extends string> {
  readonly from: S;
  readonly to: S;
  readonly event: E;
  /** When it happened: an ISO instant or date supplied by the caller, never read from a clock. */
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
}

export interface TransitionContext<C> {
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
  readonly data: C;
}

export type TransitionErrorCode = 'invalid_transition' | 'guard_vetoed';

export interface TransitionError<S extends string, E extends string> {
  readonly code: TransitionErrorCode;
  readonly from: S;
  readonly event: E;
  readonly guard?: string;
  readonly message: string;
}

export interface Transitioned<S extends string, E extends string> {
  readonly state: S;
  readonly history: HistoryEntry<S, E>;
}

export class StateMachineDefinitionError extends Error {
  readonly code = 'invalid_state_machine';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid state machine definition:\n- ${problems.join('\n- ')}`);
    this.name = 'StateMachineDefinitionError';
  }
}

/** Lists every problem of a definition (empty when valid). */
export function validateStateMachine<S extends string, E extends string, C>(
  def: StateMachineDefinition<S, E, C>,
): string[] {
  const problems: string[] = [];
  const states = new Set<string>(def.states);
  if (states.size !== def.states.length)
    problems.push('states are listed more than once');
  if (!states.has(def.initial))
    problems.push(`initial state "${def.initial}" is not a declared state`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    if (!states.has(t.from))
      problems.push(
        `transition ${t.from} --${t.event}--> ${t.to}: unknown state "${t.from}"`,
      );
    if (!states.has(t.to))
      problems.push(
        `transition ${t.from} --${t.event}--> ${t.to}: unknown state "${t.to}"`,
      );
    const key = `${t.from}\u0000${t.event}`;
    if (seen.has(key))
      problems.push(`duplicate transition from "${t.from}" on "${t.event}"`);
    seen.add(key);
  }
  const reachable = new Set<string>([def.initial]);
  const queue: string[] = [def.initial];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const t of def.transitions) {
      if (t.from === current && !reachable.has(t.to)) {
        reachable.add(t.to);
        queue.push(t.to);
      }
    }
  }
  for (const s of def.states)
    if (!reachable.has(s))
      problems.push(`state "${s}" is unreachable from "${def.initial}"`);
  return problems;
}

/**
 * A framework-free state machine over a transition table, validated at construction.
 * It holds no state itself: callers pass the current state and persist the new one with the history entry.
 */
export class StateMachine<S extends string, E extends string, C = unknown> {
  private readonly table = new Map<string, S>();

  constructor(readonly definition: StateMachineDefinition<S, E, C>) {
    const problems = validateStateMachine(definition);
    if (problems.length > 0) throw new StateMachineDefinitionError(problems);
    for (const t of definition.transitions)
      this.table.set(`${t.from}\u0000${t.event}`, t.to);
  }

  get initial(): S {
    return this.definition.initial;
  }

  /** The target state of (state, event) in the table, ignoring guards. */
  target(state: S, event: E): S | undefined {
    return this.table.get(`${state}\u0000${event}`);
  }

  can(state: S, event: E): boolean {
    return this.target(state, event) !== undefined;
  }

  eventsFrom(state: S): E[] {
    return this.definition.transitions
      .filter((t) => t.from === state)
      .map((t) => t.event);
  }

  isFinal(state: S): boolean {
    return this.eventsFrom(state).length === 0;
  }

  transition(
    state: S,
    event: E,
    ctx: TransitionContext<C>,
  ): Result<Transitioned<S, E>, TransitionError<S, E>> {
    const to = this.target(state, event);
    if (to === undefined) {
      return err({
        code: 'invalid_transition',
        from: state,
        event,
        message: `cannot ${event} from ${state}`,
      });
    }
    for (const guard of this.definition.guards ?? []) {
      if (guard.events && !guard.events.includes(event)) continue;
      const veto = guard.check({ from: state, event, to, ctx: ctx.data });
      if (veto !== undefined) {
        return err({
          code: 'guard_vetoed',
          from: state,
          event,
          guard: guard.name,
          message: veto,
        });
      }
    }
    const history: HistoryEntry<S, E> = {
      from: state,
      to,
      event,
      at: ctx.at,
      actor: ctx.actor,
      ...(ctx.reason !== undefined ? { reason: ctx.reason } : {}),
    };
    return ok({ state: to, history });
  }
}
