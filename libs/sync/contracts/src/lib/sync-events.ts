import { type ConnectorId, isConnectorId } from './queue-names';
import { PayloadError } from './payloads';

/**
 * Canonical ERP events, versioned. The API writes one outbox row per event in the same
 * transaction as the change; the relay turns each row into one job per enabled connector,
 * with the job id derived from the event id (so publishing twice is a no-op).
 */
export const SYNC_EVENT_VERSION = 1 as const;

export type SyncEventType =
  | 'order.activated'
  | 'order.changed'
  | 'order.cancelled'
  | 'contract.activated'
  | 'assets.created'
  | 'subscriptions.changed';

export const SYNC_EVENT_TYPES: readonly SyncEventType[] = [
  'order.activated',
  'order.changed',
  'order.cancelled',
  'contract.activated',
  'assets.created',
  'subscriptions.changed',
];

export type SyncObjectType = 'order' | 'contract';

/** External ids of an account, one per ERP connector (SAP sold-to party, NetSuite customer id…). */
export type ExternalIds = Partial<Record<ConnectorId, string>>;

export interface SyncAddress {
  name?: string;
  street?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country?: string;
}

export interface SyncAccount {
  id: string;
  name: string;
  accountNumber: string | null;
  externalIds: ExternalIds;
}

/** Decimal amounts and quantities travel as strings ("1234.50"), never as JS numbers. */
export interface SyncOrderLine {
  lineId: string;
  position: number;
  sku: string;
  productName: string;
  chargeType: 'one-time' | 'recurring';
  quantity: string;
  netTotal: string;
  startDate: string;
  endDate: string;
  shipTo?: SyncAddress | null;
}

/** The order as every ERP receives it (the state after the change). */
export interface SyncOrderDocument {
  kind: 'order';
  id: string;
  number: string;
  quoteId: string;
  status: 'draft' | 'activated' | 'fulfilled' | 'cancelled';
  currency: string;
  effectiveDate: string;
  activatedOn: string | null;
  netTotal: string;
  account: SyncAccount;
  lines: SyncOrderLine[];
}

export interface SyncContractDocument {
  kind: 'contract';
  id: string;
  number: string;
  status: string;
  currency: string;
  startDate: string;
  endDate: string;
  account: SyncAccount;
  subscriptions: Array<{ id: string; sku: string; quantity: string; startDate: string; endDate: string; netTotal: string }>;
  assets: Array<{ id: string; sku: string; quantity: string; status: string }>;
}

export interface SyncEventPayload {
  version: typeof SYNC_EVENT_VERSION;
  /** The outbox row's id (uuid); the business key of everything downstream. */
  eventId: string;
  type: SyncEventType;
  objectType: SyncObjectType;
  objectId: string;
  /** Order or contract number, for people and for ERP-side idempotency keys. */
  objectNumber: string;
  occurredAt: string;
  connector: ConnectorId;
  /** Monotonic per object: lets a connector ignore an older event delivered after a newer one. */
  sequence: number;
  document: SyncOrderDocument | SyncContractDocument;
}

/** One job per (connector, event): enqueueing the same event twice is a no-op. */
export function syncEventJobId(connector: ConnectorId, eventId: string): string {
  return `evt-${connector}-${eventId}`;
}

/** A re-drive is a new job for the same event (the old one failed); the attempt number keeps ids unique. */
export function redriveJobId(connector: ConnectorId, eventId: string, redrive: number): string {
  return `evt-${connector}-${eventId}-r${redrive}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: Record<string, unknown>, key: string): string {
  const v = value[key];
  if (typeof v !== 'string' || v.length === 0) throw new PayloadError(`${key} must be a non-empty string`);
  return v;
}

export function parseSyncEvent(input: unknown): SyncEventPayload {
  if (!isObject(input)) throw new PayloadError('payload must be an object');
  if (input['version'] !== SYNC_EVENT_VERSION) {
    throw new PayloadError(`unsupported sync event version ${String(input['version'])}`);
  }
  const type = str(input, 'type') as SyncEventType;
  if (!SYNC_EVENT_TYPES.includes(type)) throw new PayloadError(`unknown event type '${type}'`);
  const objectType = str(input, 'objectType');
  if (objectType !== 'order' && objectType !== 'contract') throw new PayloadError(`unknown object type '${objectType}'`);
  const connector = str(input, 'connector');
  if (!isConnectorId(connector)) throw new PayloadError(`unknown connector '${connector}'`);
  const sequence = input['sequence'];
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 1) {
    throw new PayloadError('sequence must be a positive integer');
  }
  const document = input['document'];
  if (!isObject(document) || (document['kind'] !== 'order' && document['kind'] !== 'contract')) {
    throw new PayloadError('document must be an order or a contract');
  }
  if (document['kind'] !== objectType) throw new PayloadError(`document kind '${String(document['kind'])}' does not match objectType '${objectType}'`);
  if (!isObject(document['account'])) throw new PayloadError('document.account must be an object');
  return {
    version: SYNC_EVENT_VERSION,
    eventId: str(input, 'eventId'),
    type,
    objectType,
    objectId: str(input, 'objectId'),
    objectNumber: str(input, 'objectNumber'),
    occurredAt: str(input, 'occurredAt'),
    connector,
    sequence,
    document: document as unknown as SyncOrderDocument | SyncContractDocument,
  };
}
