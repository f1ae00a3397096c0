import { dec } from '@signet/shared-kernel';
import { order, quoteOf, scenario09 } from '../testing/fixtures';
import {
  allocateTransactionPrice,
  orderedNetTotal,
  sspWeight,
} from './allocate-by-ssp';
import type { AllocationMethod } from './revenue-model';

const amounts = (xs: { lineId: string; allocated: { toFixed2(): string } }[]) =>
  Object.fromEntries(xs.map((x) => [x.lineId, x.allocated.toFixed2()]));

describe('allocateTransactionPrice', () => {
  it.each<[string, AllocationMethod, Record<string, string>]>([
    [
      'relative SSP (conformance 09)',
      'relative-ssp',
      { L1: '2923.08', L2: '11692.30', L3: '584.62' },
    ],
    [
      'none keeps net totals',
      'none',
      { L1: '2700.00', L2: '12000.00', L3: '500.00' },
    ],
  ])('%s', (_, method, expected) => {
    const { quote, orders } = scenario09();
    expect(amounts(allocateTransactionPrice(quote, orders, method))).toEqual(
      expected,
    );
  });

  it('is the same however the quote is split', () => {
    const split = scenario09({ by: 'fields.site' });
    const whole = scenario09({});
    expect(
      amounts(
        allocateTransactionPrice(split.quote, split.orders, 'relative-ssp'),
      ),
    ).toEqual(
      amounts(
        allocateTransactionPrice(whole.quote, whole.orders, 'relative-ssp'),
      ),
    );
  });

  it('allocates a partially ordered line on its ordered quantity; unordered lines get nothing', () => {
    const quote = quoteOf();
    const orders = order(quote, [], {
      lines: ['L1', 'L2'],
      quantities: { L2: 4 },
    });
    const lines = allocateTransactionPrice(quote, orders, 'relative-ssp');
    // transaction price 2700 + round(12000 × 4 ÷ 10) = 7500; weights 3000 and 4800
    expect(amounts(lines)).toEqual({ L1: '2884.62', L2: '4615.38' });
    expect(lines.map((l) => l.netTotal.toFixed2())).toEqual([
      '2700.00',
      '4800.00',
    ]);
  });

  it('ignores cancelled orders and includes drafts', () => {
    const quote = quoteOf();
    const orders = order(quote, [], { by: 'fields.site' }).map((o) =>
      o.key === 'Paris' ? { ...o, status: 'cancelled' as const } : o,
    );
    expect(
      amounts(allocateTransactionPrice(quote, orders, 'relative-ssp')),
    ).toEqual({ L1: '2666.67', L3: '533.33' });
  });

  it('weighs a product without SSP by its net total', () => {
    const quote = quoteOf([
      { id: 'A', sku: 'HW', quantity: 1, netTotal: '900.00' },
      { id: 'B', sku: 'FREE', quantity: 1, netTotal: '100.00' },
    ]);
    expect(
      amounts(
        allocateTransactionPrice(quote, order(quote, [], {}), 'relative-ssp'),
      ),
    ).toEqual({ A: '909.09', B: '90.91' });
  });
});

describe('weights and contributions', () => {
  const quote = quoteOf([
    { id: 'S', sku: 'SUB', quantity: 2, netTotal: '1000.00', termMonths: 6 },
    { id: 'H', sku: 'HW', quantity: 3, netTotal: '100.00' },
  ]);
  it.each<[string, number, string, string]>([
    ['S', 2, '1200', '1000.00'],
    ['S', 1, '600', '500.00'],
    ['H', 3, '3000', '100.00'],
    ['H', 1, '1000', '33.33'],
  ])('line %s × %i: weight %s, contribution %s', (id, qty, weight, net) => {
    const line = quote.byId.get(id);
    if (!line) throw new Error('missing line');
    const contribution = orderedNetTotal(line, dec(qty));
    expect(contribution.toFixed2()).toBe(net);
    expect(sspWeight(line, dec(qty), contribution).toString()).toBe(weight);
  });
});
