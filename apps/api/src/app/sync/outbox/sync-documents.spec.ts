import { buildContractDocument, buildOrderDocument, documentTotal, externalIds, type OrderLineRow, toCents } from './sync-documents';

const account = { id: 'a1', name: 'Acme GmbH', account_number: 'ACC-1', external_ids: { sap: ' 1000123 ', netsuite: '', webhook: null, other: 'x' } };
const noShipTo = { ship_to_name: null, ship_to_street: null, ship_to_city: null, ship_to_postal_code: null, ship_to_region: null, ship_to_country: null };
const line = (position: number, extra: Partial<OrderLineRow> = {}): OrderLineRow => ({
  line_id: `l${position}`,
  position,
  sku: `SKU-${position}`,
  product_name: `Product ${position}`,
  charge_type: position === 1 ? 'recurring' : 'one-time',
  quantity: '2.0000',
  net_total: '100.50',
  start_date: '2026-01-01',
  end_date: '2026-12-31',
  ...noShipTo,
  ...extra,
});
const order = {
  id: 'o1',
  number: 'O-000001',
  quote_id: 'q1',
  status: 'activated' as const,
  currency: 'EUR',
  effective_date: '2026-01-01',
  activated_on: '2026-01-02',
  net_total: '201.00',
};

describe('buildOrderDocument', () => {
  it('orders lines by position, keeps decimals as strings and maps the ship-to location', () => {
    const doc = buildOrderDocument(order, account, [
      line(2, { ship_to_name: 'Berlin', ship_to_city: 'Berlin', ship_to_country: 'DE', ship_to_street: '' }),
      line(1),
    ]);
    expect(doc).toMatchObject({ kind: 'order', number: 'O-000001', currency: 'EUR', netTotal: '201.00', activatedOn: '2026-01-02' });
    expect(doc.lines.map((l) => [l.position, l.chargeType, l.quantity, l.netTotal])).toEqual([
      [1, 'recurring', '2.0000', '100.50'],
      [2, 'one-time', '2.0000', '100.50'],
    ]);
    expect(doc.lines[0].shipTo).toBeNull();
    expect(doc.lines[1].shipTo).toEqual({ name: 'Berlin', city: 'Berlin', country: 'DE' });
  });

  it('carries only the non-empty ERP ids of known connectors', () => {
    expect(buildOrderDocument(order, account, []).account).toEqual({ id: 'a1', name: 'Acme GmbH', accountNumber: 'ACC-1', externalIds: { sap: '1000123' } });
    expect(externalIds(null)).toEqual({});
  });
});

describe('buildContractDocument and totals', () => {
  const contract = { id: 'c1', number: 'C-000001', status: 'activated', currency: 'USD', start_date: '2026-01-01', end_date: '2026-12-31' };
  const sub = (id: string, net: string) => ({ id, sku: 'S', quantity: '1.0000', start_date: '2026-01-01', end_date: '2026-12-31', net_total: net });

  it('lists subscriptions and assets', () => {
    const doc = buildContractDocument(contract, account, [sub('s1', '10.10')], [{ id: 'as1', sku: 'HW', quantity: '3.0000', status: 'active' }]);
    expect(doc.subscriptions).toEqual([{ id: 's1', sku: 'S', quantity: '1.0000', startDate: '2026-01-01', endDate: '2026-12-31', netTotal: '10.10' }]);
    expect(doc.assets).toEqual([{ id: 'as1', sku: 'HW', quantity: '3.0000', status: 'active' }]);
  });

  it.each<[string[], string]>([
    [['0.10', '0.20'], '0.30'],
    [['100', '-250.5'], '-150.50'],
    [[], '0.00'],
    [['99999999999999.99', '0.01'], '100000000000000.00'],
  ])('sums subscription totals %j exactly to %s', (totals, expected) => {
    const doc = buildContractDocument(contract, account, totals.map((t, i) => sub(`s${i}`, t)), []);
    expect(documentTotal(doc)).toBe(expected);
  });

  it('uses the order total for orders and refuses non-amounts', () => {
    expect(documentTotal(buildOrderDocument(order, account, []))).toBe('201.00');
    expect(toCents('-0.5')).toBe(-50n);
    expect(() => toCents('1e3')).toThrow('not a money amount');
  });
});
