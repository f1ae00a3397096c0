import { evaluateOperator } from './evaluate-condition';
import type { FieldValue, Operator } from './model';

type Row = [Operator, FieldValue | undefined, FieldValue | undefined, boolean];

describe('evaluateOperator', () => {
  describe('numbers compare numerically', () => {
    it.each<Row>([
      ['eq', 10, 10, true],
      ['eq', 10, 10.0, true],
      ['eq', 10, 11, false],
      ['ne', 10, 11, true],
      ['ne', 10, 10, false],
      ['lt', 9, 10, true],
      ['lt', 10, 10, false],
      ['le', 10, 10, true],
      ['le', 11, 10, false],
      ['gt', 31, 30, true],
      ['gt', 30, 30, false],
      ['gt', 9, 10, false],
      ['ge', 30, 30, true],
      ['ge', 29.99, 30, false],
      ['gt', -1, -2, true],
      ['gt', 100, 9, true],
      ['lt', 0.1 + 0.2, 0.31, true],
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  describe('numeric strings compare numerically with numbers', () => {
    it.each<Row>([
      ['eq', '558.90', 558.9, true],
      ['gt', '1000.00', 999, true],
      ['lt', 5, '10', true],
      ['gt', '100', '9', false], // two strings: compared as text
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  describe('strings compare case-insensitively; ISO dates as strings', () => {
    it.each<Row>([
      ['eq', 'EMEA', 'emea', true],
      ['eq', 'Net 30', 'net 30', true],
      ['ne', 'Net 60', 'NET 30', true],
      ['ne', 'APAC', 'apac', false],
      ['lt', 'apple', 'Banana', true],
      ['gt', 'b', 'A', true],
      ['lt', '2026-06-05', '2026-07-01', true],
      ['ge', '2026-07-01', '2026-07-01', true],
      ['gt', '2026-12-31', '2027-01-01', false],
      ['contains', 'Enterprise License', 'LICENSE', true],
      ['contains', 'Enterprise', 'license', false],
      ['notContains', 'Enterprise', 'license', true],
      ['notContains', 'Enterprise', 'PRISE', false],
      ['startsWith', 'Net 90', 'net', true],
      ['startsWith', 'Net 90', '90', false],
      ['contains', 12345, 234, true],
      ['startsWith', 12345, 12, true],
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  describe('in / notIn take a list; a scalar comparand is a list of one', () => {
    it.each<Row>([
      ['in', 'Net 60', ['Net 60', 'Net 90'], true],
      ['in', 'net 90', ['Net 60', 'Net 90'], true],
      ['in', 'Net 30', ['Net 60', 'Net 90'], false],
      ['in', 60, [30, 60], true],
      ['in', 'x', 'X', true],
      ['in', 'x', [], false],
      ['notIn', 'Net 30', ['Net 60', 'Net 90'], true],
      ['notIn', 'Net 60', ['Net 60', 'Net 90'], false],
      ['notIn', 'x', [], true],
      ['in', ['a', 'z'], ['z'], true],
      ['in', ['a', 'b'], ['z'], false],
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  describe('multi-value (array) tested values', () => {
    it.each<Row>([
      ['contains', ['EMEA', 'APAC'], 'apac', true],
      ['contains', ['EMEA', 'APAC'], 'AP', false],
      ['notContains', ['EMEA', 'APAC'], 'NA', true],
      ['notContains', ['EMEA'], 'emea', false],
      ['contains', [1, 2, 3], 2, true],
      ['contains', [], 'x', false],
      ['eq', ['a', 'b'], ['B', 'A'], true],
      ['eq', ['a', 'b'], 'a', false],
      ['ne', ['a', 'b'], ['a'], true],
      ['startsWith', ['abc'], 'a', false],
      ['gt', [5], 1, false],
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  describe('mixed and boolean values', () => {
    it.each<Row>([
      ['eq', true, true, true],
      ['eq', true, false, false],
      ['eq', true, 'true', false],
      ['ne', true, 'true', true],
      ['gt', true, false, false],
      ['eq', 'abc', 1, false],
      ['lt', 'abc', 1, false],
      ['ne', 'abc', 1, true],
    ])('%s(%p, %p) = %p', (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    });
  });

  const ALL: Operator[] = [
    'eq',
    'ne',
    'lt',
    'le',
    'gt',
    'ge',
    'contains',
    'notContains',
    'startsWith',
    'in',
    'notIn',
    'isNull',
    'notNull',
  ];
  const TRUE_ON_NULL_TESTED = new Set<Operator>([
    'ne',
    'notContains',
    'notIn',
    'isNull',
  ]);
  const TRUE_ON_NULL_COMPARAND = new Set<Operator>([
    'ne',
    'notContains',
    'notIn',
    'notNull',
  ]);

  describe('a null or missing tested value', () => {
    it.each(
      ALL.flatMap((op) =>
        [null, undefined].map((tested) => [op, tested] as const),
      ),
    )('%s with tested %p', (op, tested) => {
      const comparand = op === 'in' || op === 'notIn' ? ['x'] : 'x';
      expect(evaluateOperator(op, tested, comparand)).toBe(
        TRUE_ON_NULL_TESTED.has(op),
      );
    });
  });

  describe('a null comparand', () => {
    it.each(ALL.map((op) => [op] as const))('%s with comparand null', (op) => {
      expect(evaluateOperator(op, 'x', null)).toBe(
        TRUE_ON_NULL_COMPARAND.has(op),
      );
    });
  });

  it.each<Row>([
    ['isNull', '', null, false],
    ['isNull', 0, null, false],
    ['notNull', 0, null, true],
    ['notNull', false, null, true],
    ['isNull', [], null, false],
  ])(
    '%s(%p) = %p: only null and missing are null',
    (op, tested, comparand, expected) => {
      expect(evaluateOperator(op, tested, comparand)).toBe(expected);
    },
  );
});
