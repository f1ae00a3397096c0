import { date } from '../testing/fixtures';
import type { FieldDefinition } from './custom-fields';
import {
  monthsBetween,
  readImportLines,
  type ImportContext,
} from './import-lines';

const SEATS: FieldDefinition = {
  object: 'line',
  name: 'seats',
  label: 'Seats',
  type: 'number',
  options: null,
  multiple: false,
};
let n = 0;
const CONTEXT: ImportContext = {
  productsBySku: new Map([
    ['hw', 'p-hw'],
    ['sub', 'p-sub'],
  ]),
  locationsByName: new Map([['berlin dc', 'loc-berlin']]),
  groups: [{ name: 'Phase 1', startDate: date('2026-04-01') }],
  fieldDefinitions: [SEATS],
  quoteStart: date('2026-01-01'),
  newId: () => `n${++n}`,
};

describe('monthsBetween', () => {
  it.each<[string, string, number | null]>([
    ['2026-01-01', '2026-12-31', 12],
    ['2026-01-31', '2026-02-27', 1],
    ['2026-01-15', '2029-01-14', 36],
    ['2026-01-01', '2026-12-30', null],
    ['2026-01-01', '2025-12-31', null],
  ])('%s → %s: %s', (start, end, months) => {
    expect(monthsBetween(date(start), date(end))).toBe(months);
  });
});

describe('readImportLines', () => {
  it('reads good lines: sku, ship-to by name, group start, end date as term', () => {
    const { drafts, problems } = readImportLines(
      [
        { sku: 'HW', quantity: 2, shipTo: 'Berlin DC' },
        {
          sku: 'sub',
          quantity: '5',
          discountPercent: '12.5',
          group: 'Phase 1',
          endDate: '2027-03-31',
          fields: { seats: 5 },
        },
      ],
      CONTEXT,
    );
    expect(problems).toEqual([]);
    expect(
      drafts.map((d) => [
        d.productId,
        d.quantity.toString(),
        d.shipToLocationId,
        d.termMonths,
      ]),
    ).toEqual([
      ['p-hw', '2', 'loc-berlin', null],
      ['p-sub', '5', null, 12],
    ]);
  });

  it.each<[string, unknown, string[]]>([
    ['unknown sku', { sku: 'NOPE', quantity: 1 }, ['lines[0].sku']],
    ['missing sku', { quantity: 1 }, ['lines[0].sku']],
    ['negative quantity', { sku: 'HW', quantity: -1 }, ['lines[0].quantity']],
    [
      'quantity of the wrong type',
      { sku: 'HW', quantity: { n: 1 } },
      ['lines[0].quantity'],
    ],
    [
      'discount over 100',
      { sku: 'HW', quantity: 1, discountPercent: 101 },
      ['lines[0].discountPercent'],
    ],
    [
      'unknown group',
      { sku: 'HW', quantity: 1, group: 'Phase 9' },
      ['lines[0].group'],
    ],
    [
      'unknown ship-to',
      { sku: 'HW', quantity: 1, shipTo: 'Paris' },
      ['lines[0].shipTo'],
    ],
    [
      'unknown custom field',
      { sku: 'HW', quantity: 1, fields: { colour: 'red' } },
      ['lines[0].fields.colour'],
    ],
    [
      'custom field of the wrong type',
      { sku: 'HW', quantity: 1, fields: { seats: 'many' } },
      ['lines[0].fields.seats'],
    ],
    [
      'an unknown key',
      { sku: 'HW', quantity: 1, price: 3 },
      ['lines[0].price'],
    ],
    [
      'an end date off the month grid',
      { sku: 'SUB', quantity: 1, endDate: '2026-06-15' },
      ['lines[0].endDate'],
    ],
    ['not an object', 'HW x 1', ['lines[0]']],
  ])('%s is named', (_name, line, fields) => {
    expect(
      readImportLines([line], CONTEXT).problems.map((p) => p.field),
    ).toEqual(fields);
  });

  it('names every bad line, not only the first', () => {
    const lines = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0 ? { sku: 'NOPE', quantity: 1 } : { sku: 'HW', quantity: 1 },
    );
    expect(readImportLines(lines, CONTEXT).problems).toHaveLength(100);
  });
});
