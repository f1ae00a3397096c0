import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import {
  catalog,
  contractsOf,
  ctx,
  mixedLines,
  ordersOf,
  quoteOf,
} from '../testing/fixtures';
import { amendContract } from './amend-contract';
import { planRenewal, type RenewalPricing } from './plan-renewal';

const q = quoteOf([
  { id: 'L1', sku: 'SUB', quantity: 10, netTotal: '10800.00' },
  {
    id: 'L2',
    sku: 'SUP',
    quantity: 6,
    netTotal: '3000.00',
    termMonths: 6,
    startDate: '2025-07-15',
  },
]);
const [contract] = contractsOf(q, ordersOf(q), 'single');

describe('planRenewal', () => {
  it.each<[string, RenewalPricing, string[]]>([
    [
      'same price',
      { kind: 'same' },
      [
        'SUB 10 2026-01-15…2027-01-14 10800.00',
        'SUP 6 2026-01-15…2026-07-14 3000.00',
      ],
    ],
    [
      'list price (ssp per unit per 12 months)',
      { kind: 'list' },
      [
        'SUB 10 2026-01-15…2027-01-14 12000.00',
        'SUP 6 2026-01-15…2026-07-14 1800.00',
      ],
    ],
    [
      'uplift 3.5 %',
      { kind: 'uplift', percent: '3.5' },
      [
        'SUB 10 2026-01-15…2027-01-14 11178.00',
        'SUP 6 2026-01-15…2026-07-14 3105.00',
      ],
    ],
    [
      'uplift 0 %',
      { kind: 'uplift', percent: 0 },
      [
        'SUB 10 2026-01-15…2027-01-14 10800.00',
        'SUP 6 2026-01-15…2026-07-14 3000.00',
      ],
    ],
  ])('%s', (_, pricing, expected) => {
    const plan = unwrap(planRenewal(contract, { pricing, catalog }));
    expect(plan.startDate).toBe('2026-01-15');
    expect(
      plan.lines.map(
        (l) =>
          `${l.sku} ${l.quantity.toString()} ${l.startDate}…${l.endDate} ${l.netTotal.toFixed2()}`,
      ),
    ).toEqual(expected);
  });

  it('renews the quantity in force at the end, deltas included, for a chosen term', () => {
    const amended = unwrap(
      amendContract(contract, {
        effective: parseLocalDate('2025-10-01'),
        changes: [{ sku: 'SUB', quantityDelta: -4 }],
        ctx,
      }),
    );
    const plan = unwrap(
      planRenewal(amended, {
        pricing: { kind: 'same' },
        catalog,
        termMonths: 24,
      }),
    );
    expect(plan.lines[0]).toMatchObject({
      sku: 'SUB',
      termMonths: 24,
      endDate: '2028-01-14',
    });
    expect(plan.lines[0].quantity.toNumber()).toBe(6);
    expect(plan.lines[0].netTotal.toFixed2()).toBe('12960.00');
  });

  it('skips subscriptions that ended before the contract and ones reduced to zero', () => {
    const mixed = quoteOf(mixedLines, null);
    const [c] = contractsOf(mixed, ordersOf(mixed), 'single');
    const plan = unwrap(planRenewal(c, { pricing: { kind: 'same' }, catalog }));
    expect(plan.lines.map((l) => l.sku)).toEqual(['SUP']);
    const zero = unwrap(
      amendContract(c, {
        effective: parseLocalDate('2025-02-01'),
        changes: [{ sku: 'SUP', quantityDelta: -5 }],
        ctx,
      }),
    );
    expect(
      unwrap(planRenewal(zero, { pricing: { kind: 'same' }, catalog })).lines,
    ).toEqual([]);
  });

  it.each<[string, RenewalPricing]>([
    ['list without an ssp', { kind: 'list' }],
    ['a non-numeric uplift', { kind: 'uplift', percent: 'lots' }],
  ])('fails for %s', (_, pricing) => {
    const nq = quoteOf([
      { id: 'L1', sku: 'NOLIST', quantity: 1, netTotal: '100.00' },
    ]);
    const [c] = contractsOf(nq, ordersOf(nq), 'single');
    const r = planRenewal(c, { pricing, catalog });
    expect(!r.ok && r.error.code).toBe('invalid_input');
  });
});
