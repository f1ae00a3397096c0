import { type ConnectorId, isConnectorId } from './queue-names';
import { PayloadError } from './payloads';

/**
 * Facts an ERP reports back: what it shipped or delivered, and what it invoiced. They arrive by
 * polling (SAP, NetSuite: the connector publishes them on the inbound queue) or through the
 * signed `POST /api/integrations/:connector/events` endpoint. `factId` is the ERP's own key for
 * the fact (delivery item, invoice id…): the API applies each fact once, whatever the order of
 * arrival or the number of deliveries.
 */
export const INBOUND_FACT_VERSION = 1 as const;

export type InboundFactKind = 'fulfilment' | 'invoice';

export interface FulfilmentFactLine {
  /** The Signet order line (`lineId` of the synced document) or its position within the order. */
  lineId?: string;
  position?: number;
  /** Cumulative quantity shipped/delivered so far for the line (decimal string): facts are absolute, not deltas, so repeats and reordering are harmless. */
  quantity: string;
  status: 'shipped' | 'delivered';
  date: string;
}

export interface InvoiceFactLine {
  lineId?: string;
  position?: number;
  amount: string;
}

export interface InboundFactPayload {
  version: typeof INBOUND_FACT_VERSION;
  factId: string;
  connector: ConnectorId;
  kind: InboundFactKind;
  /** The Signet order number the ERP document refers to. */
  orderNumber: string;
  erpDocumentId?: string;
  /** When the ERP recorded the fact (ISO instant); later facts of the same line win. */
  occurredAt: string;
  fulfilment?: { lines: FulfilmentFactLine[] };
  invoice?: { invoiceNumber: string; date: string; currency: string; total: string; lines: InvoiceFactLine[] };
}

export function inboundFactJobId(connector: ConnectorId, factId: string): string {
  return `fact-${connector}-${factId}`;
}

export function parseInboundFact(input: unknown): InboundFactPayload {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new PayloadError('payload must be an object');
  const value = input as Record<string, unknown>;
  if (value['version'] !== INBOUND_FACT_VERSION) throw new PayloadError(`unsupported inbound fact version ${String(value['version'])}`);
  const need = (key: string): string => {
    const v = value[key];
    if (typeof v !== 'string' || v.length === 0) throw new PayloadError(`${key} must be a non-empty string`);
    return v;
  };
  const connector = need('connector');
  if (!isConnectorId(connector)) throw new PayloadError(`unknown connector '${connector}'`);
  const kind = need('kind');
  if (kind !== 'fulfilment' && kind !== 'invoice') throw new PayloadError(`unknown fact kind '${kind}'`);
  if (kind === 'fulfilment' && typeof value['fulfilment'] !== 'object') throw new PayloadError('fulfilment must be an object');
  if (kind === 'invoice' && typeof value['invoice'] !== 'object') throw new PayloadError('invoice must be an object');
  return { ...(value as unknown as InboundFactPayload), connector, kind };
}

export interface InboundFactFieldError {
  field: string;
  message: string;
}

const DECIMAL = /^\d{1,14}(\.\d{1,4})?$/;
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_FACT_LINES = 10_000;

function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Every structural problem of a fact, each naming its field (empty when the fact is well formed).
 * Whether the fact fits its order (known line, quantity within the ordered one, currency) is
 * the orders domain's decision, not the schema's.
 */
