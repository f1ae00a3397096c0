import { type ConnectorId, isConnectorId } from './queue-names';

/** Payloads carry a schema version so producers and consumers can be deployed independently. */
export const PING_PAYLOAD_VERSION = 1 as const;
export const SYNC_RESULT_VERSION = 1 as const;

export interface ConnectorPingPayload {
  version: typeof PING_PAYLOAD_VERSION;
  /** Business key of the request; the job id is derived from it. */
  pingId: string;
  connector: ConnectorId;
  requestedBy: string;
  requestedAt: string;
}

export type SyncStatus = 'succeeded' | 'failed' | 'skipped';

export interface NormalisedSyncError {
  code: string;
  message: string;
  detail?: unknown;
}

export interface SyncResultPayload {
  version: typeof SYNC_RESULT_VERSION;
  connector: ConnectorId;
  objectType: string;
  objectId: string;
  jobId: string;
  status: SyncStatus;
  attempts: number;
  erpId?: string;
  /** The event the job carried (absent for pings). */
  eventId?: string;
  /** sha256 (hex) of the body sent to the ERP, so the ledger shows what exactly was sent. */
  payloadHash?: string;
  /** The ERP document's own status/total as it answered (for reconciliation). */
  erpStatus?: string;
  erpTotal?: string;
  error?: NormalisedSyncError;
  detail?: Record<string, unknown>;
  finishedAt: string;
}

/** Job ids are derived from business keys so that enqueueing the same thing twice is a no-op. */
export function pingJobId(connector: ConnectorId, pingId: string): string {
  return `ping-${connector}-${pingId}`;
}

export function resultJobId(jobId: string, attempts: number): string {
  return `result-${jobId}-${attempts}`;
}

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

function requireString(value: Record<string, unknown>, key: string): string {
  const v = value[key];
  if (typeof v !== 'string' || v.length === 0) throw new PayloadError(`${key} must be a non-empty string`);
  return v;
}

function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PayloadError('payload must be an object');
  }
  return value as Record<string, unknown>;
}

function requireConnector(value: Record<string, unknown>): ConnectorId {
  const connector = requireString(value, 'connector');
  if (!isConnectorId(connector)) throw new PayloadError(`unknown connector '${connector}'`);
  return connector;
}

export function parsePingPayload(input: unknown): ConnectorPingPayload {
  const value = requireObject(input);
  if (value['version'] !== PING_PAYLOAD_VERSION) {
    throw new PayloadError(`unsupported ping payload version ${String(value['version'])}`);
  }
  return {
    version: PING_PAYLOAD_VERSION,
    pingId: requireString(value, 'pingId'),
    connector: requireConnector(value),
    requestedBy: requireString(value, 'requestedBy'),
    requestedAt: requireString(value, 'requestedAt'),
  };
}

const STATUSES: readonly SyncStatus[] = ['succeeded', 'failed', 'skipped'];

export function parseSyncResult(input: unknown): SyncResultPayload {
  const value = requireObject(input);
  if (value['version'] !== SYNC_RESULT_VERSION) {
    throw new PayloadError(`unsupported sync result version ${String(value['version'])}`);
  }
  const status = requireString(value, 'status') as SyncStatus;
  if (!STATUSES.includes(status)) throw new PayloadError(`unknown status '${status}'`);
  const attempts = value['attempts'];
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1) {
    throw new PayloadError('attempts must be a positive integer');
  }
  const result: SyncResultPayload = {
    version: SYNC_RESULT_VERSION,
    connector: requireConnector(value),
    objectType: requireString(value, 'objectType'),
    objectId: requireString(value, 'objectId'),
    jobId: requireString(value, 'jobId'),
    status,
    attempts,
    finishedAt: requireString(value, 'finishedAt'),
  };
  if (typeof value['erpId'] === 'string') result.erpId = value['erpId'];
  for (const key of ['eventId', 'payloadHash', 'erpStatus', 'erpTotal'] as const) {
    if (typeof value[key] === 'string') result[key] = value[key] as string;
  }
  if (value['error'] !== undefined) {
    const error = requireObject(value['error']);
    result.error = { code: requireString(error, 'code'), message: requireString(error, 'message'), detail: error['detail'] };
  }
  if (value['detail'] !== undefined) result.detail = requireObject(value['detail']);
  return result;
}
