import {
  StateMachine,
  StateMachineDefinitionError,
  validateStateMachine,
  type StateMachineDefinition,
  type Transition,
} from './state-machine';

type S = 'draft' | 'activated' | 'fulfilled' | 'cancelled';
type E = 'activate' | 'complete' | 'cancel';
interface Ctx {
  remaining: number;
}

const table: Transition<S, E>[] = [
  { from: 'draft', event: 'activate', to: 'activated' },
  { from: 'draft', event: 'cancel', to: 'cancelled' },
  { from: 'activated', event: 'complete', to: 'fulfilled' },
];

const definition: StateMachineDefinition<S, E, Ctx> = {
  states: ['draft', 'activated', 'fulfilled', 'cancelled'],
  initial: 'draft',
  transitions: table,
  guards: [
    {
      name: 'nothing-left',
      events: ['complete'],
      check: ({ ctx }) =>
        ctx.remaining > 0 ? `${ctx.remaining} still to fulfil` : undefined,
    },
  ],
};

const machine = new StateMachine(definition);
const ctx = (remaining = 0, reason?: string) => ({
  at: '2025-01-15T10:00:00Z',
  actor: 'alice',
  reason,
  data: { remaining },
});

describe('StateMachine.transition', () => {
  it.each([
    ['draft', 'activate', 'activated'],
    ['draft', 'cancel', 'cancelled'],
    ['activated', 'complete', 'fulfilled'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    const r = machine.transition(from, event, ctx());
    expect(r).toEqual({
      ok: true,
      value: {
        state: to,
        history: {
          from,
          to,
          event,
          at: '2025-01-15T10:00:00Z',
          actor: 'alice',
        },
      },
    });
  });

  it.each([
    ['activated', 'activate'],
    ['activated', 'cancel'],
    ['fulfilled', 'cancel'],
    ['cancelled', 'activate'],
  ] as const)('%s --%s--> is not in the table', (from, event) => {
    const r = machine.transition(from, event, ctx());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({
      code: 'invalid_transition',
      from,
      event,
    });
  });

  it('lets a guard veto with a reason', () => {
    const r = machine.transition('activated', 'complete', ctx(2));
    expect(!r.ok && r.error).toMatchObject({
      code: 'guard_vetoed',
      guard: 'nothing-left',
      message: '2 still to fulfil',
    });
  });

  it('records the reason in history', () => {
    const r = machine.transition(
      'draft',
      'cancel',
      ctx(0, 'customer withdrew'),
    );
    expect(r.ok && r.value.history.reason).toBe('customer withdrew');
  });

  it('answers can / eventsFrom / isFinal / target', () => {
    expect(machine.can('draft', 'activate')).toBe(true);
    expect(machine.can('fulfilled', 'activate')).toBe(false);
    expect(machine.eventsFrom('draft')).toEqual(['activate', 'cancel']);
    expect(machine.isFinal('cancelled')).toBe(true);
    expect(machine.target('activated', 'complete')).toBe('fulfilled');
    expect(machine.initial).toBe('draft');
  });
});

describe('StateMachine definition validation', () => {
  type Loose = StateMachineDefinition<string, string>;
  const base: Loose = {
    states: ['a', 'b', 'c'],
    initial: 'a',
    transitions: [
      { from: 'a', event: 'go', to: 'b' },
      { from: 'b', event: 'go', to: 'c' },
    ],
  };

  it.each<[string, Loose, string[]]>([
    ['valid', base, []],
    [
      'unknown states',
      {
        ...base,
        transitions: [...base.transitions, { from: 'x', event: 'go', to: 'y' }],
      },
      [
        'transition x --go--> y: unknown state "x"',
        'transition x --go--> y: unknown state "y"',
      ],
    ],
    [
      'duplicate (from, event)',
      {
        ...base,
        transitions: [...base.transitions, { from: 'a', event: 'go', to: 'c' }],
      },
      ['duplicate transition from "a" on "go"'],
    ],
    [
      'unreachable state',
      { ...base, states: ['a', 'b', 'c', 'd'] },
      ['state "d" is unreachable from "a"'],
    ],
    [
      'unknown initial',
      { ...base, initial: 'z' },
      [
        'initial state "z" is not a declared state',
        'state "a" is unreachable from "z"',
        'state "b" is unreachable from "z"',
        'state "c" is unreachable from "z"',
      ],
    ],
    [
      'repeated state',
      { ...base, states: ['a', 'b', 'c', 'c'] },
      ['states are listed more than once'],
    ],
  ])('%s', (_, def, problems) => {
    expect(validateStateMachine(def)).toEqual(problems);
  });

  it('throws a typed error listing every problem at construction', () => {
    const bad: Loose = {
      states: ['a', 'b', 'd'],
      initial: 'a',
      transitions: [
        { from: 'a', event: 'go', to: 'b' },
        { from: 'a', event: 'go', to: 'x' },
      ],
    };
    let error: unknown;
    try {
      new StateMachine(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateMachineDefinitionError);
    expect((error as StateMachineDefinitionError).problems).toEqual([
      'transition a --go--> x: unknown state "x"',
      'duplicate transition from "a" on "go"',
      'state "d" is unreachable from "a"',
    ]);
    expect((error as StateMachineDefinitionError).message).toContain(
      '- state "d" is unreachable',
    );
  });
});
