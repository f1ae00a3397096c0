import { ConnectorError, ErrorCode } from './connector-error';
import type { ConnectorMetrics } from './metrics';

export interface ErpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface ErpHttp {
  /**
   * One request to the ERP with a timeout. Answers with any HTTP status (the connector reads the
   * ERP's own error body); throws a retryable ConnectorError on a timeout or a dropped connection.
   * `operation` labels the duration metric (e.g. `create`, `lookup`).
   */
  request(operation: string, url: string, init?: RequestInit): Promise<ErpResponse>;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** By name, not instanceof: fetch's DOMException may come from another realm (e.g. under jest). */
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

export function createErpHttp(options: { connector: string; timeoutMs: number; metrics: ConnectorMetrics; fetchImpl?: typeof fetch }): ErpHttp {
  const doFetch = options.fetchImpl ?? fetch;
  return {
    async request(operation, url, init = {}) {
      const started = process.hrtime.bigint();
      const observe = (status: string) =>
        options.metrics.erpRequestSeconds.observe({ connector: options.connector, operation, status }, Number(process.hrtime.bigint() - started) / 1e9);
      const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs);
      try {
        const response = await doFetch(url, { ...init, signal });
        const text = await response.text();
        observe(String(response.status));
        return { status: response.status, headers: response.headers, text, json: parseJson(text) };
      } catch (error) {
        // A timeout is recoverable: the ERP may have committed, which is why every connector
        // looks its document up by our key before creating it again.
        if (isTimeout(error)) {
          observe('timeout');
          throw new ConnectorError('retryable', ErrorCode.Timeout, `${operation}: no answer from the ERP within ${options.timeoutMs} ms`);
        }
        observe('network');
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new ConnectorError('retryable', ErrorCode.Unreachable, `${operation}: ${error instanceof Error ? error.message : String(error)}${cause}`);
      }
    },
  };
}
