import { d, date, draft, HEADER, HW, SUB } from '../testing/fixtures';
import type { FieldDefinition } from './custom-fields';
import type { QuoteGroup } from './model';
import { priceLine, completeLine } from './price-line';
import {
  groupsForLines,
  validateCurrency,
  validateGroups,
  validateOrderBy,
} from './quote-structure';

const REGION: FieldDefinition = {
  object: 'line',
  name: 'region',
  label: 'Region',
  type: 'text',
  options: null,
  multiple: false,
};
const QUOTE_FIELD: FieldDefinition = {
  ...REGION,
  object: 'quote',
  name: 'channel',
};

describe('validateOrderBy', () => {
  it.each<[string[], string[]]>([
    [[], []],
    [['group', 'shipTo', 'startDate'], []],
    [['fields.region'], []],
    [['fields.channel'], ['orderBy[0]']],
    [['line.group'], ['orderBy[0]']],
    [
      ['sku', 'nope', 'fields.missing'],
      ['orderBy[1]', 'orderBy[2]'],
    ],
    [['group', 'group'], ['orderBy[1]']],
  ])('%j → errors at %j', (paths, fields) => {
    expect(
      validateOrderBy(paths, [REGION, QUOTE_FIELD]).map((v) => v.field),
    ).toEqual(fields);
  });
});

describe('validateCurrency', () => {
  it.each([
    ['EUR', 0],
    ['usd', 1],
    ['EURO', 1],
    ['', 1],
  ])('%s → %d problem(s)', (currency, count) => {
    expect(validateCurrency(currency)).toHaveLength(count);
  });
});

describe('groups', () => {
  const g = (name: string, startDate: string | null = null): QuoteGroup => ({
    name,
    startDate: startDate ? date(startDate) : null,
  });
  it('refuses blank and repeated names', () => {
    expect(
      validateGroups([g('A'), g(' '), g('A')]).map((v) => v.field),
    ).toEqual(['groups[1].name', 'groups[2].name']);
  });
  it.each<[string, boolean, string[], string[]]>([
    [
      'lenient: undeclared groups are added in line order',
      false,
      ['Phase 2', 'Phase 1'],
      [],
    ],
    [
      'strict: undeclared groups are named',
      true,
      ['Phase 1'],
      ['lines[1].group'],
    ],
  ])('%s', (_name, strict, groups, problems) => {
    const result = groupsForLines(
      [g('Phase 1', '2026-03-01')],
      [
        { group: 'Phase 1' },
        { group: 'Phase 2' },
        { group: null },
        { group: 'Phase 1' },
      ],
      strict,
    );
    expect(result.groups.map((x) => x.name).sort()).toEqual([...groups].sort());
    expect(result.problems.map((p) => p.field)).toEqual(problems);
  });

  it.each<[string, string | null, string | null, string, string]>([
    ['no group: the quote start', null, null, '2026-01-31', '2027-01-30'],
    ['a group with a start date', 'Phase 2', null, '2026-06-01', '2027-05-31'],
    [
      'a group without a start date',
      'Phase 1',
      null,
      '2026-01-31',
      '2027-01-30',
    ],
    [
      'the line date wins over the group',
      'Phase 2',
      '2026-09-15',
      '2026-09-15',
      '2027-09-14',
    ],
    [
      'an undeclared group: the quote start',
      'Other',
      null,
      '2026-01-31',
      '2027-01-30',
    ],
  ])('start dates: %s', (_name, group, startDate, start, end) => {
    const header = {
      ...HEADER,
      groups: [g('Phase 1'), g('Phase 2', '2026-06-01')],
    };
    const line = draft('L', {
      productId: SUB.id,
      group,
      startDate: startDate ? date(startDate) : null,
      quantity: d(1),
    });
    const priced = priceLine(completeLine(line, SUB), header, SUB);
    expect([priced?.start, priced?.end]).toEqual([start, end]);
    expect(
      priceLine(completeLine({ ...line, productId: HW.id }, HW), header, HW)
        ?.start,
    ).toBe(start);
  });
});
