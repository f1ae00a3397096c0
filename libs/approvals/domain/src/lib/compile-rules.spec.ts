import { compileRule, compileRules, validateVariables } from './compile-rules';
import type { ApprovalRuleDefinition, VariableDefinition } from './model';
import { condition, rule } from './testing/world-factory';

const VARS = new Set(['licenseNet']);

describe('compileRule', () => {
  it('parses custom logic once into a tree', () => {
    const compiled = compileRule(
      rule('R1', {
        conditionsMet: 'custom',
        logic: '1 AND NOT 2',
        conditions: [
          condition(1, 'quote.a', 'eq', 1),
          condition(2, 'var.licenseNet', 'gt', 5),
        ],
      }),
      VARS,
    );
    expect(compiled.ok && compiled.value.logicTree).toEqual({
      kind: 'and',
      operands: [
        { kind: 'condition', index: 1, position: 0 },
        { kind: 'not', operand: { kind: 'condition', index: 2, position: 10 } },
      ],
    });
  });

  it.each<[string, Partial<ApprovalRuleDefinition>]>([
    [
      'all over no conditions is true',
      { conditionsMet: 'all', conditions: [] },
    ],
    [
      'any over no conditions is false',
      { conditionsMet: 'any', conditions: [] },
    ],
  ])('%s', (_, overrides) => {
    const compiled = compileRule(rule('R1', overrides), VARS);
    expect(compiled.ok && compiled.value.logicTree).toEqual({
      kind: 'constant',
      value: overrides.conditionsMet === 'all',
    });
  });

  it.each<[string, Partial<ApprovalRuleDefinition>, string]>([
    [
      'logic that does not parse',
      { conditionsMet: 'custom', logic: '1 AND (' },
      'unexpected_end',
    ],
    [
      'logic naming an unknown index',
      { conditionsMet: 'custom', logic: '1 OR 7' },
      'unknown_index',
    ],
    [
      'custom without logic',
      { conditionsMet: 'custom', logic: null },
      'empty_expression',
    ],
  ])(
    'rejects %s with invalid_configuration and the parse error',
    (_, overrides, logicCode) => {
      const compiled = compileRule(rule('R1', overrides), VARS);
      expect(compiled.ok).toBe(false);
      if (compiled.ok) return;
      expect(compiled.error.code).toBe('invalid_configuration');
      expect(compiled.error.ruleId).toBe('R1');
      expect(compiled.error.logicError?.code).toBe(logicCode);
    },
  );

  it.each<[string, Partial<ApprovalRuleDefinition>]>([
    [
      'an unknown operator',
      { conditions: [condition(1, 'quote.a', 'between' as never, 1)] },
    ],
    [
      'a tested operand of another kind',
      { conditions: [condition(1, 'line.a', 'eq', 1)] },
    ],
    [
      'an unknown variable',
      { conditions: [condition(1, 'var.nope', 'eq', 1)] },
    ],
    [
      'an unknown comparand variable',
      {
        conditions: [
          condition(1, 'quote.a', 'eq', undefined, { variable: 'nope' }),
        ],
      },
    ],
    [
      'two comparands',
      { conditions: [condition(1, 'quote.a', 'eq', 1, { field: 'quote.b' })] },
    ],
    ['no comparand', { conditions: [condition(1, 'quote.a', 'eq')] }],
    [
      'a comparand field that is no reference',
      {
        conditions: [condition(1, 'quote.a', 'eq', undefined, { field: 'b' })],
      },
    ],
    [
      'a repeated index',
      {
        conditions: [
          condition(1, 'quote.a', 'eq', 1),
          condition(1, 'quote.b', 'eq', 1),
        ],
      },
    ],
    [
      'a fractional index',
      { conditions: [condition(1.5, 'quote.a', 'eq', 1)] },
    ],
    ['no approver', { approver: {} as never }],
    ['two approver forms', { approver: { user: 'a', group: 'g' } as never }],
    [
      'a field approver that is no quote reference',
      { approver: { field: 'dealDesk' } },
    ],
    ['a quorum of zero', { approver: { group: 'g', mode: { quorum: 0 } } }],
    [
      'an unknown group mode',
      { approver: { group: 'g', mode: 'most' as never } },
    ],
    ['an unknown conditionsMet', { conditionsMet: 'some' as never }],
    ['a step that is not a number', { step: 'one' as never }],
  ])('rejects %s', (_, overrides) => {
    const compiled = compileRule(rule('R1', overrides), VARS);
    expect(!compiled.ok && compiled.error.code).toBe('invalid_configuration');
  });

  it.each<[string, Partial<ApprovalRuleDefinition>]>([
    [
      'isNull without comparand',
      { conditions: [condition(1, 'quote.a', 'isNull')] },
    ],
    [
      'a null literal comparand',
      { conditions: [condition(1, 'quote.a', 'eq', null)] },
    ],
    [
      'a comparand variable',
      {
        conditions: [
          condition(1, 'quote.a', 'ge', undefined, { variable: 'licenseNet' }),
        ],
      },
    ],
    [
      'a comparand field',
      {
        conditions: [
          condition(1, 'var.licenseNet', 'ge', undefined, {
            field: 'quote.threshold',
          }),
        ],
      },
    ],
    ['a group without mode', { approver: { group: 'g' } }],
    ['a managerOf approver', { approver: { managerOf: 'quote.accountOwner' } }],
  ])('accepts %s', (_, overrides) => {
    expect(compileRule(rule('R1', overrides), VARS).ok).toBe(true);
  });

  it('defaults effective ends, chain and the smart flags', () => {
    const compiled = compileRule(
      {
        ...rule('R1'),
        effective: undefined,
        chain: undefined,
        reevaluateSmartIndividually: undefined,
      },
      VARS,
    );
    expect(compiled.ok && compiled.value).toMatchObject({
      effective: { from: null, to: null },
      chain: null,
      reevaluateSmartIndividually: false,
      conditions: [{ smart: false }],
    });
  });
});

describe('compileRules and validateVariables', () => {
  it('rejects a repeated rule id', () => {
    const compiled = compileRules([rule('R1'), rule('R1')], VARS);
    expect(!compiled.ok && compiled.error.code).toBe('invalid_configuration');
  });

  it.each<[string, VariableDefinition[], boolean]>([
    [
      'valid',
      [
        { name: 'a', function: 'sum', field: 'x' },
        { name: 'b', function: 'discount' },
      ],
      true,
    ],
    ['count without field', [{ name: 'a', function: 'count' }], true],
    [
      'duplicate name',
      [
        { name: 'a', function: 'count' },
        { name: 'a', function: 'count' },
      ],
      false,
    ],
    ['sum without field', [{ name: 'a', function: 'sum' }], false],
    [
      'unknown function',
      [{ name: 'a', function: 'median' as never, field: 'x' }],
      false,
    ],
    [
      'bad filter operator',
      [
        {
          name: 'a',
          function: 'count',
          where: [{ field: 'x', op: 'like' as never }],
        },
      ],
      false,
    ],
  ])('variables: %s', (_, definitions, valid) => {
    expect(validateVariables(definitions).ok).toBe(valid);
  });
});
