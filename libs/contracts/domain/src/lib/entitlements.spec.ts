import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import {
  contractsOf,
  ctx,
  mixedLines,
  ordersOf,
  quoteOf,
} from '../testing/fixtures';
import { amendContract } from './amend-contract';
import { entitlementsAsOf } from './entitlements';

const mixed = quoteOf(mixedLines, null);
const single = contractsOf(mixed, ordersOf(mixed), 'single');
const amended = [
  unwrap(
    amendContract(single[0], {
      effective: parseLocalDate('2025-07-01'),
      changes: [
        { sku: 'SUB', quantityDelta: 5 },
        { sku: 'SUP', quantityDelta: -2 },
      ],
      ctx,
    }),
  ),
];

const asObject = (m: Map<string, { toNumber(): number }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.toNumber()]));

describe('entitlementsAsOf', () => {
  it.each<[string, Record<string, number>]>([
    ['2025-01-14', { SUB: 0, SUP: 0 }],
    ['2025-01-15', { SUB: 10, SUP: 5 }],
    ['2025-02-28', { SUB: 10, SUP: 5 }],
    ['2025-03-01', { SUB: 12, SUP: 5 }],
    ['2025-08-31', { SUB: 12, SUP: 5 }],
    ['2025-09-01', { SUB: 10, SUP: 5 }],
    ['2026-01-15', { SUB: 0, SUP: 5 }],
    ['2027-01-15', { SUB: 0, SUP: 0 }],
  ])('original contract on %s', (asOf, expected) => {
    expect(asObject(entitlementsAsOf(single, parseLocalDate(asOf)))).toEqual(
      expected,
    );
  });

  it.each<[string, Record<string, number>]>([
    ['2025-06-30', { SUB: 12, SUP: 5 }],
    ['2025-07-01', { SUB: 17, SUP: 3 }],
    ['2025-08-31', { SUB: 17, SUP: 3 }],
    ['2025-09-01', { SUB: 15, SUP: 3 }],
    ['2026-01-14', { SUB: 15, SUP: 3 }],
    ['2026-01-15', { SUB: 0, SUP: 3 }],
  ])(
    'amended contract on %s (deltas run to their subscription’s end)',
    (asOf, expected) => {
      expect(asObject(entitlementsAsOf(amended, parseLocalDate(asOf)))).toEqual(
        expected,
      );
    },
  );

  it('is empty without contracts', () => {
    expect(entitlementsAsOf([], parseLocalDate('2025-01-01')).size).toBe(0);
  });
});
