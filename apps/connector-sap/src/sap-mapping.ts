import { ConnectorError, ErrorCode } from '@signet/connector-core';
import type { SyncAddress, SyncOrderDocument, SyncOrderLine } from '@signet/sync-contracts';
import Decimal from 'decimal.js';
import type { SapSettings } from './settings';

/** Partner function of the ship-to party. */
export const SHIP_TO = 'SH';
/** Item text id carrying a line's ship-to address (a customer text id: set it up in SAP's text determination). */
export const SHIP_TO_TEXT_ID = 'Z001';
export const TEXT_LANGUAGE = 'EN';
/** Manual price condition carrying Signet's negotiated net price. */
export const PRICE_CONDITION = 'PR00';
export const QUANTITY_UNIT = 'EA';
/** Rejection reason set on every item of a cancelled order (a reason configured in SAP: "cancelled in Signet"). */
export const REJECTION_REASON = '50';

export type Row = Record<string, unknown>;

/** Field limits of API_SALES_ORDER_SRV we must check before sending (the EDMX contract test proves them). */
const LIMITS = { PurchaseOrderByCustomer: 35, Material: 40, SoldToParty: 10 } as const;

function invalid(message: string, detail?: unknown): ConnectorError {
  return new ConnectorError('unrecoverable', ErrorCode.Validation, message, detail);
}

/** OData v2 JSON form of an Edm.DateTime for an ISO business date: midnight UTC of that day. */
export function odataDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw invalid(`'${isoDate}' is not an ISO date (YYYY-MM-DD)`);
  return `/Date(${Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))})/`;
}

/** Edm.Decimal(15,3) as a string: trailing zeros dropped; more than 3 decimals is refused, not rounded. */
export function sapQuantity(quantity: string, where: string): string {
  const value = new Decimal(quantity);
  if (value.decimalPlaces() > 3) throw invalid(`${where}: quantity ${quantity} has more than the 3 decimals SAP keeps`);
  if (value.lte(0)) throw invalid(`${where}: quantity must be positive (got ${quantity})`);
  if (value.abs().gte(new Decimal(10).pow(12))) throw invalid(`${where}: quantity ${quantity} is too large for SAP`);
  return value.toFixed();
}

/** SAP item numbers step by ten (10, 20, …), following the line's position in the order. */
export function itemNumber(line: SyncOrderLine): string {
  return String(line.position * 10);
}

export function soldToParty(order: SyncOrderDocument): string {
  const id = order.account.externalIds.sap;
  if (!id) {
    throw new ConnectorError('unrecoverable', ErrorCode.MissingErpId, `Account '${order.account.name}' has no SAP customer id (sold-to party); set it on the account and re-drive`, {
      accountId: order.account.id,
      accountName: order.account.name,
    });
  }
  if (id.length > LIMITS.SoldToParty) throw invalid(`SAP customer id '${id}' of account '${order.account.name}' is longer than 10 characters`);
  return id;
}

export function formatAddress(address: SyncAddress): string {
  return [address.name, address.street, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country].filter((part) => part && part.length > 0).join('\n');
}

/** Price per condition quantity so that quantity × rate = the line's net total, exactly when the quantity is a whole number SAP can use as pricing unit. */
function priceCondition(line: SyncOrderLine, currency: string, quantity: string): Row {
  const q = new Decimal(quantity);
  const whole = q.isInteger() && q.lte(99_999);
  const rate = whole ? new Decimal(line.netTotal) : new Decimal(line.netTotal).div(q).toDecimalPlaces(9);
  return { ConditionType: PRICE_CONDITION, ConditionRateValue: rate.toFixed(), ConditionCurrency: currency, ConditionQuantity: whole ? q.toFixed() : '1', ConditionQuantityUnit: QUANTITY_UNIT };
}

function item(line: SyncOrderLine, order: SyncOrderDocument, soldTo: string): Row {
  const where = `line ${line.position} (${line.sku})`;
  if (line.sku.length > LIMITS.Material) throw invalid(`${where}: SKU is longer than SAP's 40-character material number`);
  const quantity = sapQuantity(line.quantity, where);
  const row: Row = {
    SalesOrderItem: itemNumber(line),
    Material: line.sku,
    SalesOrderItemText: line.productName.slice(0, 40),
    RequestedQuantity: quantity,
    RequestedQuantityUnit: QUANTITY_UNIT,
    to_PricingElement: { results: [priceCondition(line, order.currency, quantity)] },
  };
  if (line.shipTo) {
    row['to_Partner'] = { results: [{ PartnerFunction: SHIP_TO, Customer: soldTo }] };
    row['to_Text'] = { results: [{ Language: TEXT_LANGUAGE, LongTextID: SHIP_TO_TEXT_ID, LongText: formatAddress(line.shipTo) }] };
  }
  return row;
}

function purchaseOrder(order: SyncOrderDocument): string {
  if (order.number.length > LIMITS.PurchaseOrderByCustomer) throw invalid(`order number '${order.number}' is longer than SAP's 35-character customer reference`);
  return order.number;
}

/** `POST A_SalesOrder` body: header, items (`to_Item`) and partners (`to_Partner`) in one deep insert. */
export function toDeepInsert(order: SyncOrderDocument, settings: SapSettings): Row {
  const soldTo = soldToParty(order);
  if (order.lines.length === 0) throw invalid(`order ${order.number} has no lines to send`);
  const body: Row = {
    SalesOrderType: settings.orderType,
    SalesOrganization: settings.salesOrganization,
    DistributionChannel: settings.distributionChannel,
    OrganizationDivision: settings.division,
    SoldToParty: soldTo,
    PurchaseOrderByCustomer: purchaseOrder(order),
    CustomerPurchaseOrderDate: odataDate(order.activatedOn ?? order.effectiveDate),
    RequestedDeliveryDate: odataDate(order.effectiveDate),
    TransactionCurrency: order.currency,
    to_Item: { results: order.lines.map((line) => item(line, order, soldTo)) },
  };
  if (order.lines.some((line) => line.shipTo)) body['to_Partner'] = { results: [{ PartnerFunction: SHIP_TO, Customer: soldTo }] };
  return body;
}

/** `PATCH A_SalesOrder('…')` body for `order.changed`: what Signet may change on a synced order's header. */
export function toHeaderUpdate(order: SyncOrderDocument): Row {
  return { RequestedDeliveryDate: odataDate(order.effectiveDate), PurchaseOrderByCustomer: purchaseOrder(order) };
}

/** `PATCH A_SalesOrderItem(…)` body for a changed quantity of an existing item. */
export function toItemQuantityUpdate(line: SyncOrderLine): Row {
  return { RequestedQuantity: sapQuantity(line.quantity, `line ${line.position} (${line.sku})`) };
}

/** `PATCH A_SalesOrderItem(…)` body for `order.cancelled`. */
export function toItemRejection(): Row {
  return { SalesDocumentRjcnReason: REJECTION_REASON };
}
