import type { ApprovalRuleDefinition, VariableDefinition } from './model';
import { condition, rule } from './testing/world-factory';
import {
  validateRuleDefinition,
  validateVariableDefinition,
  type DefinitionCatalogue,
} from './validate-definitions';

const catalogue: DefinitionCatalogue = {
  quoteFields: new Set([
    'discountPercent',
    'netTotal',
    'region',
    'salesDirector',
  ]),
  lineFields: new Set(['family', 'netTotal', 'listTotal']),
  variables: new Set(['licenseNet']),
  users: new Set(['fin', 'rep']),
  groups: new Set(['finance']),
};

const valid = rule('R1', { approver: { user: 'fin' } });

describe('validateRuleDefinition', () => {
  it('accepts a valid rule', () => {
    expect(validateRuleDefinition(valid, catalogue)).toEqual([]);
  });

  it.each<
    [string, Partial<ApprovalRuleDefinition>, string, number | undefined]
  >([
    [
      'an unknown quote field',
      { conditions: [condition(1, 'quote.colour', 'eq', 'red')] },
      'conditions.0.tested',
      1,
    ],
    [
      'an unknown variable',
      { conditions: [condition(7, 'var.nope', 'gt', 1)] },
      'conditions.0.tested',
      7,
    ],
    [
      'a malformed reference',
      { conditions: [condition(1, 'discount', 'gt', 1)] },
      'conditions.0.tested',
      1,
    ],
    [
      'an unknown operator',
      { conditions: [condition(1, 'quote.netTotal', 'bigger' as never, 1)] },
      'conditions.0.op',
      1,
    ],
    [
      'a missing comparand',
      { conditions: [condition(1, 'quote.netTotal', 'gt')] },
      'conditions.0.value',
      1,
    ],
    [
      'two comparands',
      {
        conditions: [
          condition(1, 'quote.netTotal', 'gt', 1, { variable: 'licenseNet' }),
        ],
      },
      'conditions.0.variable',
      1,
    ],
    [
      'a comparand on isNull',
      { conditions: [condition(1, 'quote.region', 'isNull', 'x')] },
      'conditions.0.value',
      1,
    ],
    [
      'a list for gt',
      { conditions: [condition(1, 'quote.netTotal', 'gt', [1, 2])] },
      'conditions.0.value',
      1,
    ],
    [
      'a comparand field that is a variable',
      {
        conditions: [
          condition(1, 'quote.netTotal', 'gt', undefined, {
            field: 'var.licenseNet',
          }),
        ],
      },
      'conditions.0.field',
      1,
    ],
    [
      'an unknown comparand variable',
      {
        conditions: [
          condition(1, 'quote.netTotal', 'gt', undefined, {
            variable: 'ghost',
          }),
        ],
      },
      'conditions.0.variable',
      1,
    ],
    [
      'a repeated index',
      {
        conditions: [
          condition(1, 'quote.netTotal', 'gt', 1),
          condition(1, 'quote.netTotal', 'lt', 9),
        ],
      },
      'conditions.1.index',
      1,
    ],
    [
      'an unknown approver user',
      { approver: { user: 'ghost' } },
      'approver.user',
      undefined,
    ],
    [
      'an unknown group',
      { approver: { group: 'legal', mode: 'all' } },
      'approver.group',
      undefined,
    ],
    [
      'a zero quorum',
      { approver: { group: 'finance', mode: { quorum: 0 } } },
      'approver.mode',
      undefined,
    ],
    [
      'an approver field not on quotes',
      { approver: { field: 'quote.cfo' } },
      'approver.field',
      undefined,
    ],
    [
      'a managerOf that is not quote.<field>',
      { approver: { managerOf: 'ownerId' } },
      'approver.managerOf',
      undefined,
    ],
    ['a step of 0', { step: 0 }, 'step', undefined],
    [
      'an effective window ending before it starts',
      { effective: { from: '2026-02-01', to: '2026-01-31' } },
      'effective.to',
      undefined,
    ],
  ])('points at %s', (_label, override, path, conditionIndex) => {
    const issues = validateRuleDefinition({ ...valid, ...override }, catalogue);
    expect(issues[0]).toMatchObject({
      path,
      ...(conditionIndex ? { conditionIndex } : {}),
    });
  });

  it('accepts quote.id and quote.ownerId even when the catalogue does not list them', () => {
    const r = rule('R1', {
      approver: { managerOf: 'quote.ownerId' },
      conditions: [condition(1, 'quote.id', 'notNull')],
    });
    expect(validateRuleDefinition(r, catalogue)).toEqual([]);
  });

  it('skips field checks when no catalogue of fields is given', () => {
    const r = rule('R1', {
      approver: { user: 'fin' },
      conditions: [condition(1, 'quote.anything', 'gt', 1)],
    });
    expect(
      validateRuleDefinition(r, { ...catalogue, quoteFields: null }),
    ).toEqual([]);
  });

  it.each([
    ['1 AND', 'unexpected_end', 5],
    ['1 AND 4', 'unknown_index', 6],
    ['(1 OR 2', 'missing_closing_parenthesis', 7],
    ['1 & 2', 'unexpected_character', 2],
    ['', 'empty_expression', 0],
  ])(
    'points at the logic "%s" with the parse error position',
    (logic, _code, position) => {
      const r = rule('R1', {
        approver: { user: 'fin' },
        conditionsMet: 'custom',
        logic,
        conditions: [
          condition(1, 'quote.netTotal', 'gt', 1),
          condition(2, 'quote.region', 'eq', 'EU'),
        ],
      });
      expect(validateRuleDefinition(r, catalogue)).toEqual([
        expect.objectContaining({ path: 'logic', position }),
      ]);
    },
  );
});

describe('validateVariableDefinition', () => {
  const lineFields = { lineFields: catalogue.lineFields };
  it.each<[string, VariableDefinition, string[]]>([
    [
      'a valid sum',
      {
        name: 'licenseNet',
        function: 'sum',
        field: 'netTotal',
        where: [{ field: 'family', op: 'eq', value: 'License' }],
      },
      [],
    ],
    ['a valid discount', { name: 'hwDiscount', function: 'discount' }, []],
    ['a valid count without field', { name: 'lines', function: 'count' }, []],
    ['a bad name', { name: '9lives', function: 'count' }, ['name']],
    ['a sum without field', { name: 's', function: 'sum' }, ['field']],
    [
      'a discount with a field',
      { name: 'd', function: 'discount', field: 'netTotal' },
      ['field'],
    ],
    [
      'an unknown line field',
      { name: 's', function: 'max', field: 'weight' },
      ['field'],
    ],
    [
      'an unknown filter field and operator',
      {
        name: 's',
        function: 'count',
        where: [{ field: 'colour', op: 'like' as never, value: 'x' }],
      },
      ['where.0.field', 'where.0.op'],
    ],
  ])('%s', (_label, variable, paths) => {
    expect(
      validateVariableDefinition(variable, lineFields).map((i) => i.path),
    ).toEqual(paths);
  });
});
