import { normaliseNetsuiteError } from './netsuite-error';
import { authorizationHeader } from './oauth';
import type { ConnectorSettings } from './settings';
import { SyncError } from './sync-error';

export const RECORD_PATH = '/services/rest/record/v1';

export interface UpsertOutcome {
  /** NetSuite's internal id, from the `Location` header of the 204. */
  internalId: string | null;
  location: string | null;
}

/** The REST record service calls the connector makes, signed with token-based authentication. */
export class NetsuiteClient {
  constructor(
    private readonly settings: Pick<ConnectorSettings, 'baseUrl' | 'credentials' | 'requestTimeoutMs'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `eid:` keys are the external id, percent-encoded (order numbers may hold `/` or spaces). */
  salesOrderUrl(externalId: string, query = ''): string {
    return `${this.settings.baseUrl}${RECORD_PATH}/salesOrder/eid:${encodeURIComponent(externalId)}${query}`;
  }

  /**
   * Creates or replaces the order whose external id is `externalId`. `replace=item` makes the
   * line sublist exactly the one sent (without it NetSuite merges lines into the existing ones).
   */
  async upsertSalesOrder(externalId: string, body: string): Promise<UpsertOutcome> {
    const response = await this.request('PUT', this.salesOrderUrl(externalId, '?replace=item'), body);
    const location = response.headers.get('location');
    const internalId = location?.match(/\/([^/]+)$/)?.[1] ?? null;
    return { internalId, location };
  }

  /** Reads an order back by external id; null when NetSuite has none. */
  async getSalesOrder(externalId: string): Promise<Record<string, unknown> | null> {
    try {
      const response = await this.request('GET', this.salesOrderUrl(externalId));
      return (await response.json()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof SyncError && (error.detail as { httpStatus?: number } | undefined)?.httpStatus === 404) return null;
      throw error;
    }
  }

  /** A cheap signed call that proves the URL and the credentials work. */
  async ping(): Promise<void> {
    await this.request('GET', `${this.settings.baseUrl}${RECORD_PATH}/salesOrder?limit=1`);
  }

  private async request(method: 'GET' | 'PUT', url: string, body?: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: authorizationHeader(this.settings.credentials, method, url),
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        signal: AbortSignal.timeout(this.settings.requestTimeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new SyncError(
        'retryable',
        timedOut ? 'timeout' : 'network_error',
        timedOut ? `NetSuite did not answer within ${this.settings.requestTimeoutMs} ms` : `Cannot reach NetSuite: ${causeOf(error)}`,
      );
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    throw normaliseNetsuiteError(response.status, text, response.headers.get('retry-after'), this.now());
  }
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
