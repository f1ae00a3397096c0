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
