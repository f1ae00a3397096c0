import { Decimal, InvalidDecimalError, dec } from './decimal';

describe('Decimal construction', () => {
  it.each([
    ['12.50', '12.5'],
    [' -3 ', '-3'],
    ['1e2', '100'],
    ['.5', '0.5'],
    ['0.1', '0.1'],
    [0.1, '0.1'],
    [-0, '0'],
    [1234567890.12, '1234567890.12'],
    ['123456789012345678.1234', '123456789012345678.1234'],
  ])('of(%p) = %s', (input, expected) => {
    expect(Decimal.of(input).toString()).toBe(expected);
  });

  it.each([
    ['abc'],
    [''],
    ['1,5'],
    ['1.2.3'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['Infinity'],
    ['0x10'],
  ])('rejects %p with a typed error', (input) => {
    expect(() => Decimal.of(input)).toThrow(InvalidDecimalError);
    expect(Decimal.tryOf(input)).toBeUndefined();
  });

  it('rejects non-string, non-number input', () => {
    expect(() => Decimal.of({} as unknown as string)).toThrow(
      InvalidDecimalError,
    );
  });
});

describe('Decimal arithmetic is exact', () => {
  it.each([
    ['0.1', '0.2', 'add', '0.3'],
    ['0.3', '0.1', 'sub', '0.2'],
    ['1.1', '1.1', 'mul', '1.21'],
    ['1', '3', 'div', '0.3333333333333333333333333333333333333333'],
    ['12000', '365', 'div', '32.87671232876712328767123287671232876712'],
    ['-5', '2', 'div', '-2.5'],
  ] as const)('%s %s %s = %s', (a, b, op, expected) => {
    expect(dec(a)[op](b).toString()).toBe(expected);
  });

  it('does not mutate its operands', () => {
    const a = dec('1.5');
    a.add('1');
    expect(a.toString()).toBe('1.5');
  });

  it('throws on division by zero', () => {
    expect(() => dec(1).div(0)).toThrow(RangeError);
  });

  it('sums, mins and maxes', () => {
    expect(Decimal.sum(['0.1', '0.2', 0.3, dec('0.4')]).toString()).toBe('1');
    expect(Decimal.sum([]).toString()).toBe('0');
    expect(Decimal.min('3', '-1', '2').toString()).toBe('-1');
    expect(Decimal.max('3', '-1', '2').toString()).toBe('3');
  });
});

describe('round2 is half away from zero', () => {
  it.each([
    ['2.345', '2.35'],
    ['-2.345', '-2.35'],
    ['2.344999', '2.34'],
    ['-2.344999', '-2.34'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['0.0049', '0.00'],
    ['1.005', '1.01'],
    ['542.465753424657534246', '542.47'],
    ['-542.465753424657534246', '-542.47'],
    ['10', '10.00'],
  ])('%s → %s', (input, expected) => {
    expect(dec(input).round2().toFixed2()).toBe(expected);
  });

  it('never prints negative zero', () => {
    expect(dec('-0.001').toFixed2()).toBe('0.00');
    expect(dec('-0.001').round2().isZero()).toBe(true);
  });

  it('rounds to other places half away from zero', () => {
    expect(dec('2.5').round(0).toString()).toBe('3');
    expect(dec('-2.5').round(0).toString()).toBe('-3');
  });
});

describe('comparison and predicates', () => {
  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['1.0', '1', 0],
    ['-0', '0', 0],
  ] as const)('compare(%s, %s) = %d', (a, b, expected) => {
    expect(dec(a).compare(b)).toBe(expected);
  });

  it('has eq/lt/lte/gt/gte', () => {
    const a = dec('1.50');
    expect([
      a.eq('1.5'),
      a.lt(2),
      a.lte('1.5'),
      a.gt(1),
      a.gte('1.51'),
    ]).toEqual([true, true, true, true, false]);
  });

  it.each([
    ['0', true, false, false],
    ['-0.00', true, false, false],
    ['0.01', false, false, true],
    ['-0.01', false, true, false],
  ])(
    '%s: isZero=%p isNegative=%p isPositive=%p',
    (input, zero, negative, positive) => {
      const d = dec(input);
      expect([d.isZero(), d.isNegative(), d.isPositive()]).toEqual([
        zero,
        negative,
        positive,
      ]);
    },
  );

  it('serialises as its canonical string', () => {
    expect(JSON.stringify({ a: dec('1.50') })).toBe('{"a":"1.5"}');
    expect(dec('2.5').neg().abs().toString()).toBe('2.5');
    expect(dec('3').isInteger()).toBe(true);
    expect(dec('3.5').toNumber()).toBe(3.5);
  });
});
