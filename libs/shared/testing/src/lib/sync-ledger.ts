import type { TestClient } from './api-client';

/** A sync ledger row as `GET /api/sync/ledger` returns it (the fields the acceptance tests read). */
export interface LedgerRow {
  id: string;
  connector: string;
  objectType: string;
  objectId: string;
  status: string;
  attempts: number;
  erpId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

const PAGE_SIZE = 200;

/** Every ledger row of a connector, page by page (the API caps a page at 200). */
export async function ledgerRows(client: TestClient, connector: string, status?: string): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  for (let page = 1; ; page += 1) {
    const query = `connector=${connector}&page=${page}&pageSize=${PAGE_SIZE}${status ? `&status=${status}` : ''}`;
    const response = await client.get<{ items: LedgerRow[]; total: number }>(`/api/sync/ledger?${query}`);
    if (response.status !== 200) throw new Error(`ledger: ${response.status} ${JSON.stringify(response.body)}`);
    rows.push(...response.body.items);
    if (response.body.items.length < PAGE_SIZE || rows.length >= response.body.total) return rows;
  }
}

/** How many ledger rows of a connector have a status (one cheap request). */
export async function ledgerCount(client: TestClient, connector: string, status: string): Promise<number> {
  const response = await client.get<{ total: number }>(`/api/sync/ledger?connector=${connector}&status=${status}&pageSize=1`);
  if (response.status !== 200) throw new Error(`ledger: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.total;
}

export interface LedgerVerdict {
  /** Orders with no ledger row for the connector. */
  missing: string[];
  /** Orders whose row is not `succeeded`, with the status and error it shows. */
  notSucceeded: { objectId: string; status: string; error: string | null }[];
  /** Orders with more than one row for the connector (the ledger holds one per object). */
  repeated: string[];
}

/** Checks that the ledger says `succeeded` for each of the orders, once. */
export function judgeLedger(orderIds: readonly string[], rows: readonly LedgerRow[]): LedgerVerdict {
  const byObject = new Map<string, LedgerRow[]>();
  for (const row of rows.filter((r) => r.objectType === 'order')) byObject.set(row.objectId, [...(byObject.get(row.objectId) ?? []), row]);
  const verdict: LedgerVerdict = { missing: [], notSucceeded: [], repeated: [] };
  for (const id of orderIds) {
    const found = byObject.get(id) ?? [];
    if (found.length === 0) verdict.missing.push(id);
    if (found.length > 1) verdict.repeated.push(id);
    const last = found[found.length - 1];
    if (last && last.status !== 'succeeded') {
      verdict.notSucceeded.push({ objectId: id, status: last.status, error: last.errorCode ? `${last.errorCode}: ${last.errorMessage ?? ''}` : null });
    }
  }
  return verdict;
}
