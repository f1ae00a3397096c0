import { ConnectorError, type ErpHttp, ErrorCode } from '@signet/connector-core';
import { sapError } from './sap-errors';
import type { Row } from './sap-mapping';
import type { SapSettings } from './settings';

/** A sales order as the connector needs it back from SAP. */
export interface SapOrder {
  salesOrder: string;
  etag: string | undefined;
  processStatus: string | undefined;
  rejectionStatus: string | undefined;
  totalNetAmount: string | undefined;
  items: Array<{ item: string; quantity: string | undefined; rejectionReason: string | undefined }>;
}

function readOrder(entity: Row, etagHeader?: string | null): SapOrder {
  const items = ((entity['to_Item'] as { results?: Row[] } | undefined)?.results ?? []).map((i) => ({
    item: String(i['SalesOrderItem']),
    quantity: i['RequestedQuantity'] as string | undefined,
    rejectionReason: (i['SalesDocumentRjcnReason'] as string | undefined) || undefined,
  }));
  return {
    salesOrder: String(entity['SalesOrder']),
    etag: etagHeader ?? ((entity['__metadata'] as { etag?: string } | undefined)?.etag || undefined),
    processStatus: (entity['OverallSDProcessStatus'] as string | undefined) || undefined,
    rejectionStatus: (entity['OverallSDDocumentRejectionSts'] as string | undefined) || undefined,
    totalNetAmount: entity['TotalNetAmount'] as string | undefined,
    items,
  };
}

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The connector's view of API_SALES_ORDER_SRV: authentication (Basic, or an OAuth client-credentials
 * bearer token kept until it expires), the CSRF token with its session cookies (fetched once,
 * fetched again once when SAP answers 403 "CSRF token validation failed"), and the four calls.
 * One instance per process; concurrent jobs share the token and the session.
 */
export class SapClient {
  private csrf: Promise<{ token: string; cookies: string }> | null = null;
  private bearer: { token: string; expiresAt: number } | null = null;

  constructor(
    private readonly settings: SapSettings,
    private readonly http: ErpHttp,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async authorization(): Promise<string> {
    const auth = this.settings.auth;
    if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    if (this.bearer && this.bearer.expiresAt > this.now().getTime() + 30_000) return `Bearer ${this.bearer.token}`;
    const response = await this.http.request('oauth-token', auth.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${auth.clientId}:${auth.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'grant_type=client_credentials',
    });
    const body = response.json as { access_token?: string; expires_in?: number } | undefined;
    if (response.status !== 200 || !body?.access_token) throw sapError('OAuth token request', response, this.now());
    this.bearer = { token: body.access_token, expiresAt: this.now().getTime() + (body.expires_in ?? 300) * 1000 };
    return `Bearer ${this.bearer.token}`;
  }

  private async headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    return { authorization: await this.authorization(), accept: 'application/json', ...extra };
  }

  private fetchCsrf(): Promise<{ token: string; cookies: string }> {
    this.csrf ??= (async () => {
      const response = await this.http.request('csrf-fetch', `${this.settings.baseUrl}/`, { method: 'GET', headers: await this.headers({ 'x-csrf-token': 'Fetch' }) });
      const token = response.headers.get('x-csrf-token');
      if (response.status !== 200 || !token) throw sapError('CSRF token fetch', response, this.now());
      const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return { token, cookies };
    })();
    // A failed fetch must not be cached.
    this.csrf.catch(() => (this.csrf = null));
    return this.csrf;
  }

  /** A modifying request (the body is sent exactly as given, so its hash is what SAP received) with the CSRF token; on 403 "CSRF token validation failed" it fetches a new token once and repeats. */
  private async write(operation: string, method: string, path: string, body: string, extra: Record<string, string> = {}) {
    for (let round = 0; ; round += 1) {
      const stale = this.csrf;
      const csrf = await this.fetchCsrf();
      const response = await this.http.request(operation, `${this.settings.baseUrl}${path}`, {
        method,
        headers: await this.headers({ 'content-type': 'application/json', 'x-csrf-token': csrf.token, ...(csrf.cookies ? { cookie: csrf.cookies } : {}), ...extra }),
        body,
      });
      const csrfRejected = response.status === 403 && (response.headers.get('x-csrf-token') ?? '').toLowerCase() === 'required';
      if (csrfRejected && round === 0) {
        if (this.csrf === stale) this.csrf = null;
        continue;
      }
      return response;
    }
  }

