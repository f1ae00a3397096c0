import type { SyncEventPayload, SyncOrderDocument, SyncOrderLine } from '@signet/sync-contracts';
import type { SapSettings } from '../settings';

/** Test data factories (used by specs only). */
export const SAP_SETTINGS: SapSettings = {
  baseUrl: 'http://127.0.0.1:1/sap/opu/odata/sap/API_SALES_ORDER_SRV',
  auth: { kind: 'basic', username: 'SIGNET', password: 'secret' },
  salesOrganization: '1710',
  distributionChannel: '10',
  division: '00',
  orderType: 'OR',
  pollIntervalMs: 60_000,
};

export function line(position: number, overrides: Partial<SyncOrderLine> = {}): SyncOrderLine {
  return {
    lineId: `L${position}`,
    position,
    sku: `SKU-${position}`,
    productName: `Product ${position}`,
    chargeType: 'one-time',
    quantity: '3.0000',
    netTotal: '300.00',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    shipTo: null,
    ...overrides,
  };
}

export function orderDocument(overrides: Partial<SyncOrderDocument> = {}): SyncOrderDocument {
  return {
    kind: 'order',
    id: 'o-1',
    number: 'ORD-000123',
    quoteId: 'q-1',
    status: 'activated',
    currency: 'USD',
    effectiveDate: '2027-01-01',
    activatedOn: '2026-11-28',
    netTotal: '315.00',
    account: { id: 'a-1', name: 'Acme GmbH', accountNumber: 'ACME', externalIds: { sap: '17100001' } },
    lines: [line(1), line(2, { quantity: '1.5000', netTotal: '15.00' })],
    ...overrides,
  };
}

let sequence = 0;
export function event(type: SyncEventPayload['type'], document: SyncOrderDocument = orderDocument()): SyncEventPayload {
  sequence += 1;
  return {
    version: 1,
    eventId: `evt-${sequence}`,
    type,
    objectType: 'order',
    objectId: document.id,
    objectNumber: document.number,
    occurredAt: '2026-11-28T12:00:00Z',
    connector: 'sap',
    sequence,
    document,
  };
}
