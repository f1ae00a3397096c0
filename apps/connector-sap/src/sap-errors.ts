import { classifyHttpStatus, ConnectorError, type ErpResponse, ErrorCode, parseRetryAfter } from '@signet/connector-core';

interface ODataError {
  error?: { code?: string; message?: { value?: string } | string; innererror?: { errordetails?: Array<{ code?: string; message?: string }> } };
}

/** The human part of an OData v2 error body (`error.message.value`), and its details when there are several. */
export function odataMessage(body: unknown): string | undefined {
  const error = (body as ODataError | undefined)?.error;
  if (!error) return undefined;
  const main = typeof error.message === 'string' ? error.message : error.message?.value;
  const details = (error.innererror?.errordetails ?? []).map((d) => d.message).filter((m): m is string => !!m && m !== main);
  return [main, ...details].filter(Boolean).join('; ') || undefined;
}

/**
 * A failed SAP response as a ConnectorError: 400 → unrecoverable (validation), 5xx → retry,
 * 429 → rate limit with Retry-After; the detail is SAP's own error body (JSON when it is JSON).
 */
export function sapError(operation: string, response: ErpResponse, now: Date): ConnectorError {
  const kind = classifyHttpStatus(response.status) ?? { kind: 'retryable' as const, code: ErrorCode.Unavailable };
  const detail = response.json ?? (response.text ? response.text.slice(0, 2_000) : undefined);
  const sapCode = (response.json as ODataError | undefined)?.error?.code;
  const message = `SAP ${operation} failed (HTTP ${response.status}${sapCode ? ` ${sapCode}` : ''}): ${odataMessage(response.json) ?? (response.text.slice(0, 200) || 'no message')}`;
  const retryAfter = kind.kind === 'rate-limited' ? parseRetryAfter(response.headers.get('retry-after'), now, 1_000) : undefined;
  return new ConnectorError(kind.kind, kind.code, message, detail, retryAfter);
}
