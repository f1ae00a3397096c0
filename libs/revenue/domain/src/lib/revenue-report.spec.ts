import { parseLocalDate, unwrap } from '@signet/shared-kernel';
import { contractOrders, amendContract } from '@signet/contracts-domain';
import { ctx, order, quoteOf, scenario09, activate } from '../testing/fixtures';
import { deferredAt, recognisedAt, revenueReport } from './revenue-report';
import type { AllocationMethod, RevenueReport } from './revenue-model';

const periods = (r: RevenueReport) =>
  Object.fromEntries([...r.byPeriod].map(([k, v]) => [k, v.toFixed2()]));

const expected09: Record<AllocationMethod, Record<string, string>> = {
  'relative-ssp': {
    '2025-01': '1518.93',
    '2025-02': '1871.31',
    '2025-03': '1577.66',
    '2025-04': '961.01',
    '2025-05': '993.05',
    '2025-06': '961.01',
    '2025-07': '993.04',
    '2025-08': '993.05',
    '2025-09': '961.01',
    '2025-10': '993.04',
    '2025-11': '961.01',
    '2025-12': '993.05',
    '2026-01': '448.47',
  },
  none: {
    '2025-01': '1458.90',
    '2025-02': '1820.55',
    '2025-03': '1519.18',
    '2025-04': '986.30',
    '2025-05': '1019.18',
    '2025-06': '986.30',
    '2025-07': '1019.18',
    '2025-08': '1019.18',
    '2025-09': '986.30',
    '2025-10': '1019.18',
    '2025-11': '986.30',
    '2025-12': '1019.18',
    '2026-01': '460.27',
  },
};

describe('revenueReport (conformance 09/10)', () => {
  it.each<[string, Parameters<typeof scenario09>[0], AllocationMethod, string]>(
    [
      [
        'split, relative SSP',
        { by: 'fields.site' },
        'relative-ssp',
        '14225.64',
      ],
      ['unsplit, relative SSP', {}, 'relative-ssp', '14225.64'],
      ['split, no allocation', { by: 'fields.site' }, 'none', '14300.00'],
      ['unsplit, no allocation', {}, 'none', '14300.00'],
    ],
  )('%s', (_, split, allocation, total) => {
    const { quote, orders } = scenario09(split);
    const r = revenueReport({ quote, orders, contracts: [], allocation });
    expect(periods(r)).toEqual(expected09[allocation]);
    expect(r.total.toFixed2()).toBe(total);
    expect(r.transactionPrice.toFixed2()).toBe('15200.00');
  });

  it.each<[string, string]>([
    ['2025-01-14', '15200.00'],
    ['2025-01-31', '13681.07'],
    ['2025-06-30', '7317.03'],
    ['2026-01-31', '974.36'],
  ])('deferred at %s = %s', (day, amount) => {
    const { quote, orders } = scenario09();
    const r = revenueReport({
      quote,
      orders,
      contracts: [],
      allocation: 'relative-ssp',
    });
    expect(deferredAt(r, parseLocalDate(day)).toFixed2()).toBe(amount);
  });
});

describe('revenueReport: what counts', () => {
  it('allocates drafts but recognises and defers only activated orders', () => {
    const quote = quoteOf();
    const orders = activate(order(quote, [], { by: 'fields.site' }), 'Paris');
    const r = revenueReport({
      quote,
      orders,
      contracts: [],
      allocation: 'relative-ssp',
    });
    expect(r.lines.map((l) => l.lineId)).toEqual(['L1', 'L2', 'L3']);
    expect(r.schedules.map((s) => s.id)).toEqual(['O2:L2']);
    expect(deferredAt(r, parseLocalDate('2025-01-14')).toFixed2()).toBe(
      '11692.30',
    );
    expect(r.total.toFixed2()).toBe('11692.30');
  });

  it('spreads a line ordered in two orders by quantity', () => {
    const quote = quoteOf();
    let orders = order(quote, [], { lines: ['L2'], quantities: { L2: 3 } });
    orders = order(quote, orders, { by: 'group', lines: ['L2'] });
    orders = activate(activate(orders, 'all'), '(none)');
    const r = revenueReport({
      quote,
      orders,
      contracts: [],
      allocation: 'none',
    });
    expect(r.schedules.map((s) => `${s.id} ${s.amount.toFixed2()}`)).toEqual([
      'O1:L2 3600.00',
      'O2:L2 8400.00',
    ]);
    expect(r.total.toFixed2()).toBe('12000.00');
  });

  it('recognises amendment deltas ratably without re-allocating them', () => {
    const quote = quoteOf([
      { id: 'L1', sku: 'SUB', quantity: 10, netTotal: '12000.00' },
    ]);
    const orders = activate(order(quote, [], {}), 'all');
    const [contract] = unwrap(
      contractOrders({
        quote,
        orders,
        method: 'single',
        existing: [],
        newId: () => 'C1',
        firstSequence: 1,
        ctx,
      }),
    );
    const amended = unwrap(
      amendContract(contract, {
        effective: parseLocalDate('2025-07-01'),
        changes: [{ sku: 'SUB', quantityDelta: -2 }],
        ctx,
      }),
    );
    const r = revenueReport({
      quote,
      orders,
      contracts: [amended],
      allocation: 'relative-ssp',
    });
    expect(r.lines[0].allocated.toFixed2()).toBe('12000.00');
    expect(r.total.toFixed2()).toBe('10698.08');
    expect(recognisedAt(r, parseLocalDate('2026-01-14')).toFixed2()).toBe(
      '10698.08',
    );
    expect(deferredAt(r, parseLocalDate('2025-06-30')).toFixed2()).toBe(
      r.total.sub(recognisedAt(r, parseLocalDate('2025-06-30'))).toFixed2(),
    );
  });

  it('lists only months with a non-zero amount', () => {
    const { quote, orders } = scenario09();
    const onlyHardware = orders.filter((o) =>
      o.lines.some((l) => l.lineId === 'L1'),
    );
    const r = revenueReport({
      quote,
      orders: onlyHardware,
      contracts: [],
      allocation: 'none',
    });
    expect(periods(r)).toEqual({
      '2025-01': '900.00',
      '2025-02': '900.00',
      '2025-03': '500.00',
    });
  });
});
