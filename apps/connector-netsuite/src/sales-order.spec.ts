import type { SyncEventPayload, SyncOrderDocument, SyncOrderLine } from '@signet/sync-contracts';
import { toSalesOrder } from './sales-order';
import { ConnectorError } from '@signet/connector-core';

function orderLine(position: number, over: Partial<SyncOrderLine> = {}): SyncOrderLine {
  return {
    lineId: `l-${position}`,
    position,
    sku: `SKU-${position}`,
    productName: `Product ${position}`,
    chargeType: 'one-time',
    quantity: '2',
    netTotal: '150.50',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    ...over,
  };
}

function order(over: Partial<SyncOrderDocument> = {}): SyncOrderDocument {
  return {
    kind: 'order',
    id: 'o-1',
    number: 'SO-00042',
    quoteId: 'q-1',
    status: 'activated',
    currency: 'EUR',
    effectiveDate: '2026-01-01',
    activatedOn: '2026-01-03',
    netTotal: '301.00',
    account: { id: 'a-1', name: 'Acme', accountNumber: 'ACC-1', externalIds: { netsuite: '4711' } },
    lines: [orderLine(2), orderLine(1, { chargeType: 'recurring', quantity: '3', netTotal: '100.00' })],
    ...over,
  };
}

function event(type: SyncEventPayload['type'], document: SyncOrderDocument): SyncEventPayload {
  return { version: 1, eventId: 'e-1', type, objectType: 'order', objectId: document.id, objectNumber: document.number, occurredAt: '2026-01-03T10:00:00Z', connector: 'netsuite', sequence: 1, document };
}

describe('toSalesOrder', () => {
  it('maps an activated order to a salesOrder keyed by the order number', () => {
    const doc = order();
    expect(toSalesOrder(event('order.activated', doc), doc)).toEqual({
      externalId: 'SO-00042',
      entity: { id: '4711' },
      tranDate: '2026-01-03',
      currency: { refName: 'EUR' },
      otherRefNum: 'SO-00042',
      memo: 'Signet order SO-00042',
      orderStatus: { id: 'B' },
      item: {
        items: [
          { item: { externalId: 'SKU-1' }, description: 'Product 1 (2026-01-01 to 2026-12-31)', quantity: 3, amount: 100, rate: 33.333333, isClosed: false },
          { item: { externalId: 'SKU-2' }, description: 'Product 2', quantity: 2, amount: 150.5, rate: 75.25, isClosed: false },
        ],
      },
    });
  });

  it.each([
    ['activated', 'order.activated', 'activated', false],
    ['changed', 'order.changed', 'activated', false],
    ['cancelled (event)', 'order.cancelled', 'cancelled', true],
    ['cancelled (document status)', 'order.changed', 'cancelled', true],
  ] as const)('%s closes lines: %s', (_label, type, status, closed) => {
    const doc = order({ status });
    const so = toSalesOrder(event(type, doc), doc);
    expect(so.item.items.map((l) => l.isClosed)).toEqual([closed, closed]);
    expect(so.memo.endsWith('(cancelled)')).toBe(closed);
  });

  it('uses the effective date when the order has no activation date, and the first ship-to', () => {
    const doc = order({
      activatedOn: null,
      lines: [orderLine(1), orderLine(2, { shipTo: { name: 'Acme Dock 4', street: '1 Quay', city: 'Hamburg', postalCode: '20457', country: 'de' } })],
    });
    const so = toSalesOrder(event('order.activated', doc), doc);
    expect(so.tranDate).toBe('2026-01-01');
    expect(so.shippingAddress).toEqual({ addressee: 'Acme Dock 4', addr1: '1 Quay', city: 'Hamburg', zip: '20457', country: { id: 'DE' } });
  });

  it('refuses an account without a NetSuite customer id, before any call', () => {
    const doc = order({ account: { id: 'a-9', name: 'NoErp', accountNumber: 'ACC-9', externalIds: { sap: '1000' } } });
    const attempt = () => toSalesOrder(event('order.activated', doc), doc);
    expect(attempt).toThrow(ConnectorError);
    expect(attempt).toThrow(expect.objectContaining({ kind: 'unrecoverable', code: 'missing_erp_id' }));
  });

  it('refuses a quantity that is not a number', () => {
    const doc = order({ lines: [orderLine(1, { quantity: 'two' })] });
    expect(() => toSalesOrder(event('order.activated', doc), doc)).toThrow(expect.objectContaining({ code: 'invalid_payload' }));
  });
});
