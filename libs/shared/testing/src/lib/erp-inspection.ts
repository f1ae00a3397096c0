/**
 * Reads what the ERP simulators hold, through their read-only inspection endpoints, and changes
 * the run's faults (`PUT /_faults`). Tests judge "exactly once" from here: the ERP side, never
 * from what Signet believes it sent.
 */
export interface SimFaults {
  errorRate?: number;
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  timeoutAfterCommitRate?: number;
  dropRate?: number;
  latencyMs?: number;
  seed?: number;
}

export interface SimFaultState {
  config: Required<SimFaults>;
  counts: Record<'ok' | 'error' | 'rate-limit' | 'timeout-after-commit' | 'drop', number>;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function simFaults(simUrl: string): Promise<SimFaultState> {
  return getJson(`${simUrl}/_faults`);
}

/** Replaces the fault settings of a running simulator (unnamed settings go back to no faults). */
export async function setSimFaults(simUrl: string, faults: SimFaults): Promise<void> {
  const response = await fetch(`${simUrl}/_faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  if (!response.ok) throw new Error(`PUT /_faults: ${response.status} ${await response.text()}`);
}

/** One document the simulated ERP stores, reduced to what the acceptance tests compare. */
export interface ErpDocument {
  /** Signet's order number as the ERP holds it (SAP PurchaseOrderByCustomer, NetSuite externalId). */
  key: string;
  /** The ERP's own document id (SAP SalesOrder, NetSuite internal id). */
  erpId: string;
  raw: Record<string, unknown>;
}

function listOf(body: unknown, keys: string[]): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  if (typeof body === 'object' && body !== null) {
    for (const key of keys) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as Record<string, unknown>[];
    }
  }
  throw new Error(`unexpected inspection body: ${JSON.stringify(body).slice(0, 300)}`);
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Every sales order the SAP simulator stores (`GET /sap/_orders`), keyed by PurchaseOrderByCustomer. */
export async function sapDocuments(simUrl: string): Promise<ErpDocument[]> {
  const body = await getJson<unknown>(`${simUrl}/sap/_orders`);
  return listOf(body, ['orders', 'items', 'results', 'value']).map((raw) => ({
    key: text(raw['purchaseOrderByCustomer'] ?? raw['PurchaseOrderByCustomer']),
    erpId: text(raw['salesOrder'] ?? raw['SalesOrder']),
    raw,
  }));
}

/** Every sales order the NetSuite simulator stores (`GET /netsuite/_orders`), keyed by external id. */
export async function netsuiteDocuments(simUrl: string): Promise<ErpDocument[]> {
  const body = await getJson<unknown>(`${simUrl}/netsuite/_orders`);
  return listOf(body, ['orders', 'items', 'records']).map((raw) => ({
    key: text(raw['externalId'] ?? raw['eid'] ?? raw['key']),
    erpId: text(raw['id'] ?? raw['internalId']),
    raw,
  }));
}

export interface ExactlyOnceReport {
  expected: number;
  stored: number;
  /** Expected keys the ERP does not hold. */
  missing: string[];
  /** Keys the ERP holds more than once, with how many times. */
  duplicated: Record<string, number>;
  /** Keys the ERP holds that nobody expected. */
  unexpected: string[];
}

/** Compares what the ERP holds with the keys that should each be there once. */
export function exactlyOnce(expectedKeys: readonly string[], documents: readonly ErpDocument[]): ExactlyOnceReport {
  const counts = new Map<string, number>();
  for (const doc of documents) counts.set(doc.key, (counts.get(doc.key) ?? 0) + 1);
  const expected = new Set(expectedKeys);
  const duplicated: Record<string, number> = {};
  for (const [key, n] of counts) if (n > 1) duplicated[key] = n;
  return {
    expected: expected.size,
    stored: documents.length,
    missing: [...expected].filter((key) => !counts.has(key)),
    duplicated,
    unexpected: [...counts.keys()].filter((key) => !expected.has(key)),
  };
}

/** True when every expected key is stored exactly once and nothing else is stored. */
export function isExactlyOnce(report: ExactlyOnceReport): boolean {
  return report.missing.length === 0 && Object.keys(report.duplicated).length === 0 && report.unexpected.length === 0;
}
