import type { SyncAddress, SyncEventPayload, SyncOrderDocument, SyncOrderLine } from '@signet/sync-contracts';
import { ConnectorError, ErrorCode } from '@signet/connector-core';

/** The part of NetSuite's `salesOrder` record Signet writes (REST record service field names). */
export interface NetsuiteSalesOrder {
  externalId: string;
  entity: { id: string };
  tranDate: string;
  currency: { refName: string };
  otherRefNum: string;
  memo: string;
  orderStatus: { id: 'B' };
  shippingAddress?: NetsuiteAddress;
  item: { items: NetsuiteOrderLine[] };
}

export interface NetsuiteOrderLine {
  item: { externalId: string };
  description: string;
  quantity: number;
  amount: number;
  rate: number;
  isClosed: boolean;
}

export interface NetsuiteAddress {
  addressee?: string;
  addr1?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: { id: string };
}

function decimal(value: string, field: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new ConnectorError('unrecoverable', ErrorCode.InvalidPayload, `${field} '${value}' is not a decimal number`);
  return n;
}

function address(a: SyncAddress): NetsuiteAddress {
  return {
    ...(a.name ? { addressee: a.name } : {}),
    ...(a.street ? { addr1: a.street } : {}),
    ...(a.city ? { city: a.city } : {}),
    ...(a.region ? { state: a.region } : {}),
    ...(a.postalCode ? { zip: a.postalCode } : {}),
    ...(a.country ? { country: { id: a.country.toUpperCase() } } : {}),
  };
}

function line(l: SyncOrderLine, closed: boolean): NetsuiteOrderLine {
  const quantity = decimal(l.quantity, `line ${l.position} quantity`);
  const amount = decimal(l.netTotal, `line ${l.position} netTotal`);
  return {
    item: { externalId: l.sku },
    description: l.chargeType === 'recurring' ? `${l.productName} (${l.startDate} to ${l.endDate})` : l.productName,
    quantity,
    amount,
    rate: quantity === 0 ? 0 : Math.round((amount / quantity) * 1e6) / 1e6,
    isClosed: closed,
  };
}

/**
 * Maps an order event to the salesOrder written by `PUT …/salesOrder/eid:<order number>`.
 * NetSuite cannot cancel a sales order through a status field (only A pending approval and
 * B pending fulfilment can be set); an order is closed by closing every line, which is what a
 * cancellation sends. The header ship-to is the first line's, since a NetSuite order has one.
 */
export function toSalesOrder(event: SyncEventPayload, order: SyncOrderDocument): NetsuiteSalesOrder {
  const customer = order.account.externalIds.netsuite;
  if (!customer) {
    throw new ConnectorError('unrecoverable', ErrorCode.MissingErpId, `Account ${order.account.accountNumber ?? order.account.name} has no NetSuite customer id`, {
      accountId: order.account.id,
    });
  }
  const cancelled = event.type === 'order.cancelled' || order.status === 'cancelled';
  const shipTo = order.lines.find((l) => l.shipTo)?.shipTo;
  return {
    externalId: order.number,
    entity: { id: customer },
    tranDate: order.activatedOn ?? order.effectiveDate,
    currency: { refName: order.currency },
    otherRefNum: order.number,
    memo: cancelled ? `Signet order ${order.number} (cancelled)` : `Signet order ${order.number}`,
    orderStatus: { id: 'B' },
    ...(shipTo ? { shippingAddress: address(shipTo) } : {}),
    item: { items: [...order.lines].sort((a, b) => a.position - b.position).map((l) => line(l, cancelled)) },
  };
}