  async ping(): Promise<void> {
    this.csrf = null;
    await this.fetchCsrf();
  }

  /** `GET A_SalesOrder?$filter=PurchaseOrderByCustomer eq '…'` — the idempotency lookup. */
  async findByPurchaseOrder(purchaseOrder: string): Promise<SapOrder | null> {
    const query = new URLSearchParams({ $filter: `PurchaseOrderByCustomer eq ${odataString(purchaseOrder)}`, $expand: 'to_Item', $format: 'json' });
    const response = await this.http.request('lookup', `${this.settings.baseUrl}/A_SalesOrder?${query.toString().replace(/\+/g, '%20')}`, { method: 'GET', headers: await this.headers() });
    if (response.status !== 200) throw sapError('lookup', response, this.now());
    const results = (response.json as { d?: { results?: Row[] } } | undefined)?.d?.results;
    if (!Array.isArray(results)) throw new ConnectorError('retryable', ErrorCode.Unavailable, 'SAP lookup answered without d.results', response.text.slice(0, 2_000));
    if (results.length > 1) {
      // Someone created it twice already: never add a third; a person must merge them.
      throw new ConnectorError('unrecoverable', 'erp_duplicate', `SAP holds ${results.length} sales orders with PurchaseOrderByCustomer '${purchaseOrder}'`, { salesOrders: results.map((r) => r['SalesOrder']) });
    }
    return results.length ? readOrder(results[0]) : null;
  }

  /** Outbound delivery items (`API_OUTBOUND_DELIVERY_SRV`, beside the sales order service) matching an OData filter. */
  async deliveryItems(filter: string): Promise<Row[]> {
    const root = this.settings.baseUrl.replace(/\/API_SALES_ORDER_SRV$/, '/API_OUTBOUND_DELIVERY_SRV;v=0002');
    const query = new URLSearchParams({ $filter: filter, $format: 'json' }).toString().replace(/\+/g, '%20');
    const response = await this.http.request('deliveries', `${root}/A_OutbDeliveryItem?${query}`, { method: 'GET', headers: await this.headers() });
    if (response.status !== 200) throw sapError('delivery read', response, this.now());
    return (response.json as { d?: { results?: Row[] } } | undefined)?.d?.results ?? [];
  }

  /** `GET A_SalesOrder('…')`; null when SAP has no such order. */
  async getOrder(salesOrder: string): Promise<(SapOrder & { purchaseOrderByCustomer: string }) | null> {
    const response = await this.http.request('read', `${this.settings.baseUrl}/A_SalesOrder(${encodeURIComponent(odataString(salesOrder))})?$expand=to_Item`, { method: 'GET', headers: await this.headers() });
    if (response.status === 404) return null;
    if (response.status !== 200) throw sapError('read', response, this.now());
    const entity = (response.json as { d?: Row } | undefined)?.d ?? {};
    return { ...readOrder(entity, response.headers.get('etag')), purchaseOrderByCustomer: String(entity['PurchaseOrderByCustomer'] ?? '') };
  }

  async create(body: string): Promise<SapOrder> {
    const response = await this.write('create', 'POST', '/A_SalesOrder', body);
    if (response.status !== 201) throw sapError('create', response, this.now());
    const entity = (response.json as { d?: Row } | undefined)?.d;
    if (!entity?.['SalesOrder']) throw new ConnectorError('retryable', ErrorCode.Unavailable, 'SAP create answered 201 without a SalesOrder', response.text.slice(0, 2_000));
    return readOrder(entity, response.headers.get('etag'));
  }

  async updateHeader(salesOrder: string, etag: string | undefined, body: string): Promise<string | undefined> {
    const response = await this.write('update', 'PATCH', `/A_SalesOrder(${odataString(salesOrder)})`, body, { 'if-match': etag ?? '*' });
    if (response.status !== 204 && response.status !== 200) throw sapError('update', response, this.now());
    return response.headers.get('etag') ?? undefined;
  }

  async updateItem(salesOrder: string, item: string, body: string, etag?: string): Promise<string | undefined> {
    const response = await this.write('update-item', 'PATCH', `/A_SalesOrderItem(SalesOrder=${odataString(salesOrder)},SalesOrderItem=${odataString(item)})`, body, etag ? { 'if-match': etag } : {});
    if (response.status !== 204 && response.status !== 200) throw sapError('update item', response, this.now());
    return response.headers.get('etag') ?? undefined;
  }
}
