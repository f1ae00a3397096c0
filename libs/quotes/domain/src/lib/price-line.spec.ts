import {
  CATALOG,
  d,
  date,
  draft,
  HEADER,
  HW,
  NOTERM,
  SUB,
} from '../testing/fixtures';
import type { PricedProduct } from './model';
import { completeLine, lineEnd, priceLine } from './price-line';

describe('priceLine', () => {
  it.each([
    // label, product, line overrides, header term, list, net, start, end, term
    [
      'one-time: unit × quantity',
      HW,
      { quantity: d(3) },
      null,
      '3000.00',
      '3000.00',
      '2026-01-31',
      '2026-01-31',
      null,
    ],
    [
      'one-time with 12.5% off',
      HW,
      { quantity: d(3), discountPercent: d('12.5') },
      null,
      '3000.00',
      '2625.00',
      '2026-01-31',
      '2026-01-31',
      null,
    ],
    [
      'recurring on the product term',
      SUB,
      { quantity: d(10) },
      null,
      '12000.00',
      '12000.00',
      '2026-01-31',
      '2027-01-30',
      12,
    ],
    [
      'recurring: the quote term beats the product',
      SUB,
      { quantity: d(10) },
      6,
      '6000.00',
      '6000.00',
      '2026-01-31',
      '2026-07-30',
      6,
    ],
    [
      'recurring: the line term beats the quote',
      SUB,
      { quantity: d(1), termMonths: 1 },
      6,
      '100.00',
      '100.00',
      '2026-01-31',
      '2026-02-27',
      1,
    ],
    [
      'recurring with its own start',
      SUB,
      { quantity: d(2), startDate: date('2026-03-01') },
      null,
      '2400.00',
      '2400.00',
      '2026-03-01',
      '2027-02-28',
      12,
    ],
    [
      'fractional quantity, rounded once',
      HW,
      {
        quantity: d('0.3333'),
        listUnitPrice: d('10.01'),
        discountPercent: d('33.3333'),
      },
      null,
      '3.34',
      '2.22',
      '2026-01-31',
      '2026-01-31',
      null,
    ],
    [
      'a 100% discount',
      HW,
      { discountPercent: d(100) },
      null,
      '1000.00',
      '0.00',
      '2026-01-31',
      '2026-01-31',
      null,
    ],
  ] as const)(
    '%s',
    (_label, product, over, headerTerm, list, net, start, end, term) => {
      const line = completeLine(
        draft('L1', { ...over, productId: product.id }),
        product as PricedProduct,
      );
      const priced = priceLine(
        line,
        { ...HEADER, termMonths: headerTerm },
        product as PricedProduct,
      );
      expect(priced).not.toBeNull();
      expect(priced?.listTotal.toFixed2()).toBe(list);
      expect(priced?.netTotal.toFixed2()).toBe(net);
      expect([priced?.start, priced?.end, priced?.term]).toEqual([
        start,
        end,
        term,
      ]);
    },
  );

  it('rounds half away from zero: 0.5 cent up', () => {
    const line = completeLine(
      draft('L1', { listUnitPrice: d('0.01'), quantity: d('0.5') }),
      HW,
    );
    expect(priceLine(line, HEADER, HW)?.listTotal.toFixed2()).toBe('0.01');
  });

  it('takes the product price and no discount by default, and keeps an explicit price', () => {
    expect(completeLine(draft('L1'), HW)).toMatchObject({
      listUnitPrice: d('1000.00'),
      discountPercent: d(0),
    });
    expect(
      completeLine(
        draft('L1', { listUnitPrice: d('900') }),
        HW,
      ).listUnitPrice.toString(),
    ).toBe('900');
  });

  it('copies the product snapshot onto the line', () => {
    const priced = priceLine(completeLine(draft('L1'), HW), HEADER, HW);
    expect(priced).toMatchObject({
      sku: 'HW',
      productName: 'Appliance',
      family: 'Hardware',
      chargeType: 'one-time',
    });
  });

  it('gives no price to a recurring line without a term anywhere', () => {
    const line = completeLine(draft('L1', { productId: NOTERM.id }), NOTERM);
    expect(priceLine(line, HEADER, NOTERM)).toBeNull();
    expect(CATALOG.get(NOTERM.id)).toBe(NOTERM);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-27'],
    ['2024-02-29', 12, '2025-02-27'],
    ['2026-01-15', 12, '2027-01-14'],
    ['2026-05-10', null, '2026-05-10'],
  ] as const)('lineEnd(%s, %s) = %s', (start, term, end) => {
    expect(lineEnd(date(start), term)).toBe(end);
  });
});
