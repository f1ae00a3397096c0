import { compileRule, type CompiledRule } from './compile-rules';
import { evaluateRule, isRuleInEffect } from './evaluate-rule';
import type { ApprovalRuleDefinition } from './model';
import { condition, rule } from './testing/world-factory';

function compile(overrides: Partial<ApprovalRuleDefinition>): CompiledRule {
  const compiled = compileRule(
    rule('R', overrides),
    new Set(['licenseNet', 'svcNet']),
  );
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
}

const INPUT = {
  quote: {
    id: 'Q1',
    ownerId: 'rep',
    fields: { discountPercent: 31, threshold: 75000, region: 'EMEA' },
    lines: [],
  },
  variables: { licenseNet: 80000, svcNet: null },
};

describe('isRuleInEffect: inclusive windows, missing ends open', () => {
  it.each<[string | null, string | null, string, boolean]>([
    [null, null, '2026-06-05', true],
    ['2026-07-01', '2026-07-31', '2026-06-30', false],
    ['2026-07-01', '2026-07-31', '2026-07-01', true],
    ['2026-07-01', '2026-07-31', '2026-07-31', true],
    ['2026-07-01', '2026-07-31', '2026-08-01', false],
    ['2026-07-01', null, '2099-01-01', true],
    [null, '2026-01-01', '2025-01-01', true],
  ])('from %p to %p on %s → %p', (from, to, today, expected) => {
    expect(isRuleInEffect(compile({ effective: { from, to } }), today)).toBe(
      expected,
    );
  });
});

describe('evaluateRule', () => {
  it('reports each condition with its tested value, operator and comparand', () => {
    const r = compile({
      conditionsMet: 'any',
      conditions: [
        condition(1, 'quote.discountPercent', 'gt', 30),
        condition(2, 'var.licenseNet', 'ge', undefined, {
          field: 'quote.threshold',
        }),
        condition(3, 'quote.region', 'eq', undefined, {
          variable: 'svcNet',
          smart: true,
        }),
      ],
    });
    expect(evaluateRule(r, INPUT, '2026-06-05')).toEqual({
      ruleId: 'R',
      inEffect: true,
      matched: true,
      reasons: [
        {
          index: 1,
          tested: 'quote.discountPercent',
          testedValue: 31,
          op: 'gt',
          comparand: 30,
          comparandSource: null,
          result: true,
          smart: false,
        },
        {
          index: 2,
          tested: 'var.licenseNet',
          testedValue: 80000,
          op: 'ge',
          comparand: 75000,
          comparandSource: 'quote.threshold',
          result: true,
          smart: false,
        },
        {
          index: 3,
          tested: 'quote.region',
          testedValue: 'EMEA',
          op: 'eq',
          comparand: null,
          comparandSource: 'var.svcNet',
          result: false,
          smart: true,
        },
      ],
    });
  });

  it.each<[string, Partial<ApprovalRuleDefinition>, boolean]>([
    [
      'all true',
      {
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 30),
          condition(2, 'quote.region', 'eq', 'emea'),
        ],
      },
      true,
    ],
    [
      'all with one false',
      {
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 30),
          condition(2, 'quote.region', 'eq', 'NA'),
        ],
      },
      false,
    ],
    [
      'any with one true',
      {
        conditionsMet: 'any',
        conditions: [
          condition(1, 'quote.discountPercent', 'gt', 50),
          condition(2, 'quote.region', 'eq', 'emea'),
        ],
      },
      true,
    ],
    ['all over none', { conditions: [] }, true],
    ['any over none', { conditionsMet: 'any', conditions: [] }, false],
    [
      'custom NOT',
      {
        conditionsMet: 'custom',
        logic: 'NOT 1',
        conditions: [condition(1, 'quote.region', 'eq', 'APAC')],
      },
      true,
    ],
    [
      'reads the top-level id',
      { conditions: [condition(1, 'quote.id', 'eq', 'q1')] },
      true,
    ],
    [
      'reads the top-level ownerId',
      { conditions: [condition(1, 'quote.ownerId', 'eq', 'rep')] },
      true,
    ],
    [
      'out of its effective window',
      { effective: { from: '2027-01-01', to: null } },
      false,
    ],
  ])('%s → matched %p', (_, overrides, matched) => {
    expect(evaluateRule(compile(overrides), INPUT, '2026-06-05').matched).toBe(
      matched,
    );
  });
});
