import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults';
import { json, readBody, type SimMount } from '../http';
import { parseEqFilter, sendOData, sendODataError } from './odata';
import { type SapCredentials, SapSecurity } from './sap-auth';
import { DELIVERY_SERVICE_PATH, SapDeliveries } from './sap-deliveries';
import { serializeItem, serializeOrder } from './sap-serialize';
import { etagOf, type Row, SapOrderStore, type StoredOrder } from './sap-store';
import { checkSalesOrderRules, validateEntity } from './sap-validate';

export const SAP_SERVICE_PATH = '/sap/opu/odata/sap/API_SALES_ORDER_SRV';
const ORDER_KEY = /^\/A_SalesOrder\('([^']{1,10})'\)(\/to_Item)?$/;
const ITEM_KEY = /^\/A_SalesOrderItem\(SalesOrder='([^']{1,10})',SalesOrderItem='([^']{1,6})'\)$/;

export interface SapSimulator extends SimMount {
  store: SapOrderStore;
  deliveries: SapDeliveries;
  security: SapSecurity;
}

/**
 * The subset of SAP S/4HANA's `API_SALES_ORDER_SRV` (OData v2) that the SAP connector uses:
 * Basic or OAuth bearer auth, CSRF tokens bound to a session cookie, `$filter` by one property,
 * deep insert with validation from the entity model, reads with ETags, header and item updates
 * with `If-Match`. Every write first asks the run's fault injector what to do with it.
 */
export function createSapSimulator(options: { faults: FaultInjector; credentials?: SapCredentials }): SapSimulator {
  const { faults } = options;
  const store = new SapOrderStore();
  const security = new SapSecurity(options.credentials ?? {});
  const deliveries = new SapDeliveries(store);

  const root = (req: IncomingMessage) => `http://${req.headers.host ?? '127.0.0.1'}${SAP_SERVICE_PATH}`;

  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Row | null> {
    const text = await readBody(req);
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Row;
    } catch {
      // answered below
    }
    sendODataError(res, 400, '/IWBEP/CM_MGW_RT/004', 'Malformed JSON payload');
    return null;
  }

  /**
   * Applies the run's fault to a write. Returns true when the request was consumed by a fault;
   * `commit` runs the write for `timeout-after-commit` (stored, then never answered).
   */
  function fault(req: IncomingMessage, res: ServerResponse, commit: () => void): boolean {
    const decision = faults.decide();
    switch (decision) {
      case 'ok':
        return false;
      case 'error':
        sendODataError(res, 500, '/IWBEP/CM_MGW_RT/000', 'In the context of Data Services an unknown internal server error occurred');
        return true;
      case 'rate-limit':
        sendODataError(res, 429, '/IWFND/CM_BEC/026', 'Too many requests', { 'retry-after': String(faults.config.retryAfterSeconds) });
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'timeout-after-commit':
        commit();
        // Never answer: the socket stays open until the client gives up (or the server stops).
        return true;
    }
  }

  function validationError(res: ServerResponse, issues: Array<{ code: string; message: string }>): void {
    sendODataError(res, 400, issues[0].code, issues[0].message, {}, issues);
  }

  function ifMatch(req: IncomingMessage, res: ServerResponse, order: StoredOrder): boolean {
    const given = req.headers['if-match'];
    if (!given) {
      sendODataError(res, 428, '/IWBEP/CM_MGW_RT/098', 'Precondition required: send If-Match with the ETag of the sales order');
      return false;
    }
    if (given !== '*' && given !== etagOf(order)) {
      sendODataError(res, 412, '/IWBEP/CM_MGW_RT/098', 'The entity was changed by someone else (ETag mismatch)');
      return false;
    }
    return true;
  }

  async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, res);
    if (!body) return;
    const issues = validateEntity('A_SalesOrderType', body, 'create');
    if (issues.length) return validationError(res, issues);
    const rules = checkSalesOrderRules(body);
    if (rules.length) return validationError(res, rules);
    if (fault(req, res, () => store.create(body))) return;
    const order = store.create(body);
    sendOData(res, 201, { d: serializeOrder(root(req), order, ['to_Item', 'to_Partner']) }, { etag: etagOf(order), location: `${root(req)}/A_SalesOrder('${order.SalesOrder}')` });
  }

  async function updateOrder(req: IncomingMessage, res: ServerResponse, order: StoredOrder): Promise<void> {
    const body = await readJson(req, res);
    if (!body) return;
    const issues = validateEntity('A_SalesOrderType', body, 'update');
    if (issues.length) return validationError(res, issues);
    if (!ifMatch(req, res, order)) return;
    if (fault(req, res, () => store.updateHeader(order, body))) return;
    store.updateHeader(order, body);
    res.writeHead(204, { etag: etagOf(order), dataserviceversion: '2.0' }).end();
  }

  async function updateItem(req: IncomingMessage, res: ServerResponse, salesOrder: string, itemNumber: string): Promise<void> {
    const order = store.get(salesOrder);
    const item = order?.to_Item.find((i) => i.SalesOrderItem === itemNumber);
    const body = await readJson(req, res);
    if (!body) return;
    if (!order || !item) return sendODataError(res, 404, '/IWBEP/CM_MGW_RT/021', `Sales order item ${salesOrder}/${itemNumber} not found`);
    const issues = validateEntity('A_SalesOrderItemType', body, 'update');
    if (issues.length) return validationError(res, issues);
    // Items carry no ETag of their own in this service; an If-Match, when sent, is the order's.
    if (req.headers['if-match'] && !ifMatch(req, res, order)) return;
    if (fault(req, res, () => store.updateItem(order, item, body))) return;
    store.updateItem(order, item, body);
    res.writeHead(204, { etag: etagOf(order), dataserviceversion: '2.0' }).end();
  }

  function query(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const filter = url.searchParams.get('$filter');
    const expand = (url.searchParams.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    let orders = store.all();
    if (filter) {
      const eq = parseEqFilter(filter);
      if (!eq || !['PurchaseOrderByCustomer', 'SoldToParty', 'SalesOrder'].includes(eq.property)) {
        return sendODataError(res, 400, '/IWBEP/CM_MGW_RT/001', `Filter '${filter}' is not supported by the simulator`);
      }
      orders = store.findBy(eq.property, eq.value);
    }
    const top = Number(url.searchParams.get('$top') ?? orders.length);
    sendOData(res, 200, { d: { results: orders.slice(0, top).map((o) => serializeOrder(root(req), o, expand)) } });
  }

  async function service(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<boolean> {
    if (!security.authenticated(req)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="SAP NetWeaver Application Server [SIM/100]"', 'content-type': 'text/plain' }).end('Logon failed');
      return true;
    }
    const method = (req.headers['x-http-method'] as string | undefined)?.toUpperCase() ?? req.method ?? 'GET';
    const csrfHeader = String(req.headers['x-csrf-token'] ?? '').toLowerCase();
    if (method === 'GET' || method === 'HEAD') {
      const headers: Record<string, string> = {};
      if (csrfHeader === 'fetch') {
        const { token, setCookie } = security.fetchCsrf(req);
        headers['x-csrf-token'] = token;
        if (setCookie) headers['set-cookie'] = setCookie;
      }
      if (path === '' || path === '/') {
        sendOData(res, 200, { d: { EntitySets: ['A_SalesOrder', 'A_SalesOrderItem', 'A_SalesOrderHeaderPartner'] } }, headers);
        return true;
      }
      if (path === '/A_SalesOrder') {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        query(req, res, url);
        return true;
      }
      const key = ORDER_KEY.exec(path);
      if (key) {
        const order = store.get(key[1]);
        if (!order) sendODataError(res, 404, '/IWBEP/CM_MGW_RT/021', `Resource not found for segment 'A_SalesOrderType'`);
        else if (key[2]) sendOData(res, 200, { d: { results: order.to_Item.map((i) => serializeItem(root(req), i)) } });
        else sendOData(res, 200, { d: serializeOrder(root(req), order, (url.searchParams.get('$expand') ?? '').split(',')) }, { ...headers, etag: etagOf(order) });
        return true;
      }
      return false;
    }
    // Every modifying request needs the session's CSRF token.
    if (!security.csrfValid(req)) {
      res.writeHead(403, { 'x-csrf-token': 'Required', 'content-type': 'text/plain' }).end('CSRF token validation failed');
      return true;
    }
    if (method === 'POST' && path === '/A_SalesOrder') {
      await create(req, res);
      return true;
    }
    if (method === 'PATCH' || method === 'MERGE') {
      const orderKey = ORDER_KEY.exec(path);
      if (orderKey && !orderKey[2]) {
        const order = store.get(orderKey[1]);
        if (!order) sendODataError(res, 404, '/IWBEP/CM_MGW_RT/021', `Sales order ${orderKey[1]} not found`);
        else await updateOrder(req, res, order);
        return true;
      }
      const itemKey = ITEM_KEY.exec(path);
      if (itemKey) {
        await updateItem(req, res, itemKey[1], itemKey[2]);
        return true;
      }
    }
    sendODataError(res, 405, '/IWBEP/CM_MGW_RT/010', `Method ${method} is not supported on ${path || '/'}`);
    return true;
  }

  return {
    prefix: '/sap',
    store,
    deliveries,
    security,
    async handle(req, res, url) {
      await faults.delay();
      if (url.pathname === '/sap/_orders' && req.method === 'GET') {
        const orders = store.all();
        const counts: Record<string, number> = {};
        for (const o of orders) counts[String(o['PurchaseOrderByCustomer'])] = (counts[String(o['PurchaseOrderByCustomer'])] ?? 0) + 1;
        json(res, 200, {
          total: orders.length,
          countsByPurchaseOrder: counts,
          duplicates: Object.keys(counts).filter((k) => counts[k] > 1),
          csrf: { fetches: security.csrfFetches, rejections: security.csrfRejections },
          orders: orders.map((o) => ({
            salesOrder: o.SalesOrder,
            purchaseOrderByCustomer: o['PurchaseOrderByCustomer'],
            soldToParty: o['SoldToParty'],
            requestedDeliveryDate: o['RequestedDeliveryDate'],
            totalNetAmount: o['TotalNetAmount'],
            currency: o['TransactionCurrency'],
            rejectionStatus: o['OverallSDDocumentRejectionSts'],
            etag: etagOf(o),
            items: o.to_Item.map((i) => ({ item: i.SalesOrderItem, material: i['Material'], quantity: i['RequestedQuantity'], netAmount: i['NetAmount'], rejectionReason: i['SalesDocumentRjcnReason'] ?? '', partners: i.to_Partner, texts: i.to_Text })),
            partners: o.to_Partner,
          })),
        });
        return true;
      }
      if (url.pathname === '/sap/_sessions/expire' && req.method === 'POST') {
        security.expireSessions();
        json(res, 200, { expired: true });
        return true;
      }
      if (url.pathname === '/sap/oauth/token' && req.method === 'POST') {
        const token = security.issueAccessToken(req, new URLSearchParams(await readBody(req)));
        if (!token) json(res, 401, { error: 'invalid_client' });
        else json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
        return true;
      }
      if (url.pathname === '/sap/_simulate/deliver' && req.method === 'POST') {
        await deliveries.simulate(req, res);
        return true;
      }
      if (decodeURIComponent(url.pathname) === `${DELIVERY_SERVICE_PATH}/A_OutbDeliveryItem` && req.method === 'GET') {
        if (!security.authenticated(req)) {
          res.writeHead(401, { 'content-type': 'text/plain' }).end('Logon failed');
          return true;
        }
        deliveries.query(req, res, url);
        return true;
      }
      if (url.pathname === SAP_SERVICE_PATH || url.pathname.startsWith(`${SAP_SERVICE_PATH}/`)) {
        return service(req, res, url, decodeURIComponent(url.pathname.slice(SAP_SERVICE_PATH.length)));
      }
      return false;
    },
  };
}
