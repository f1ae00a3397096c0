import type { ConditionReason } from './evaluate-rule';
import {
  explainAvoidance,
  explainReason,
  explainSmartRetest,
} from './explain-reason';

const base: ConditionReason = {
  index: 1,
  tested: 'quote.discountPercent',
  testedValue: 31,
  op: 'gt',
  comparand: 30,
  comparandSource: null,
  result: true,
  smart: false,
};

describe('explainReason', () => {
  it.each<[Partial<ConditionReason>, string]>([
    [{}, 'discountPercent 31 > 30'],
    [{ testedValue: 5, result: false }, 'discountPercent 5 > 30 (not met)'],
    [
      {
        tested: 'var.licenseNet',
        testedValue: 80000,
        op: 'ge',
        comparand: 75000,
        comparandSource: 'quote.licenseThreshold',
      },
      'licenseNet 80000 >= 75000 (licenseThreshold)',
    ],
    [
      {
        tested: 'quote.paymentTerms',
        testedValue: 'Net 60',
        op: 'in',
        comparand: ['Net 60', 'Net 90'],
      },
      'paymentTerms "Net 60" in ["Net 60", "Net 90"]',
    ],
    [
      {
        tested: 'var.hwDiscount',
        testedValue: null,
        op: 'isNull',
        comparand: null,
      },
      'hwDiscount null is null',
    ],
    [
      {
        tested: 'quote.region',
        testedValue: 'EMEA',
        op: 'ne',
        comparand: 'APAC',
      },
      'region "EMEA" != "APAC"',
    ],
    [{ op: 'le' }, 'discountPercent 31 <= 30'],
    [
      { op: 'notContains', testedValue: 'abc', comparand: 'x' },
      'discountPercent "abc" does not contain "x"',
    ],
  ])('%p → %s', (overrides, text) => {
    expect(explainReason({ ...base, ...overrides })).toBe(text);
  });
});

describe('explainSmartRetest and explainAvoidance', () => {
  it.each([
    [
      { test: 'increased' as const, value: 35, snapshot: 30, result: true },
      'discountPercent 35 > 30 (approved value)',
    ],
    [
      { test: 'decreased' as const, value: 35, snapshot: 30, result: false },
      'discountPercent 35 < 30 (approved value) (not met)',
    ],
    [
      { test: 'changed' as const, value: 'NA', snapshot: 'EMEA', result: true },
      'discountPercent "NA" != "EMEA" (approved value)',
    ],
    [
      {
        test: 'increased' as const,
        value: 35,
        snapshot: undefined,
        result: true,
      },
      'discountPercent 35 has no approved snapshot',
    ],
  ])('%p → %s', (overrides, text) => {
    expect(
      explainSmartRetest({
        index: 1,
        tested: 'quote.discountPercent',
        op: 'gt',
        changed: true,
        ...overrides,
      }),
    ).toBe(text);
  });

  it.each([
    [-1, 30, 'lower discountPercent by 1 to 30 to avoid this approval'],
    [5, 10, 'raise discountPercent by 5 to 10 to avoid this approval'],
  ])('change %p → %s', (change, target, text) => {
    expect(
      explainAvoidance({
        index: 1,
        tested: 'quote.discountPercent',
        op: 'gt',
        current: target - change,
        threshold: 30,
        target,
        change,
      }),
    ).toBe(text);
  });
});
