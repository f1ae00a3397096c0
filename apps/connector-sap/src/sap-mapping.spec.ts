import { ConnectorError } from '@signet/connector-core';
import { formatAddress, odataDate, sapQuantity, toDeepInsert, toHeaderUpdate, toItemRejection } from './sap-mapping';
import { line, orderDocument, SAP_SETTINGS } from './testing/fixtures';

describe('SAP mapping', () => {
  it.each([
    ['2027-01-01', '/Date(1798761600000)/'],
    ['2026-02-28', '/Date(1772236800000)/'],
    ['1999-12-31', '/Date(946598400000)/'],
  ])('a business date %s is midnight UTC in OData v2 form', (iso, expected) => {
    expect(odataDate(iso)).toBe(expected);
  });

  it.each([
    ['3.0000', '3'],
    ['1.5000', '1.5'],
    ['0.0010', '0.001'],
    ['12', '12'],
  ])('quantity %s → %s', (q, expected) => expect(sapQuantity(q, 'line 1')).toBe(expected));

  it.each([
    ['0.0001', 'more than the 3 decimals'],
    ['0', 'must be positive'],
    ['1000000000000', 'too large'],
  ])('refuses quantity %s (unrecoverable, never rounded)', (q, message) => {
    expect(() => sapQuantity(q, 'line 1')).toThrow(message);
    expect(() => sapQuantity(q, 'line 1')).toThrow(ConnectorError);
  });

  it('maps an order to a deep insert: sales area from settings, sold-to from the account, items by position, price conditions', () => {
    expect(toDeepInsert(orderDocument(), SAP_SETTINGS)).toEqual({
      SalesOrderType: 'OR',
      SalesOrganization: '1710',
      DistributionChannel: '10',
      OrganizationDivision: '00',
      SoldToParty: '17100001',
      PurchaseOrderByCustomer: 'ORD-000123',
      CustomerPurchaseOrderDate: '/Date(1795824000000)/',
      RequestedDeliveryDate: '/Date(1798761600000)/',
      TransactionCurrency: 'USD',
      to_Item: {
        results: [
          { SalesOrderItem: '10', Material: 'SKU-1', SalesOrderItemText: 'Product 1', RequestedQuantity: '3', RequestedQuantityUnit: 'EA', to_PricingElement: { results: [{ ConditionType: 'PR00', ConditionRateValue: '300', ConditionCurrency: 'USD', ConditionQuantity: '3', ConditionQuantityUnit: 'EA' }] } },
          { SalesOrderItem: '20', Material: 'SKU-2', SalesOrderItemText: 'Product 2', RequestedQuantity: '1.5', RequestedQuantityUnit: 'EA', to_PricingElement: { results: [{ ConditionType: 'PR00', ConditionRateValue: '10', ConditionCurrency: 'USD', ConditionQuantity: '1', ConditionQuantityUnit: 'EA' }] } },
        ],
      },
    });
  });

  it('adds the ship-to partner and the address as item text when a line has a ship-to', () => {
    const shipTo = { name: 'Acme Berlin', street: 'Unter den Linden 1', postalCode: '10117', city: 'Berlin', country: 'DE' };
    const body = toDeepInsert(orderDocument({ lines: [line(1, { shipTo }), line(2)] }), SAP_SETTINGS);
    expect(body['to_Partner']).toEqual({ results: [{ PartnerFunction: 'SH', Customer: '17100001' }] });
    const [first, second] = (body['to_Item'] as { results: Array<Record<string, unknown>> }).results;
    expect(first['to_Partner']).toEqual({ results: [{ PartnerFunction: 'SH', Customer: '17100001' }] });
    expect(first['to_Text']).toEqual({ results: [{ Language: 'EN', LongTextID: 'Z001', LongText: 'Acme Berlin\nUnter den Linden 1\n10117 Berlin\nDE' }] });
    expect(second['to_Partner']).toBeUndefined();
    expect(formatAddress({ name: 'Only a name' })).toBe('Only a name');
  });

  it('truncates a long product name to the 40 characters of the item text', () => {
    const body = toDeepInsert(orderDocument({ lines: [line(1, { productName: 'P'.repeat(60) })] }), SAP_SETTINGS);
    expect((body['to_Item'] as { results: Array<Record<string, unknown>> }).results[0]['SalesOrderItemText']).toBe('P'.repeat(40));
  });

  it('refuses to send without the account SAP id, naming the account, before any call', () => {
    const order = orderDocument({ account: { id: 'a-9', name: 'No Id Ltd', accountNumber: null, externalIds: {} } });
    let error: unknown;
    try {
      toDeepInsert(order, SAP_SETTINGS);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'unrecoverable', code: 'missing_erp_id', detail: { accountId: 'a-9', accountName: 'No Id Ltd' } });
    expect((error as Error).message).toContain("Account 'No Id Ltd' has no SAP customer id");
  });

  it.each([
    ['a SKU over 40 characters', { lines: [line(1, { sku: 'S'.repeat(41) })] }, 'material number'],
    ['an order number over 35 characters', { number: 'N'.repeat(36) }, '35-character'],
    ['no lines', { lines: [] }, 'has no lines'],
    ['a SAP id over 10 characters', { account: { id: 'a', name: 'A', accountNumber: null, externalIds: { sap: '12345678901' } } }, 'longer than 10'],
  ])('refuses %s as unrecoverable', (_label, overrides, message) => {
    expect(() => toDeepInsert(orderDocument(overrides), SAP_SETTINGS)).toThrow(message);
  });

  it('maps a change to the header fields Signet owns, and a cancellation to a rejection reason', () => {
    expect(toHeaderUpdate(orderDocument({ effectiveDate: '2027-02-01' }))).toEqual({ RequestedDeliveryDate: '/Date(1801440000000)/', PurchaseOrderByCustomer: 'ORD-000123' });
    expect(toItemRejection()).toEqual({ SalesDocumentRjcnReason: '50' });
  });
});
