import { dec, type Decimal } from './decimal';
import { money, spreadCumulative, sumMoney } from './money';

const strings = (parts: Decimal[]) => parts.map((p) => p.toFixed2());

describe('spreadCumulative (conformance 2.5)', () => {
  it.each([
    ['100.00', [1, 1, 1], ['33.33', '33.34', '33.33']],
    [
      '100.00',
      [1, 1, 1, 1, 1, 1],
      ['16.67', '16.66', '16.67', '16.67', '16.66', '16.67'],
    ],
    ['0.01', [1, 1, 1], ['0.00', '0.01', '0.00']],
    ['-100.00', [1, 1, 1], ['-33.33', '-33.34', '-33.33']],
    ['14700.00', ['3000.00', '12000.00'], ['2940.00', '11760.00']],
    ['15200.00', ['3000', '12000', '600'], ['2923.08', '11692.30', '584.62']],
    ['10.00', [0, 1, 0], ['0.00', '10.00', '0.00']],
    ['10.00', [0, 0], ['0.00', '10.00']],
    ['10.005', [1], ['10.01']],
  ] as const)('spreads %s over %p → %p', (amount, weights, expected) => {
    expect(strings(spreadCumulative(amount, [...weights]))).toEqual([
      ...expected,
    ]);
  });

  it.each([
    ['1000.00', 7],
    ['999.99', 13],
    ['-0.07', 5],
    ['12345.67', 365],
  ])('parts of %s over %i uneven weights add up to the whole', (amount, n) => {
    const weights = Array.from({ length: n }, (_, i) => ((i * 7919) % 97) + 1);
    const parts = spreadCumulative(amount, weights);
    expect(sumMoney(parts).toFixed2()).toBe(dec(amount).toFixed2());
    expect(parts).toHaveLength(n);
  });

  it('depends only on the order of the parts (same weights → same parts)', () => {
    expect(strings(spreadCumulative('10', [3, 1]))).toEqual(['7.50', '2.50']);
    expect(strings(spreadCumulative('10', [1, 3]))).toEqual(['2.50', '7.50']);
  });

  it('rejects negative weights and non-zero amounts over no parts', () => {
    expect(() => spreadCumulative('10', [1, -1])).toThrow(RangeError);
    expect(() => spreadCumulative('10', [])).toThrow(RangeError);
    expect(spreadCumulative('0', [])).toEqual([]);
  });
});

describe('money', () => {
  it.each([
    ['1.005', '1.01'],
    [2.675, '2.68'],
    ['-1.005', '-1.01'],
  ])('money(%p) = %s', (input, expected) => {
    expect(money(input).toFixed2()).toBe(expected);
  });
});
