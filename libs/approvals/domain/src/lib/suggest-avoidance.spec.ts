import type { ConditionReason } from './evaluate-rule';
import type { FieldValue, Operator } from './model';
import { isNumericThreshold, suggestAvoidance } from './suggest-avoidance';

function reason(
  op: Operator,
  testedValue: FieldValue,
  comparand: FieldValue,
  result: boolean,
  index = 1,
): ConditionReason {
  return {
    index,
    tested: 'quote.discountPercent',
    testedValue,
    op,
    comparand,
    comparandSource: null,
    result,
    smart: false,
  };
}

/** A single-condition rule: requested exactly when the condition holds. */
const single = (r: ConditionReason) => (_: string, value: number) => {
  const c = r.comparand as number;
  return { gt: value > c, ge: value >= c, lt: value < c, le: value <= c }[
    r.op as 'gt'
  ] as boolean;
};

describe('suggestAvoidance', () => {
  it.each<[Operator, number, number, number, number]>([
    ['gt', 31, 30, 30, -1],
    ['gt', 45, 30, 30, -15],
    ['ge', 31, 30, 29, -2],
    ['ge', 30, 30, 29, -1],
    ['ge', 30.5, 30, 29.9, -0.6],
    ['lt', 5, 10, 10, 5],
    ['le', 10, 10, 11, 1],
    ['le', 9.99, 10, 10.01, 0.02],
    ['ge', 100000.5, 100000, 99999.9, -0.6],
  ])(
    '%s: value %p, threshold %p → target %p (change %p)',
    (op, current, threshold, target, change) => {
      const r = reason(op, current, threshold, true);
      expect(suggestAvoidance([r], single(r))).toEqual({
        index: 1,
        tested: 'quote.discountPercent',
        op,
        current,
        threshold,
        target,
        change,
      });
    },
  );

  it('flips a false condition when that is what avoids the rule (NOT)', () => {
    const r = reason('gt', 20, 30, false);
    const avoidance = suggestAvoidance([r], (_, value) => !(value > 30));
    expect(avoidance).toMatchObject({ target: 31, change: 11 });
  });

  it('prefers the snapshot when returning to it is a smaller change', () => {
    const r = reason('gt', 35, 20, true);
    const stillRequested = (_: string, value: number) => value > 30; // re-test against snapshot 30
    expect(suggestAvoidance([r], stillRequested, () => 30)).toMatchObject({
      target: 30,
      change: -5,
    });
  });

  it('makes no promise that re-evaluation does not confirm', () => {
    const r = reason('gt', 31, 30, true);
    expect(suggestAvoidance([r], () => true)).toBeNull();
  });

  it.each<[string, ConditionReason[]]>([
    ['no threshold condition', [{ ...reason('eq', 'EMEA', 'EMEA', true) }]],
    [
      'two threshold conditions',
      [reason('gt', 31, 30, true), reason('lt', 5, 10, true, 2)],
    ],
    ['a null tested value', [reason('gt', null, 30, false)]],
    ['a non-numeric comparand', [reason('gt', 31, 'abc', false)]],
    ['an array', [reason('gt', [31], 30, false)]],
  ])('none for %s', (_, reasons) => {
    expect(suggestAvoidance(reasons, () => false)).toBeNull();
  });

  it('counts numeric strings as numeric thresholds', () => {
    expect(isNumericThreshold(reason('ge', '558.90', 500, true))).toBe(true);
  });
});
