import { compileRule, type CompiledRule } from './compile-rules';
import { evaluateRule } from './evaluate-rule';
import type {
  ApprovalRuleDefinition,
  ConditionDefinition,
  FieldValue,
} from './model';
import { retestSmartRule, takeSnapshot, type Snapshot } from './smart-retest';
import { condition, rule } from './testing/world-factory';

function compile(overrides: Partial<ApprovalRuleDefinition>): CompiledRule {
  const compiled = compileRule(rule('R', overrides), new Set());
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
}

function retest(
  r: CompiledRule,
  fields: Record<string, FieldValue>,
  snapshot: Snapshot,
) {
  const input = {
    quote: { id: 'Q', ownerId: 'rep', fields, lines: [] },
    variables: {},
  };
  return retestSmartRule(
    r,
    evaluateRule(r, input, '2026-06-05').reasons,
    snapshot,
  );
}

const smart = (
  index: number,
  tested: string,
  op: ConditionDefinition['op'],
  value?: FieldValue,
) => condition(index, tested, op, value, { smart: true });

describe('retestSmartRule: one smart condition', () => {
  it.each<
    [ConditionDefinition['op'], FieldValue, FieldValue, FieldValue, boolean]
  >([
    ['gt', 20, 30, 35, true],
    ['gt', 20, 30, 30, false],
    ['gt', 20, 30, 25, false],
    ['ge', 20, 30, 30.01, true],
    ['ge', 20, 30, 30, false],
    ['lt', 20, 10, 5, true],
    ['lt', 20, 10, 10, false],
    ['le', 20, 10, 15, false],
    ['eq', 'EMEA', 'EMEA', 'emea', false],
    ['eq', 'EMEA', 'EMEA', 'NA', true],
    ['ne', 'APAC', 'EMEA', 'NA', true],
    ['ne', 'APAC', 'EMEA', 'EMEA', false],
    ['in', ['Net 60', 'Net 90'], 'Net 60', 'Net 90', true],
    ['in', ['Net 60', 'Net 90'], 'Net 60', 'NET 60', false],
    ['contains', 'x', 'abc', 'abcx', true],
    // null semantics: null equals null, null is never greater or less
    ['gt', 20, null, 35, false],
    ['gt', 20, 30, null, false],
    ['lt', 20, null, 5, false],
    ['isNull', null, null, null, false],
    ['notNull', null, 'a', 'a', false],
    ['notNull', null, 'a', 'b', true],
    ['ne', 'APAC', null, 'EMEA', true],
    ['ne', 'APAC', 'EMEA', null, true],
    ['notIn', ['x'], null, null, false],
  ])(
    '%s %p: snapshot %p, now %p → requested %p',
    (op, value, snapshot, now, requested) => {
      const r = compile({ conditions: [smart(1, 'quote.v', op, value)] });
      expect(retest(r, { v: now }, { '1': snapshot }).requested).toBe(
        requested,
      );
    },
  );
});

describe('retestSmartRule: several conditions through the logic', () => {
  const two = [
    smart(1, 'quote.discount', 'gt', 10),
    smart(2, 'quote.term', 'gt', 12),
  ];

  it.each<
    [
      string,
      Partial<ApprovalRuleDefinition>,
      Record<string, FieldValue>,
      boolean,
    ]
  >([
    [
      'all: only one worsened → auto-approved',
      { conditions: two },
      { discount: 25, term: 24 },
      false,
    ],
    [
      'all: both worsened → requested',
      { conditions: two },
      { discount: 25, term: 36 },
      true,
    ],
    [
      'any: one worsened → requested',
      { conditions: two, conditionsMet: 'any' },
      { discount: 25, term: 24 },
      true,
    ],
    [
      'any: none worsened → auto-approved',
      { conditions: two, conditionsMet: 'any' },
      { discount: 15, term: 24 },
      false,
    ],
    [
      'individually: one changed (improved) → requested',
      { conditions: two, reevaluateSmartIndividually: true },
      { discount: 15, term: 24 },
      true,
    ],
    [
      'individually: nothing changed → auto-approved',
      { conditions: two, reevaluateSmartIndividually: true },
      { discount: 20, term: 24 },
      false,
    ],
    [
      'a non-smart condition evaluates normally (true under any) → requested',
      {
        conditionsMet: 'any',
        conditions: [
          smart(1, 'quote.discount', 'gt', 10),
          condition(2, 'quote.total', 'ge', 100),
        ],
      },
      { discount: 15, total: 500 },
      true,
    ],
    [
      'a non-smart condition under all does not force a request',
      {
        conditions: [
          smart(1, 'quote.discount', 'gt', 10),
          condition(2, 'quote.total', 'ge', 100),
        ],
      },
      { discount: 15, total: 500 },
      false,
    ],
    [
      'NOT over a smart condition: not worsened → NOT false → requested',
      {
        conditionsMet: 'custom',
        logic: 'NOT 1 OR 2',
        conditions: [
          smart(1, 'quote.discount', 'lt', 50),
          smart(2, 'quote.term', 'gt', 12),
        ],
      },
      { discount: 20, term: 24 },
      true,
    ],
  ])('%s', (_, overrides, fields, requested) => {
    expect(
      retest(compile(overrides), fields, { '1': 20, '2': 24 }).requested,
    ).toBe(requested);
  });

  it('a smart condition without a snapshot value counts as worsened', () => {
    const r = compile({ conditions: [smart(1, 'quote.discount', 'gt', 10)] });
    const result = retest(r, { discount: 5 }, {});
    expect(result.requested).toBe(true);
    expect(result.conditions[0]).toMatchObject({
      snapshot: undefined,
      result: true,
      changed: true,
    });
  });

  it('reports each smart condition and whether the change forced the request', () => {
    const r = compile({ conditions: two, reevaluateSmartIndividually: true });
    const result = retest(r, { discount: 15, term: 24 }, { '1': 20, '2': 24 });
    expect(result).toEqual({
      requested: true,
      forcedByChange: true,
      conditions: [
        {
          index: 1,
          tested: 'quote.discount',
          op: 'gt',
          value: 15,
          snapshot: 20,
          test: 'increased',
          result: false,
          changed: true,
        },
        {
          index: 2,
          tested: 'quote.term',
          op: 'gt',
          value: 24,
          snapshot: 24,
          test: 'increased',
          result: false,
          changed: false,
        },
      ],
    });
  });
});

describe('takeSnapshot', () => {
  it('stores the tested values of smart conditions only, nulls included', () => {
    const compiled = compileRule(
      rule('R', {
        conditions: [
          smart(1, 'quote.discount', 'gt', 10),
          condition(2, 'quote.total', 'gt', 1),
          smart(3, 'var.x', 'gt', 1),
        ],
      }),
      new Set(['x']),
    );
    if (!compiled.ok) throw new Error(compiled.error.message);
    const input = {
      quote: {
        id: 'Q',
        ownerId: 'rep',
        fields: { discount: 30, total: 5 },
        lines: [],
      },
      variables: { x: null },
    };
    expect(takeSnapshot(compiled.value, input)).toEqual({ '1': 30, '3': null });
  });
});
