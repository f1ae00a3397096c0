import {
  CATALOG,
  d,
  draft,
  HEADER,
  HW,
  NOTERM,
  OLD,
  SUB,
} from '../testing/fixtures';
import type { FieldDefinition } from './custom-fields';
import {
  editLines,
  repriceLines,
  type LineChanges,
  type LineContext,
} from './edit-lines';
import { MAX_QUOTE_LINES, type PricedLine } from './model';

const SHIP_TO: FieldDefinition = {
  object: 'line',
  name: 'shipTo',
  label: 'Ship to',
  type: 'text',
  options: null,
  multiple: false,
};
const CONTEXT: LineContext = {
  header: HEADER,
  catalog: CATALOG,
  fieldDefinitions: [SHIP_TO],
};

function apply(
  current: readonly PricedLine[],
  changes: Partial<LineChanges>,
  context = CONTEXT,
) {
  return editLines(current, { upsert: [], remove: [], ...changes }, context);
}

function start(...drafts: ReturnType<typeof draft>[]): PricedLine[] {
  const result = apply([], { upsert: drafts });
  if (!result.ok) throw result.error;
  return [...result.value.lines];
}

describe('editLines', () => {
  it('adds lines in the order given and prices them', () => {
    const result = apply([], {
      upsert: [
        draft('A', { quantity: d(2) }),
        draft('B', { productId: SUB.id }),
      ],
    });
    expect(
      result.ok && result.value.lines.map((l) => [l.id, l.netTotal.toFixed2()]),
    ).toEqual([
      ['A', '2000.00'],
      ['B', '1200.00'],
    ]);
    expect(
      result.ok && [
        result.value.added,
        result.value.updated,
        result.value.written.length,
      ],
    ).toEqual([2, 0, 2]);
  });

  it('replaces an upserted line whole, in its place, and writes only what changed', () => {
    const current = start(draft('A'), draft('B'), draft('C'));
    const result = apply(current, {
      upsert: [draft('B', { quantity: d(5) }), draft('A')],
    });
    expect(
      result.ok && result.value.lines.map((l) => `${l.id}:${l.quantity}`),
    ).toEqual(['A:1', 'B:5', 'C:1']);
    expect(result.ok && result.value.written.map((l) => l.id)).toEqual(['B']);
    expect(result.ok && [result.value.added, result.value.updated]).toEqual([
      0, 1,
    ]);
  });

  it('removes a bundle root with its components, and ignores ids it does not know', () => {
    const current = start(
      draft('R'),
      draft('C1', { parentId: 'R' }),
      draft('C2', { parentId: 'C1' }),
      draft('X'),
    );
    const result = apply(current, { remove: ['R', 'nope'] });
    expect(result.ok && result.value.lines.map((l) => l.id)).toEqual(['X']);
    expect(result.ok && [...result.value.removed].sort()).toEqual([
      'C1',
      'C2',
      'R',
    ]);
  });

  it('accepts a bundle whose components come before their root in the same change', () => {
    const result = apply([], {
      upsert: [draft('C', { parentId: 'R' }), draft('R')],
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a zero quantity', draft('A', { quantity: d(0) }), 'upsert[0].quantity'],
    [
      'five decimals of quantity',
      draft('A', { quantity: d('1.00001') }),
      'upsert[0].quantity',
    ],
    [
      'a negative price',
      draft('A', { listUnitPrice: d(-1) }),
      'upsert[0].listUnitPrice',
    ],
    [
      'a discount over 100',
      draft('A', { discountPercent: d('100.01') }),
      'upsert[0].discountPercent',
    ],
    ['a term of 0', draft('A', { termMonths: 0 }), 'upsert[0].termMonths'],
    ['an empty group', draft('A', { group: ' ' }), 'upsert[0].group'],
    [
      'an unknown product',
      draft('A', { productId: 'p-none' }),
      'upsert[0].productId',
    ],
    [
      'a product no longer sold',
      draft('A', { productId: OLD.id }),
      'upsert[0].productId',
    ],
    [
      'a recurring line without a term',
      draft('A', { productId: NOTERM.id }),
      'upsert[0].termMonths',
    ],
    [
      'an unknown line field',
      draft('A', { fields: { colour: 'red' } }),
      'upsert[0].fields.colour',
    ],
    [
      'a line field of the wrong type',
      draft('A', { fields: { shipTo: 3 } }),
      'upsert[0].fields.shipTo',
    ],
    [
      'an unknown parent',
      draft('A', { parentId: 'ghost' }),
      'upsert[0].parentId',
    ],
    [
      'a line that is its own parent',
      draft('A', { parentId: 'A' }),
      'upsert[0].parentId',
    ],
  ])(
    'refuses %s, naming the field, and changes nothing',
    (_label, line, field) => {
      const result = apply([], { upsert: [line] });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_lines');
        expect(result.error.violations.map((v) => v.field)).toContain(field);
      }
    },
  );

  it('refuses a cycle across two lines and a line both upserted and removed', () => {
    const cycle = apply([], {
      upsert: [draft('A', { parentId: 'B' }), draft('B', { parentId: 'A' })],
    });
    expect(!cycle.ok && cycle.error.violations[0].message).toMatch(/cycle/);
    const both = apply(start(draft('A')), {
      upsert: [draft('A')],
      remove: ['A'],
    });
    expect(!both.ok && both.error.violations[0].field).toBe('upsert[0].id');
  });

  it('refuses duplicate ids in one change', () => {
    const result = apply([], { upsert: [draft('A'), draft('A')] });
    expect(!result.ok && result.error.violations[0].message).toMatch(/twice/);
  });

  it('keeps a line on a product no longer sold when the line keeps that product', () => {
    const current = start(draft('A'));
    const retired = new Map(CATALOG).set(HW.id, { ...HW, active: false });
    const result = apply(
      current,
      { upsert: [draft('A', { quantity: d(2) })] },
      { ...CONTEXT, catalog: retired },
    );
    expect(result.ok).toBe(true);
  });

  it('reports at most 50 violations however many lines are wrong', () => {
    const bad = Array.from({ length: 500 }, (_, i) =>
      draft(`L${i}`, { quantity: d(0) }),
    );
    const result = apply([], { upsert: bad });
    expect(!result.ok && result.error.violations.length).toBe(50);
  });

  it(`refuses more than ${MAX_QUOTE_LINES} lines with too_many_lines`, () => {
    const many = Array.from({ length: MAX_QUOTE_LINES + 1 }, (_, i) =>
      draft(`L${i}`),
    );
    const result = apply([], { upsert: many });
    expect(!result.ok && result.error.code).toBe('too_many_lines');
  });

  it('prices a 10,000-line quote and a 5,000-line change of it in one pass (speed is measured by npm run bench, not here)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      draft(`L${i}`, {
        productId: i % 2 ? SUB.id : HW.id,
        quantity: d((i % 7) + 1),
        discountPercent: d(i % 30),
        parentId: i % 10 ? `L${i - (i % 10)}` : null,
        fields: { shipTo: `City ${i % 5}` },
      }),
    );
    const first = apply([], { upsert: lines });
    const second = first.ok
      ? apply(first.value.lines, {
          upsert: lines.slice(0, 5000).map((l) => ({ ...l, quantity: d(9) })),
        })
      : first;
    expect(
      second.ok && [second.value.lines.length, second.value.written.length],
    ).toEqual([10_000, expect.any(Number)]);
  });
});

describe('repriceLines', () => {
  it('re-dates and re-prices lines under a new quote term and reports only the lines that moved', () => {
    const current = start(
      draft('HW1'),
      draft('S1', { productId: SUB.id }),
      draft('S2', { productId: SUB.id, termMonths: 24 }),
    );
    const result = repriceLines(current, { ...HEADER, termMonths: 6 }, CATALOG);
    expect(
      result.ok &&
        result.value.written.map((l) => [l.id, l.netTotal.toFixed2(), l.end]),
    ).toEqual([['S1', '600.00', '2026-07-30']]);
  });

  it('refuses a change that leaves a recurring line with no term', () => {
    const withTerm = { ...HEADER, termMonths: 12 };
    const priced = editLines(
      [],
      { upsert: [draft('N', { productId: NOTERM.id })], remove: [] },
      { ...CONTEXT, header: withTerm },
    );
    expect(priced.ok).toBe(true);
    const result = priced.ok
      ? repriceLines(priced.value.lines, HEADER, CATALOG)
      : priced;
    expect(!result.ok && result.error.code).toBe('invalid_lines');
  });
});
