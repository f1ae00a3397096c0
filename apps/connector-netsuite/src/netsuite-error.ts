import { SyncError } from './sync-error';

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
/** Never wait longer than this on one answer, whatever the header says. */
export const MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000;

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

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Turns a non-2xx answer into a classified, normalised error: the code is NetSuite's own
 * `o:errorCode` when there is one, the message its `detail`, and the whole body travels as detail.
 */
export function normaliseNetsuiteError(status: number, text: string, retryAfter: string | null, now: Date): SyncError {
  const body = parseNetsuiteError(text);
  const first = body?.details[0];
  const erpCode = first?.errorCode;
  const message =
    [first?.detail, body?.title].find((m): m is string => typeof m === 'string' && m.length > 0) ?? `NetSuite answered HTTP ${status}`;
  const detail = { httpStatus: status, ...(erpCode ? { erpCode } : {}), ...(body ? { netsuite: body } : { body: text.slice(0, 2000) }) };
  const concurrency = erpCode !== undefined && CONCURRENCY_ERROR_CODES.includes(erpCode);
  const requestLimit = erpCode !== undefined && REQUEST_LIMIT_ERROR_CODES.includes(erpCode);
  if (status === 429 || concurrency || requestLimit) {
    const wait = parseRetryAfter(retryAfter, now) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    return new SyncError('rate-limited', concurrency ? 'concurrency_limited' : 'rate_limited', message, detail, Math.min(wait, MAX_RATE_LIMIT_WAIT_MS));
  }
  if (status === 401 || status === 403) return new SyncError('unrecoverable', 'auth_failed', message, detail);
  // 408 and 409 (record changed by someone else meanwhile) are worth another try.
  if (status === 408 || status === 409 || status >= 500) return new SyncError('retryable', 'erp_unavailable', message, detail);
  // The rest of 4xx: NetSuite refused the content; sending it again cannot help.
  return new SyncError('unrecoverable', 'validation_failed', message, detail);
}
