import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runApprovalsScenario } from './approvals-scenario';

const SCENARIOS = join(__dirname, '..', 'scenarios', 'approvals');

function minimal(steps: unknown[], rules?: unknown[]) {
  return {
    name: 'minimal',
    today: '2026-06-05',
    directory: {
      users: [{ id: 'rep' }, { id: 'a1' }],
      groups: [],
      delegations: [],
    },
    variables: [],
    rules: rules ?? [
      {
        id: 'R1',
        step: 1,
        approver: { user: 'a1' },
        conditionsMet: 'all',
        conditions: [
          { index: 1, tested: 'quote.discountPercent', op: 'gt', value: 10 },
        ],
      },
    ],
    quote: {
      id: 'Q1',
      ownerId: 'rep',
      fields: { discountPercent: 15 },
      lines: [],
    },
    steps,
  };
}

describe('runApprovalsScenario', () => {
  it.each(readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')))(
    'passes %s',
    (file) => {
      const result = runApprovalsScenario(
        JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')),
        file,
      );
      expect(result.steps.filter((s) => s.status !== 'passed')).toEqual([]);
      expect(result.status).toBe('passed');
    },
  );

  it('fails a step whose expectation is not met, and keeps going', () => {
    const result = runApprovalsScenario(
      minimal([
        {
          action: 'submit',
          by: 'rep',
          expect: {
            status: 'approved',
            open: [{ rule: 'R1', assignees: ['zz'] }],
          },
        },
        {
          action: 'approve',
          rule: 'R1',
          by: 'a1',
          expect: { status: 'approved', approved: ['R1'] },
        },
      ]),
      'f.json',
    );
    expect(result.status).toBe('failed');
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'passed']);
    expect(result.steps[0].message).toContain(
      'status: expected "approved", got "pending"',
    );
    expect(result.steps[0].message).toContain(
      'open R1 assignees: expected {zz}, got {a1}',
    );
  });

  it.each([
    [
      { action: 'approve', rule: 'R1', by: 'a1', expectError: 'self_approval' },
      'expected error self_approval, got not_pending',
    ],
    [
      { action: 'submit', by: 'rep', expectError: 'invalid_state' },
      'expected error invalid_state, but the action succeeded',
    ],
    [
      { action: 'approve', rule: 'R1', by: 'a1' },
      'unexpected error not_pending',
    ],
    [{ action: 'fly', by: 'a1' }, 'unknown action "fly"'],
    [{ action: 'submit' }, 'step "submit".by must be a non-empty string'],
    [
      { action: 'preview', expect: { colour: 'red' } },
      'unknown expectation key "colour"',
    ],
    [
      { action: 'preview', expect: { plan: [{ rule: 'R1', step: 2 }] } },
      'plan R1 step: expected 2, got 1',
    ],
    [
      { action: 'preview', expect: { variables: { nope: 1 } } },
      'variable nope: not defined',
    ],
  ])('reports %j as failed: %s', (step, message) => {
    const result = runApprovalsScenario(minimal([step]), 'f.json');
    expect(result.status).toBe('failed');
    expect(result.steps[0].message).toContain(message);
  });

  it('reports a logic expression that does not parse as a load failure', () => {
    const rules = [
      {
        id: 'R1',
        step: 1,
        approver: { user: 'a1' },
        conditionsMet: 'custom',
        logic: '1 AND',
        conditions: [],
      },
    ];
    const result = runApprovalsScenario(
      minimal([{ action: 'preview' }], rules),
      'f.json',
    );
    expect(result).toMatchObject({ status: 'failed', steps: [] });
    expect(result.error).toContain('invalid_configuration');
  });

  it('reports a malformed world as a load failure', () => {
    expect(
      runApprovalsScenario({ name: 'x', rules: [] }, 'f.json'),
    ).toMatchObject({ status: 'failed', name: 'x' });
  });

  it('compares variables to the cent', () => {
    const scenario = {
      ...minimal([{ action: 'preview', expect: { variables: { d: 33.33 } } }]),
      variables: [{ name: 'd', function: 'discount' }],
      quote: {
        id: 'Q1',
        ownerId: 'rep',
        fields: {},
        lines: [{ id: 'L1', fields: { netTotal: 2, listTotal: 3 } }],
      },
    };
    expect(runApprovalsScenario(scenario, 'f.json').status).toBe('passed');
  });
});
