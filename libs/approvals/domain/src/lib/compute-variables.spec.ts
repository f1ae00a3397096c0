import { computeVariable, computeVariables } from './compute-variables';
import type { QuoteLine, VariableDefinition } from './model';
import { line } from './testing/world-factory';

const LINES: QuoteLine[] = [
  line('L1', { family: 'License', netTotal: 60000, listTotal: 70000, qty: 10 }),
  line('L2', {
    family: 'license',
    netTotal: 20000,
    listTotal: 25000,
    qty: null,
  }),
  line('L3', { family: 'Hardware', netTotal: 8000, listTotal: 10000, qty: 2 }),
  line('L4', { family: 'Hardware', netTotal: 1000, listTotal: 2500 }),
  line('L5', { family: null, netTotal: '0.10', listTotal: '0.20', qty: 1 }),
];

const license = [{ field: 'family', op: 'eq', value: 'License' }] as const;
const hardware = [{ field: 'family', op: 'eq', value: 'Hardware' }] as const;
const services = [{ field: 'family', op: 'eq', value: 'Services' }] as const;

describe('computeVariable', () => {
  it.each<[string, VariableDefinition, number | null]>([
    [
      'sum with a case-insensitive filter',
      { name: 'v', function: 'sum', field: 'netTotal', where: license },
      80000,
    ],
    [
      'sum with two filters',
      {
        name: 'v',
        function: 'sum',
        field: 'netTotal',
        where: [...license, { field: 'netTotal', op: 'ge', value: 50000 }],
      },
      60000,
    ],
    [
      'sum over no lines is 0',
      { name: 'v', function: 'sum', field: 'netTotal', where: services },
      0,
    ],
    [
      'sum of everything, numeric strings included',
      { name: 'v', function: 'sum', field: 'netTotal' },
      89000.1,
    ],
    ['sum skips nulls', { name: 'v', function: 'sum', field: 'qty' }, 13],
    [
      'sum of a field nobody has',
      { name: 'v', function: 'sum', field: 'nothing' },
      0,
    ],
    [
      'avg skips nulls',
      { name: 'v', function: 'avg', field: 'qty', where: license },
      10,
    ],
    [
      'avg',
      { name: 'v', function: 'avg', field: 'netTotal', where: hardware },
      4500,
    ],
    [
      'avg over no lines is null',
      { name: 'v', function: 'avg', field: 'netTotal', where: services },
      null,
    ],
    [
      'avg over only nulls is null',
      {
        name: 'v',
        function: 'avg',
        field: 'qty',
        where: [{ field: 'id', op: 'eq', value: 'L2' }],
      },
      null,
    ],
    ['min', { name: 'v', function: 'min', field: 'netTotal' }, 0.1],
    [
      'max',
      { name: 'v', function: 'max', field: 'netTotal', where: hardware },
      8000,
    ],
    [
      'min over no lines is null',
      { name: 'v', function: 'min', field: 'netTotal', where: services },
      null,
    ],
    [
      'max over no lines is null',
      { name: 'v', function: 'max', field: 'netTotal', where: services },
      null,
    ],
    [
      'count with a field counts non-null',
      { name: 'v', function: 'count', field: 'qty' },
      3,
    ],
    [
      'count without a field counts lines',
      { name: 'v', function: 'count', where: license },
      2,
    ],
    [
      'count over no lines is 0',
      { name: 'v', function: 'count', field: 'netTotal', where: services },
      0,
    ],
    [
      'count with an empty where',
      { name: 'v', function: 'count', field: 'netTotal', where: [] },
      5,
    ],
    ['discount', { name: 'v', function: 'discount', where: hardware }, 28],
    [
      'discount over no lines is null',
      { name: 'v', function: 'discount', where: services },
      null,
    ],
    [
      'discount is exact in decimals',
      {
        name: 'v',
        function: 'discount',
        where: [{ field: 'family', op: 'isNull' }],
      },
      50,
    ],
    [
      'filter with notIn',
      {
        name: 'v',
        function: 'count',
        where: [
          { field: 'family', op: 'notIn', value: ['License', 'Hardware'] },
        ],
      },
      1,
    ],
  ])('%s', (_, definition, expected) => {
    expect(computeVariable(definition, LINES)).toBe(expected);
  });

  it('adds in decimals, not floats', () => {
    const lines = [line('a', { x: 0.1 }), line('b', { x: 0.2 })];
    expect(
      computeVariable({ name: 'v', function: 'sum', field: 'x' }, lines),
    ).toBe(0.3);
  });

  it.each<[string, QuoteLine[], number | null]>([
    [
      'list total zero → null',
      [line('a', { netTotal: 0, listTotal: 0 })],
      null,
    ],
    [
      'a line missing listTotal is left out',
      [
        line('a', { netTotal: 50, listTotal: 100 }),
        line('b', { netTotal: 70 }),
      ],
      50,
    ],
    [
      'price above list → negative discount',
      [line('a', { netTotal: 110, listTotal: 100 })],
      -10,
    ],
  ])('discount: %s', (_, lines, expected) => {
    expect(computeVariable({ name: 'v', function: 'discount' }, lines)).toBe(
      expected,
    );
  });
});

describe('computeVariables', () => {
  it('computes every definition by name', () => {
    expect(
      computeVariables(
        [
          {
            name: 'licenseNet',
            function: 'sum',
            field: 'netTotal',
            where: license,
          },
          { name: 'hwDiscount', function: 'discount', where: hardware },
        ],
        LINES,
      ),
    ).toEqual({ licenseNet: 80000, hwDiscount: 28 });
  });
});
