import { dec, parseLocalDate } from '@signet/shared-kernel';
import { catalog, quote, type LineSpec } from '../testing/fixtures';
import type { Product } from './model';
import { resolveLineDates, resolveQuote, resolveTerm } from './resolve-quote';

describe('line dates and terms', () => {
  it.each<
    [
      string,
      LineSpec,
      { startDate?: string; termMonths?: number | null },
      string,
      string,
      number | null,
    ]
  >([
    [
      'one-time defaults to the quote start and ends on it',
      { id: 'L1', sku: 'HW' },
      {},
      '2025-01-15',
      '2025-01-15',
      12,
    ],
    [
      'one-time with own start',
      { id: 'L1', sku: 'HW', startDate: '2025-02-01' },
      {},
      '2025-02-01',
      '2025-02-01',
      12,
    ],
    [
      'recurring: quote term',
      { id: 'L1', sku: 'SUB' },
      {},
      '2025-01-15',
      '2026-01-14',
      12,
    ],
    [
      'recurring: line term beats quote',
      { id: 'L1', sku: 'SUB', startDate: '2025-03-01', termMonths: 6 },
      {},
      '2025-03-01',
      '2025-08-31',
      6,
    ],
    [
      'recurring: product term without quote term',
      { id: 'L1', sku: 'SUP' },
      { termMonths: null },
      '2025-01-15',
      '2027-01-14',
      24,
    ],
    [
      'recurring: quote term beats product',
      { id: 'L1', sku: 'SUP' },
      { termMonths: 12 },
      '2025-01-15',
      '2026-01-14',
      12,
    ],
    [
      'month-end clamps then subtracts a day',
      { id: 'L1', sku: 'SUB', startDate: '2025-01-31', termMonths: 1 },
      {},
      '2025-01-31',
      '2025-02-27',
      1,
    ],
    [
      'leap day start',
      { id: 'L1', sku: 'SUB', startDate: '2024-02-29', termMonths: 12 },
      {},
      '2024-02-29',
      '2025-02-27',
      12,
    ],
    [
      'leap year month-end',
      { id: 'L1', sku: 'SUB', startDate: '2024-01-31', termMonths: 1 },
      {},
      '2024-01-31',
      '2024-02-28',
      1,
    ],
    [
      'explicit end date wins',
      { id: 'L1', sku: 'SUB', endDate: '2025-06-30' },
      {},
      '2025-01-15',
      '2025-06-30',
      12,
    ],
  ])('%s', (_, spec, options, start, end, term) => {
    const r = resolveQuote(quote([spec], options), catalog);
    expect(
      r.ok && {
        start: r.value.lines[0].start,
        end: r.value.lines[0].end,
        term: r.value.lines[0].term,
      },
    ).toEqual({ start, end, term });
  });

  it('resolves term line, else quote, else product', () => {
    const product: Product = {
      sku: 'X',
      chargeType: 'recurring',
      revenue: 'ratable',
      termMonths: 36,
    };
    const q = quote([{ id: 'L1' }], { termMonths: null });
    expect(resolveTerm({ ...q.lines[0], termMonths: 3 }, q, product)).toBe(3);
    expect(resolveTerm(q.lines[0], { ...q, termMonths: 6 }, product)).toBe(6);
    expect(resolveTerm(q.lines[0], q, product)).toBe(36);
    expect(
      resolveTerm(q.lines[0], q, { ...product, termMonths: undefined }),
    ).toBeNull();
  });

  it('fails a recurring line with no term anywhere', () => {
    const q = quote([{ id: 'L1', sku: 'SUB' }], { termMonths: null });
    const r = resolveLineDates(q.lines[0], q, {
      sku: 'SUB',
      chargeType: 'recurring',
      revenue: 'ratable',
      ssp: dec(1),
    });
    expect(!r.ok && r.error.code).toBe('invalid_quote');
  });
});

describe('resolveQuote', () => {
  it('finds the outermost bundle root and groups bundles in quote order', () => {
    const r = resolveQuote(
      quote([
        { id: 'C2', parent: 'C1' },
        { id: 'R' },
        { id: 'C1', parent: 'R' },
        { id: 'X' },
      ]),
      catalog,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lines.map((l) => [l.id, l.rootId, l.position])).toEqual([
      ['C2', 'R', 0],
      ['R', 'R', 1],
      ['C1', 'R', 2],
      ['X', 'X', 3],
    ]);
    expect(r.value.bundles.get('R')?.map((l) => l.id)).toEqual([
      'C2',
      'R',
      'C1',
    ]);
  });

  it.each<[string, LineSpec[], RegExp]>([
    ['unknown sku', [{ id: 'L1', sku: 'NOPE' }], /unknown sku NOPE/],
    ['unknown parent', [{ id: 'L1', parent: 'L9' }], /unknown parent L9/],
    [
      'bundle cycle',
      [
        { id: 'L1', parent: 'L2' },
        { id: 'L2', parent: 'L1' },
      ],
      /cycle/,
    ],
    ['duplicate id', [{ id: 'L1' }, { id: 'L1' }], /duplicate line id L1/],
    ['zero quantity', [{ id: 'L1', quantity: 0 }], /not positive/],
    [
      'end before start',
      [
        {
          id: 'L1',
          sku: 'SUB',
          startDate: '2025-03-01',
          endDate: '2025-02-01',
        },
      ],
      /ends before/,
    ],
  ])('rejects %s as invalid_quote', (_, lines, message) => {
    const r = resolveQuote(quote(lines), catalog);
    expect(!r.ok && r.error.code).toBe('invalid_quote');
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('keeps the quote start', () => {
    const r = resolveQuote(
      quote([{ id: 'L1' }], { startDate: '2025-05-05' }),
      catalog,
    );
    expect(r.ok && r.value.startDate).toBe(parseLocalDate('2025-05-05'));
  });
});
