import type { ExternalIds, SyncAccount, SyncAddress, SyncContractDocument, SyncOrderDocument, SyncOrderLine } from '@signet/sync-contracts';

/** Rows as the document source reads them: decimals and dates already as text. */
export interface AccountRow {
  id: string;
  name: string;
  account_number: string | null;
  external_ids: Record<string, unknown> | null;
}

export interface OrderRow {
  id: string;
  number: string;
  quote_id: string;
  status: SyncOrderDocument['status'];
  currency: string;
  effective_date: string;
  activated_on: string | null;
  net_total: string;
}

export interface OrderLineRow {
  line_id: string;
  position: number;
  sku: string;
  product_name: string;
  charge_type: string;
  quantity: string;
  net_total: string;
  start_date: string;
  end_date: string;
  /** The quote line's ship-to location, when it has one. */
  ship_to_name: string | null;
  ship_to_street: string | null;
  ship_to_city: string | null;
  ship_to_postal_code: string | null;
  ship_to_region: string | null;
  ship_to_country: string | null;
}

export interface ContractRow {
  id: string;
  number: string;
  status: string;
  currency: string;
  start_date: string;
  end_date: string;
}

export interface SubscriptionRow {
  id: string;
  sku: string;
  quantity: string;
  start_date: string;
  end_date: string;
  net_total: string;
}

export interface AssetRow {
  id: string;
  sku: string;
  quantity: string;
  status: string;
}

/** Only non-empty string ids survive: an ERP id of "" or null means "not set". */
export function externalIds(raw: Record<string, unknown> | null): ExternalIds {
  const ids: ExternalIds = {};
  for (const key of ['webhook', 'sap', 'netsuite'] as const) {
    const value = raw?.[key];
    if (typeof value === 'string' && value.trim().length > 0) ids[key] = value.trim();
  }
  return ids;
}

export function syncAccount(row: AccountRow): SyncAccount {
  return { id: row.id, name: row.name, accountNumber: row.account_number, externalIds: externalIds(row.external_ids) };
}

function shipTo(line: OrderLineRow): SyncAddress | null {
  if (line.ship_to_name === null) return null;
  const address: SyncAddress = { name: line.ship_to_name };
  const optional: Array<[keyof SyncAddress, string | null]> = [
    ['street', line.ship_to_street],
    ['city', line.ship_to_city],
    ['postalCode', line.ship_to_postal_code],
    ['region', line.ship_to_region],
    ['country', line.ship_to_country],
  ];
  for (const [key, value] of optional) if (value !== null && value !== '') address[key] = value;
  return address;
}

export function buildOrderDocument(order: OrderRow, account: AccountRow, lines: readonly OrderLineRow[]): SyncOrderDocument {
  const syncLines: SyncOrderLine[] = [...lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      lineId: line.line_id,
      position: line.position,
      sku: line.sku,
      productName: line.product_name,
      chargeType: line.charge_type === 'recurring' ? 'recurring' : 'one-time',
      quantity: line.quantity,
      netTotal: line.net_total,
      startDate: line.start_date,
      endDate: line.end_date,
      shipTo: shipTo(line),
    }));
  return {
    kind: 'order',
    id: order.id,
    number: order.number,
    quoteId: order.quote_id,
    status: order.status,
    currency: order.currency,
    effectiveDate: order.effective_date,
    activatedOn: order.activated_on,
    netTotal: order.net_total,
    account: syncAccount(account),
    lines: syncLines,
  };
}

export function buildContractDocument(
  contract: ContractRow,
  account: AccountRow,
  subscriptions: readonly SubscriptionRow[],
  assets: readonly AssetRow[],
): SyncContractDocument {
  return {
    kind: 'contract',
    id: contract.id,
    number: contract.number,
    status: contract.status,
    currency: contract.currency,
    startDate: contract.start_date,
    endDate: contract.end_date,
    account: syncAccount(account),
    subscriptions: subscriptions.map((s) => ({ id: s.id, sku: s.sku, quantity: s.quantity, startDate: s.start_date, endDate: s.end_date, netTotal: s.net_total })),
    assets: assets.map((a) => ({ id: a.id, sku: a.sku, quantity: a.quantity, status: a.status })),
  };
}

/** "-12.5" → -1250n, exactly (money never goes through a JS float). */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a money amount: ${amount}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** What the ledger records as "sent" for reconciliation: the document's total. */
export function documentTotal(document: SyncOrderDocument | SyncContractDocument): string {
  if (document.kind === 'order') return document.netTotal;
  const cents = document.subscriptions.reduce((sum, s) => sum + toCents(s.netTotal), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
