import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import {
  contractsOf,
  ctx,
  mixedLines,
  ordersOf,
  quoteOf,
} from '../testing/fixtures';
import { amendContract, type AmendmentChange } from './amend-contract';
import type { Contract } from './contract-model';

const coterm = quoteOf([
  { id: 'L1', sku: 'SUB', quantity: 10, netTotal: '12000.00' },
  { id: 'L2', sku: 'SUP', quantity: 6, netTotal: '3000.00' },
]);
const [single] = contractsOf(coterm, ordersOf(coterm), 'single');
const mixed = quoteOf(mixedLines, null);
const byEnd = contractsOf(mixed, ordersOf(mixed), 'by-end-date');

const amend = (c: Contract, effective: string, changes: AmendmentChange[]) =>
  amendContract(c, { effective: parseLocalDate(effective), changes, ctx });
const deltas = (c: Contract) =>
  c.deltas.map(
    (d) =>
      `${d.sku} ${d.quantity.toString()} ${d.start}…${d.end} ${d.netTotal.toFixed2()}`,
  );

describe('amendContract: co-terminated proration', () => {
  it.each<[string, Contract, string, AmendmentChange[], string[]]>([
    [
      'positive and negative deltas (conformance 08)',
      single,
      '2025-07-01',
      [
        { sku: 'SUB', quantityDelta: 5 },
        { sku: 'SUP', quantityDelta: -2 },
      ],
      [
        'SUB 5 2025-07-01…2026-01-14 3254.79',
        'SUP -2 2025-07-01…2026-01-14 -542.47',
      ],
    ],
    [
      'a 6-month subscription (conformance 07)',
      byEnd[0],
      '2025-06-01',
      [{ sku: 'SUB', quantityDelta: 1 }],
      ['SUB 1 2025-06-01…2025-08-31 275.00'],
    ],
    [
      'mid-month effective date (conformance 07)',
      byEnd[1],
      '2025-07-15',
      [{ sku: 'SUB', quantityDelta: 2 }],
      ['SUB 2 2025-07-15…2026-01-14 1209.86'],
    ],
    [
      'on the first day: the full price',
      single,
      '2025-01-15',
      [{ sku: 'SUB', quantityDelta: 1 }],
      ['SUB 1 2025-01-15…2026-01-14 1200.00'],
    ],
    [
      'on the last day: one day',
      single,
      '2026-01-14',
      [{ sku: 'SUB', quantityDelta: 1 }],
      ['SUB 1 2026-01-14…2026-01-14 3.29'],
    ],
    [
      'down to exactly zero',
      single,
      '2025-07-01',
      [{ sku: 'SUP', quantityDelta: -6 }],
      ['SUP -6 2025-07-01…2026-01-14 -1627.40'],
    ],
    [
      'two changes of one sku apply in turn',
      single,
      '2025-07-01',
      [
        { sku: 'SUP', quantityDelta: 2 },
        { sku: 'SUP', quantityDelta: -8 },
      ],
      [
        'SUP 2 2025-07-01…2026-01-14 542.47',
        'SUP -8 2025-07-01…2026-01-14 -2169.86',
      ],
    ],
    [
      'fractional units',
      single,
      '2025-07-01',
      [{ sku: 'SUB', quantityDelta: '0.5' }],
      ['SUB 0.5 2025-07-01…2026-01-14 325.48'],
    ],
  ])('%s', (_, contract, effective, changes, expected) => {
    const r = unwrap(amend(contract, effective, changes));
    expect(deltas(r)).toEqual(expected);
    expect([r.start, r.end]).toEqual([contract.start, contract.end]);
    expect(r.history.at(-1)).toMatchObject({ event: 'amend', actor: 'tester' });
  });

  it('a later reduction may use units added by an earlier amendment', () => {
    const plus = unwrap(
      amend(single, '2025-03-01', [{ sku: 'SUP', quantityDelta: 4 }]),
    );
    const minus = unwrap(
      amend(plus, '2025-09-01', [{ sku: 'SUP', quantityDelta: -10 }]),
    );
    expect(deltas(minus)).toHaveLength(2);
  });

  it('an earlier reduction is checked against a later one already recorded', () => {
    const later = unwrap(
      amend(single, '2025-09-01', [{ sku: 'SUP', quantityDelta: -6 }]),
    );
    const r = amend(later, '2025-03-01', [{ sku: 'SUP', quantityDelta: -1 }]);
    expect(!r.ok && r.error.code).toBe('invalid_state');
  });

  it.each<[string, string, AmendmentChange[], string]>([
    [
      'below zero',
      '2025-07-01',
      [{ sku: 'SUP', quantityDelta: -7 }],
      'invalid_state',
    ],
    [
      'below zero by the second change',
      '2025-07-01',
      [
        { sku: 'SUP', quantityDelta: -3 },
        { sku: 'SUP', quantityDelta: -4 },
      ],
      'invalid_state',
    ],
    [
      'a sku not subscribed',
      '2025-07-01',
      [{ sku: 'HW', quantityDelta: 1 }],
      'invalid_state',
    ],
    [
      'before the subscription starts',
      '2025-01-14',
      [{ sku: 'SUB', quantityDelta: 1 }],
      'invalid_state',
    ],
    [
      'after it ends',
      '2026-01-15',
      [{ sku: 'SUB', quantityDelta: 1 }],
      'invalid_state',
    ],
    [
      'a zero delta',
      '2025-07-01',
      [{ sku: 'SUB', quantityDelta: 0 }],
      'invalid_input',
    ],
    ['no changes', '2025-07-01', [], 'invalid_input'],
  ])('fails for %s, changing nothing', (_, effective, changes, code) => {
    const r = amend(single, effective, changes);
    expect(!r.ok && r.error.code).toBe(code);
    expect(single.deltas).toEqual([]);
  });
});
