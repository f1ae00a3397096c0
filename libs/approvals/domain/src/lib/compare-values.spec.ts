import {
  compareValues,
  formatValue,
  toDecimal,
  valuesDiffer,
  valuesEqual,
} from './compare-values';
import type { FieldValue } from './model';

describe('valuesDiffer (smart re-test ≠)', () => {
  it.each<[FieldValue | undefined, FieldValue | undefined, boolean]>([
    [null, null, false],
    [undefined, null, false],
    [null, 0, true],
    ['', null, true],
    ['EMEA', 'emea', false],
    ['EMEA', 'NA', true],
    [30, 30.0, false],
    [30, '30', false],
    [30, 31, true],
    [['a', 'b'], ['b', 'a'], false],
    [['a'], ['a', 'b'], true],
    [true, true, false],
    [true, 'true', true],
  ])('%p vs %p → %p', (a, b, expected) => {
    expect(valuesDiffer(a, b)).toBe(expected);
  });
});

describe('compareValues', () => {
  it.each<[FieldValue, FieldValue, -1 | 0 | 1 | null]>([
    [1, 2, -1],
    [2, 2, 0],
    ['B', 'a', 1],
    ['10', 9, 1],
    [[1], 1, null],
    [true, false, null],
    ['x', 1, null],
  ])('%p vs %p → %p', (a, b, expected) => {
    expect(compareValues(a, b)).toBe(expected);
  });

  it('arrays with nulls compare as sets, null matching null', () => {
    expect(valuesEqual([null, 'a'], ['A', null])).toBe(true);
  });
});

describe('toDecimal and formatValue', () => {
  it.each<[FieldValue | undefined, string | null]>([
    [12, '12'],
    ['  3.50 ', '3.5'],
    ['1e3', '1000'],
    ['.5', '0.5'],
    ['abc', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [true, null],
  ])('toDecimal(%p) = %p', (value, expected) => {
    expect(toDecimal(value)?.toString() ?? null).toBe(expected);
  });

  it.each<[FieldValue | undefined, string]>([
    [31, '31'],
    ['Net 60', '"Net 60"'],
    [null, 'null'],
    [undefined, 'null'],
    [['Net 60', 90], '["Net 60", 90]'],
    [false, 'false'],
  ])('formatValue(%p) = %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});
