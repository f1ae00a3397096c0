import { deliveriesToFact, type DeliveryRow } from './inbound-poll';

const row = (item: string, quantity: string, day: number, changed: number, so = '0000007'): DeliveryRow => ({
  ReferenceSDDocument: so,
  ReferenceSDDocumentItem: item,
  ActualDeliveryQuantity: quantity,
  ActualGoodsMovementDate: `/Date(${Date.UTC(2027, 0, day)})/`,
  LastChangeDateTime: `/Date(${changed}+0000)/`,
});

describe('deliveriesToFact', () => {
  it('sums deliveries per item into absolute quantities with the latest date', () => {
    const fact = deliveriesToFact('0000007', 'ORD-7', [row('10', '1.000', 3, 100), row('20', '2.000', 4, 200), row('10', '4.500', 6, 300), row('10', '9', 9, 400, '0000008')]);
    expect(fact).toEqual({
      version: 1,
      factId: 'delivery-0000007-300',
      connector: 'sap',
      kind: 'fulfilment',
      orderNumber: 'ORD-7',
      erpDocumentId: '0000007',
      occurredAt: new Date(300).toISOString(),
      fulfilment: { lines: [{ position: 1, quantity: '5.5', status: 'delivered', date: '2027-01-06' }, { position: 2, quantity: '2', status: 'delivered', date: '2027-01-04' }] },
    });
  });

  it('gives the same fact id for the same state, whatever the row order, and a new one after a new delivery', () => {
    const rows = [row('10', '1', 3, 100), row('20', '2', 4, 200)];
    expect(deliveriesToFact('0000007', 'ORD-7', [...rows].reverse())?.factId).toBe(deliveriesToFact('0000007', 'ORD-7', rows)?.factId);
    expect(deliveriesToFact('0000007', 'ORD-7', [...rows, row('10', '1', 5, 500)])?.factId).toBe('delivery-0000007-500');
  });

  it('makes no fact for an order without deliveries', () => {
    expect(deliveriesToFact('0000009', 'ORD-9', [row('10', '1', 3, 100)])).toBeNull();
  });
});
