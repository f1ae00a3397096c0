import { d, draft, HEADER, HW, SUB } from '../testing/fixtures';
import type { PricedLine, PricedProduct } from './model';
import { completeLine, priceLine } from './price-line';
import { discountPercentOf, quoteTotals } from './quote-totals';

function priced(
  id: string,
  product: PricedProduct,
  over: Parameters<typeof draft>[1],
): PricedLine {
  return priceLine(
    completeLine(draft(id, { productId: product.id, ...over }), product),
    HEADER,
    product,
  ) as PricedLine;
}

describe('quoteTotals', () => {
  const lines = [
    priced('L1', HW, {
      quantity: d(3),
      group: 'Phase 1',
      discountPercent: d(10),
    }),
    priced('L2', SUB, {
      quantity: d(10),
      group: 'Phase 2',
      discountPercent: d(20),
    }),
    priced('L3', HW, { quantity: d(1), group: 'Phase 1' }),
    priced('L4', HW, { quantity: d(1) }),
  ];

  it('sums list and net, splits one-time from recurring and derives the discount', () => {
    const totals = quoteTotals(lines);
    expect({
      lineCount: totals.lineCount,
      list: totals.listTotal.toFixed2(),
      net: totals.netTotal.toFixed2(),
      discount: totals.discountAmount.toFixed2(),
      percent: totals.discountPercent?.toFixed2(),
      oneTime: totals.oneTimeTotal.toFixed2(),
      recurring: totals.recurringTotal.toFixed2(),
    }).toEqual({
      lineCount: 4,
      list: '17000.00',
      net: '14300.00',
      discount: '2700.00',
      percent: '15.88',
      oneTime: '4700.00',
      recurring: '9600.00',
    });
  });

  it('subtotals each group in order of its first line, lines without a group together', () => {
    expect(
      quoteTotals(lines).groups.map((g) => [
        g.group,
        g.lineCount,
        g.listTotal.toFixed2(),
        g.netTotal.toFixed2(),
      ]),
    ).toEqual([
      ['Phase 1', 2, '4000.00', '3700.00'],
      ['Phase 2', 1, '12000.00', '9600.00'],
      [null, 1, '1000.00', '1000.00'],
    ]);
  });

  it('has zero totals, no groups and no discount percent for an empty quote', () => {
    const totals = quoteTotals([]);
    expect([
      totals.lineCount,
      totals.netTotal.toFixed2(),
      totals.discountPercent,
      totals.groups,
    ]).toEqual([0, '0.00', null, []]);
  });

  it.each([
    ['1000', '750', '25.00'],
    ['3', '2', '33.33'],
    ['0', '0', null],
    ['100', '100', '0.00'],
  ] as const)('discountPercentOf(%s, %s) = %s', (list, net, expected) => {
    expect(discountPercentOf(d(list), d(net))?.toFixed2() ?? null).toBe(
      expected,
    );
  });
});
