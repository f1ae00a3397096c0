import { checkAgainstEdmx, loadSapSalesOrderEdmx } from '@signet/testing';
import { toDeepInsert, toHeaderUpdate, toItemQuantityUpdate, toItemRejection } from './sap-mapping';
import { line, orderDocument, SAP_SETTINGS } from './testing/fixtures';

/**
 * Every payload the SAP connector can send, checked against SAP's own `$metadata` for
 * API_SALES_ORDER_SRV (../shared/specs/erp/sap-s4hana/API_SALES_ORDER_SRV.edmx), parsed here.
 */
describe('SAP payloads against the API_SALES_ORDER_SRV EDMX', () => {
  const edmx = loadSapSalesOrderEdmx();
  const shipTo = { name: 'Acme Logistics Centre West', street: 'Industriestraße 12', postalCode: '40210', city: 'Düsseldorf', region: 'NW', country: 'DE' };
  // Edge values: longest names, most decimals, largest whole quantity used as pricing unit.
  const edgeLines = [
    line(1, { sku: 'M'.repeat(40), productName: 'A product name well beyond forty characters long', quantity: '99999.0000', netTotal: '1234567.89' }),
    line(2, { quantity: '0.0010', netTotal: '0.01', shipTo }),
    line(3, { quantity: '7.1250', netTotal: '100.00' }),
  ];

  const payloads: Array<[string, string, 'create' | 'update', Record<string, unknown>]> = [
    ['deep insert without ship-to', 'A_SalesOrderType', 'create', toDeepInsert(orderDocument(), SAP_SETTINGS)],
    ['deep insert with ship-to on every line', 'A_SalesOrderType', 'create', toDeepInsert(orderDocument({ lines: [line(1, { shipTo }), line(2, { shipTo })] }), SAP_SETTINGS)],
    ['deep insert at the field limits', 'A_SalesOrderType', 'create', toDeepInsert(orderDocument({ number: 'N'.repeat(35), currency: 'EUR', account: { id: 'a', name: 'A', accountNumber: null, externalIds: { sap: '9999999999' } }, lines: edgeLines }), SAP_SETTINGS)],
    ['header update (order.changed)', 'A_SalesOrderType', 'update', toHeaderUpdate(orderDocument({ number: 'N'.repeat(35) }))],
    ['item quantity update (order.changed)', 'A_SalesOrderItemType', 'update', toItemQuantityUpdate(line(1, { quantity: '123456789012.5000' }))],
    ['item rejection (order.cancelled)', 'A_SalesOrderItemType', 'update', toItemRejection()],
  ];

  it.each(payloads)('%s fits %s', (_label, typeName, mode, payload) => {
    expect(checkAgainstEdmx(edmx, typeName, payload, mode)).toEqual([]);
  });

  it('walks the navigation properties it sends (to_Item, to_Partner, to_Text, to_PricingElement)', () => {
    const body = toDeepInsert(orderDocument({ lines: [line(1, { shipTo })] }), SAP_SETTINGS);
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['to_Item', 'to_Partner']));
    expect(edmx['A_SalesOrderType'].navigation['to_Item']).toEqual({ type: 'A_SalesOrderItemType', many: true });
    expect(edmx['A_SalesOrderType'].navigation['to_Partner']).toEqual({ type: 'A_SalesOrderHeaderPartnerType', many: true });
    expect(edmx['A_SalesOrderItemType'].navigation['to_Text']).toEqual({ type: 'A_SalesOrderItemTextType', many: true });
    expect(edmx['A_SalesOrderItemType'].navigation['to_PricingElement']).toEqual({ type: 'A_SalesOrderItemPrElementType', many: true });
  });

  // The checker itself must bite, or the tests above prove nothing.
  it.each([
    ['an unknown property', { Colour: 'red' }, 'A_SalesOrderType.Colour: no such property'],
    ['a string over MaxLength', { PurchaseOrderByCustomer: 'N'.repeat(36) }, 'longer than MaxLength 35'],
    ['a decimal as a JSON number', { to_Item: { results: [{ RequestedQuantity: 3 }] } }, 'Edm.Decimal travels as a decimal string'],
    ['too many decimals', { to_Item: { results: [{ RequestedQuantity: '1.2345' }] } }, 'more than 3 decimals'],
    ['an ISO date instead of /Date()/', { RequestedDeliveryDate: '2027-01-01' }, 'travels as /Date(ms)/'],
    ['a non-creatable property', { TotalNetAmount: '1.000' }, 'not creatable'],
    ['a navigation property that is not a collection', { to_Item: [{ Material: 'x' }] }, 'expected { results: [...] }'],
    ['an unknown nested property', { to_Partner: { results: [{ PartnerFunction: 'SH', Address: 'x' }] } }, 'to_Partner[0].Address: no such property'],
  ])('the checker catches %s', (_label, payload, message) => {
    expect(checkAgainstEdmx(edmx, 'A_SalesOrderType', payload, 'create').join('\n')).toContain(message);
  });
});
