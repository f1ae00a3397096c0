import { classifyHttpStatus, ConnectorError, ErrorCode, parseRetryAfter } from '@signet/connector-core';

/** One entry of NetSuite's `o:errorDetails`. */
export interface NetsuiteErrorDetail {
  detail: string;
  errorCode?: string;
  errorPath?: string;
}

/** NetSuite's own error, as the REST record service sends it (RFC 9457-like with `o:` extensions). */
export interface NetsuiteErrorBody {
  type?: string;
  title?: string;
  status?: number;
  details: NetsuiteErrorDetail[];
}

/** Error codes NetSuite uses when too many requests run at once for the account. */
export const CONCURRENCY_ERROR_CODES: readonly string[] = ['CONCURRENCY_LIMIT_EXCEEDED', 'WS_CONCUR_SESSION_DISALLWD'];
/** Error codes NetSuite uses when too many requests arrive per period. */
export const REQUEST_LIMIT_ERROR_CODES: readonly string[] = ['SSS_REQUEST_LIMIT_EXCEEDED', 'REQUEST_LIMIT_EXCEEDED'];

/** Waited when a rate-limit answer carries no usable `Retry-After`. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

export function parseNetsuiteError(text: string): NetsuiteErrorBody | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const raw = Array.isArray(v['o:errorDetails']) ? (v['o:errorDetails'] as unknown[]) : [];
  const details: NetsuiteErrorDetail[] = raw
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => ({
      detail: typeof d['detail'] === 'string' ? d['detail'] : '',
      ...(typeof d['o:errorCode'] === 'string' ? { errorCode: d['o:errorCode'] } : {}),
      ...(typeof d['o:errorPath'] === 'string' ? { errorPath: d['o:errorPath'] } : {}),
    }));
  return {
    ...(typeof v['type'] === 'string' ? { type: v['type'] } : {}),
    ...(typeof v['title'] === 'string' ? { title: v['title'] } : {}),
    ...(typeof v['status'] === 'number' ? { status: v['status'] } : {}),
    details,
  };
}

/**
 * Turns a non-2xx answer into a classified, normalised error. The kind and code follow
 * connector-core's HTTP classification, with NetSuite's own limit codes read as rate limits
 * whatever status carries them; the message is NetSuite's `detail`, and its error code, path and
 * whole body travel as detail.
 */
export function normaliseNetsuiteError(status: number, text: string, retryAfter: string | null, now: Date): ConnectorError {
  const body = parseNetsuiteError(text);
  const first = body?.details[0];
  const erpCode = first?.errorCode;
  const message =
    [first?.detail, body?.title].find((m): m is string => typeof m === 'string' && m.length > 0) ?? `NetSuite answered HTTP ${status}`;
  const detail = { httpStatus: status, ...(erpCode ? { erpCode } : {}), ...(body ? { netsuite: body } : { body: text.slice(0, 2000) }) };
  const limited = erpCode !== undefined && (CONCURRENCY_ERROR_CODES.includes(erpCode) || REQUEST_LIMIT_ERROR_CODES.includes(erpCode));
  if (status === 429 || limited) {
    return new ConnectorError('rate-limited', ErrorCode.RateLimited, message, detail, parseRetryAfter(retryAfter, now, DEFAULT_RATE_LIMIT_WAIT_MS));
  }
  const classified = classifyHttpStatus(status) ?? { kind: 'unrecoverable' as const, code: ErrorCode.Validation };
  return new ConnectorError(classified.kind, classified.code, message, detail);
}
