import type { ErpHttp, ErpResponse } from '@signet/connector-core';
import { normaliseNetsuiteError } from './netsuite-error';
import { authorizationHeader } from './oauth';
import type { NetsuiteCredentials } from './settings';

export const RECORD_PATH = '/services/rest/record/v1';

export interface UpsertOutcome {
  /** NetSuite's internal id, from the `Location` header of the 204. */
  internalId: string | null;
  location: string | null;
}

/** The REST record service calls the connector makes, each signed anew (TBA nonces are single-use). */
export class NetsuiteClient {
  constructor(
    private readonly http: ErpHttp,
    private readonly baseUrl: string,
    private readonly credentials: NetsuiteCredentials,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `eid:` keys are the external id, percent-encoded (order numbers may hold `/` or spaces). */
  salesOrderUrl(externalId: string, query = ''): string {
    return `${this.baseUrl}${RECORD_PATH}/salesOrder/eid:${encodeURIComponent(externalId)}${query}`;
  }

  /**
   * Creates or replaces the order whose external id is `externalId`. `replace=item` makes the
   * line sublist exactly the one sent (without it NetSuite merges lines into the existing ones).
   */
  async upsertSalesOrder(externalId: string, body: string): Promise<UpsertOutcome> {
    const response = await this.request('upsert', 'PUT', this.salesOrderUrl(externalId, '?replace=item'), body);
    const location = response.headers.get('location');
    const internalId = location?.match(/\/([^/?]+)$/)?.[1] ?? null;
    return { internalId, location };
  }

  /** Reads an order back by external id; null when NetSuite has none. */
  async getSalesOrder(externalId: string): Promise<Record<string, unknown> | null> {
    const url = this.salesOrderUrl(externalId);
    const response = await this.send('read', 'GET', url);
    if (response.status === 404) return null;
    return this.check(response).json as Record<string, unknown>;
  }

  /** A cheap signed call that proves the URL and the credentials work. */
  async ping(): Promise<void> {
    await this.request('ping', 'GET', `${this.baseUrl}${RECORD_PATH}/salesOrder?limit=1`);
  }

  private async request(operation: string, method: 'GET' | 'PUT', url: string, body?: string): Promise<ErpResponse> {
    return this.check(await this.send(operation, method, url, body));
  }

  private send(operation: string, method: 'GET' | 'PUT', url: string, body?: string): Promise<ErpResponse> {
    return this.http.request(operation, url, {
      method,
      headers: {
        authorization: authorizationHeader(this.credentials, method, url),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
    });
  }

  private check(response: ErpResponse): ErpResponse {
    if (response.status >= 200 && response.status < 300) return response;
    throw normaliseNetsuiteError(response.status, response.text, response.headers.get('retry-after'), this.now());
  }
}