export function inboundFactErrors(input: unknown): InboundFactFieldError[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ field: '(body)', message: 'must be a JSON object' }];
  const v = input as Record<string, unknown>;
  const errors: InboundFactFieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const text = (obj: Record<string, unknown>, key: string, at: string, max = 200): obj is Record<string, string> => {
    const s = obj[key];
    if (typeof s !== 'string' || s.trim().length === 0 || s.length > max) {
      fail(at, `must be a non-empty string of at most ${max} characters`);
      return false;
    }
    return true;
  };
  if (v['version'] !== INBOUND_FACT_VERSION) fail('version', `must be ${INBOUND_FACT_VERSION}`);
  text(v, 'factId', 'factId');
  if (typeof v['connector'] !== 'string' || !isConnectorId(v['connector'])) fail('connector', 'must be a known connector id');
  if (v['kind'] !== 'fulfilment' && v['kind'] !== 'invoice') fail('kind', 'must be fulfilment or invoice');
  text(v, 'orderNumber', 'orderNumber', 100);
  if (v['erpDocumentId'] !== undefined && v['erpDocumentId'] !== null) text(v, 'erpDocumentId', 'erpDocumentId');
  if (typeof v['occurredAt'] !== 'string' || !INSTANT.test(v['occurredAt']) || Number.isNaN(Date.parse(v['occurredAt'])))
    fail('occurredAt', 'must be an ISO instant with a time zone, e.g. 2026-01-31T10:00:00Z');
  const lineRef = (line: Record<string, unknown>, at: string) => {
    const hasId = line['lineId'] !== undefined;
    const hasPosition = line['position'] !== undefined;
    if (!hasId && !hasPosition) fail(`${at}.lineId`, 'a line needs lineId or position');
    if (hasId && (typeof line['lineId'] !== 'string' || line['lineId'].length === 0 || line['lineId'].length > 100)) fail(`${at}.lineId`, 'must be a non-empty string');
    if (hasPosition && (typeof line['position'] !== 'number' || !Number.isInteger(line['position']) || line['position'] < 0))
      fail(`${at}.position`, 'must be an integer ≥ 0');
  };
  const lines = (container: unknown, at: string): Record<string, unknown>[] => {
    if (typeof container !== 'object' || container === null || Array.isArray(container)) {
      fail(at, 'must be an object');
      return [];
    }
    const list = (container as Record<string, unknown>)['lines'];
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_FACT_LINES) {
      fail(`${at}.lines`, `must be an array of 1 to ${MAX_FACT_LINES} lines`);
      return [];
    }
    return list.map((l, i) => {
      if (typeof l !== 'object' || l === null || Array.isArray(l)) {
        fail(`${at}.lines[${i}]`, 'must be an object');
        return {};
      }
      return l as Record<string, unknown>;
    });
  };
  if (v['kind'] === 'fulfilment') {
    for (const [i, line] of lines(v['fulfilment'], 'fulfilment').entries()) {
      const at = `fulfilment.lines[${i}]`;
      lineRef(line, at);
      if (typeof line['quantity'] !== 'string' || !DECIMAL.test(line['quantity'])) fail(`${at}.quantity`, 'must be a decimal string ≥ 0 (cumulative quantity), e.g. "2" or "1.5"');
      if (line['status'] !== 'shipped' && line['status'] !== 'delivered') fail(`${at}.status`, 'must be shipped or delivered');
      if (!isDate(line['date'])) fail(`${at}.date`, 'must be a date YYYY-MM-DD');
    }
  }
  if (v['kind'] === 'invoice') {
    const invoice = v['invoice'];
    const invoiceLines = lines(invoice, 'invoice');
    if (typeof invoice === 'object' && invoice !== null && !Array.isArray(invoice)) {
      const inv = invoice as Record<string, unknown>;
      text(inv, 'invoiceNumber', 'invoice.invoiceNumber', 100);
      if (!isDate(inv['date'])) fail('invoice.date', 'must be a date YYYY-MM-DD');
      if (typeof inv['currency'] !== 'string' || !/^[A-Z]{3}$/.test(inv['currency'])) fail('invoice.currency', 'must be an ISO 4217 code, e.g. EUR');
      if (typeof inv['total'] !== 'string' || !MONEY.test(inv['total'])) fail('invoice.total', 'must be a decimal string ≥ 0 with at most 2 decimals');
    }
    for (const [i, line] of invoiceLines.entries()) {
      const at = `invoice.lines[${i}]`;
      lineRef(line, at);
      if (typeof line['amount'] !== 'string' || !MONEY.test(line['amount'])) fail(`${at}.amount`, 'must be a decimal string ≥ 0 with at most 2 decimals');
    }
  }
  return errors;
}
