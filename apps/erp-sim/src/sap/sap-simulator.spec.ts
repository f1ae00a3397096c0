import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, parseFaultConfig } from '../faults';
import { SAP_SERVICE_PATH, createSapSimulator, type SapSimulator } from './sap-simulator';

const AUTH = `Basic ${Buffer.from('SIGNET:secret').toString('base64')}`;

async function serve(sim: SapSimulator): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    Promise.resolve(sim.handle(req, res, url)).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const order = (po: string, extra: Record<string, unknown> = {}) => ({
  SalesOrderType: 'OR',
  SalesOrganization: '1710',
  DistributionChannel: '10',
  OrganizationDivision: '00',
  SoldToParty: '17100001',
  PurchaseOrderByCustomer: po,
  RequestedDeliveryDate: '/Date(1767225600000)/',
  TransactionCurrency: 'USD',
  to_Item: {
    results: [
      { SalesOrderItem: '10', Material: 'TG11', RequestedQuantity: '3', RequestedQuantityUnit: 'EA', to_PricingElement: { results: [{ ConditionType: 'PR00', ConditionRateValue: '300.00', ConditionCurrency: 'USD', ConditionQuantity: '3' }] } },
      { SalesOrderItem: '20', Material: 'TG12', RequestedQuantity: '1.5', RequestedQuantityUnit: 'EA', to_PricingElement: { results: [{ ConditionType: 'PR00', ConditionRateValue: '10.00', ConditionCurrency: 'USD', ConditionQuantity: '1' }] } },
    ],
  },
  ...extra,
});

describe('SAP simulator (API_SALES_ORDER_SRV subset)', () => {
  const faults = new FaultInjector();
  const sim = createSapSimulator({ faults, credentials: { username: 'SIGNET', password: 'secret' } });
  let server: Server;
  let service: string;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await serve(sim));
    service = `${base}${SAP_SERVICE_PATH}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  afterEach(() => faults.configure(parseFaultConfig({})));

  async function session(): Promise<{ token: string; cookie: string }> {
    const r = await fetch(`${service}/`, { headers: { authorization: AUTH, 'x-csrf-token': 'Fetch' } });
    expect(r.status).toBe(200);
    return { token: r.headers.get('x-csrf-token') ?? '', cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] };
  }

  const post = (s: { token: string; cookie: string }, body: unknown) =>
    fetch(`${service}/A_SalesOrder`, { method: 'POST', headers: { authorization: AUTH, 'x-csrf-token': s.token, cookie: s.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('rejects calls without valid credentials', async () => {
    expect((await fetch(`${service}/A_SalesOrder`)).status).toBe(401);
    expect((await fetch(`${service}/A_SalesOrder`, { headers: { authorization: `Basic ${Buffer.from('SIGNET:wrong').toString('base64')}` } })).status).toBe(401);
  });

  it('refuses writes without the session CSRF token, naming it', async () => {
    const s = await session();
    const noToken = await post({ token: '', cookie: s.cookie }, order('PO-CSRF'));
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('x-csrf-token')).toBe('Required');
    expect(await noToken.text()).toBe('CSRF token validation failed');
    const otherSession = await post({ token: s.token, cookie: 'SAP_SESSIONID_SIM_100=nope' }, order('PO-CSRF'));
    expect(otherSession.status).toBe(403);
  });

  it('creates by deep insert, computes the net value, and finds the order by PurchaseOrderByCustomer', async () => {
    const s = await session();
    const created = await post(s, order("PO-1 O'Neil"));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { d: Record<string, unknown> & { to_Item: { results: unknown[] } } };
    expect(body.d['SalesOrder']).toMatch(/^\d+$/);
    expect(body.d['TotalNetAmount']).toBe('315.000');
    expect(body.d.to_Item.results).toHaveLength(2);
    const found = await fetch(`${service}/A_SalesOrder?$filter=${encodeURIComponent("PurchaseOrderByCustomer eq 'PO-1 O''Neil'")}`, { headers: { authorization: AUTH } });
    const list = (await found.json()) as { d: { results: Array<{ SalesOrder: string; __metadata: { etag: string } }> } };
    expect(list.d.results.map((o) => o.SalesOrder)).toEqual([body.d['SalesOrder']]);
    expect(list.d.results[0].__metadata.etag).toMatch(/^W\/"datetimeoffset'/);
    const none = await fetch(`${service}/A_SalesOrder?$filter=${encodeURIComponent("PurchaseOrderByCustomer eq 'PO-none'")}`, { headers: { authorization: AUTH } });
    expect(((await none.json()) as { d: { results: unknown[] } }).d.results).toEqual([]);
  });

  it.each([
    ['an unknown property', { Colour: 'red' }, "Property 'Colour' is invalid"],
    ['a string over MaxLength', { PurchaseOrderByCustomer: 'X'.repeat(36) }, 'longer than 35'],
    ['a non-creatable property', { TotalNetAmount: '1.000' }, 'cannot be set on create'],
    ['a date not in /Date()/ form', { RequestedDeliveryDate: '2026-01-01' }, 'must be /Date(ms)/'],
    ['a decimal as a number', { to_Item: { results: [{ Material: 'M', RequestedQuantity: 3 }] } }, 'must be a decimal in a string'],
    ['no sold-to party', { SoldToParty: undefined }, 'Enter a sold-to party'],
    ['an unknown sold-to party', { SoldToParty: 'ACME' }, 'Sold-to party ACME does not exist'],
    ['no items', { to_Item: { results: [] } }, 'enter at least one item'],
  ])('answers 400 with an OData error body for %s', async (_label, extra, message) => {
    const s = await session();
    const r = await post(s, order('PO-BAD', extra));
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: { value: string }; innererror: { errordetails: unknown[] } } };
    expect(body.error.message.value).toContain(message);
    expect(body.error.innererror.errordetails.length).toBeGreaterThan(0);
    expect(sim.store.findBy('PurchaseOrderByCustomer', 'PO-BAD')).toEqual([]);
  });

  it('updates with If-Match only: missing → 428, stale → 412, current → 204 with a new ETag', async () => {
    const s = await session();
    const created = (await (await post(s, order('PO-ETAG'))).json()) as { d: { SalesOrder: string; __metadata: { etag: string } } };
    const url = `${service}/A_SalesOrder('${created.d.SalesOrder}')`;
    const patch = (etag: string | null, body: unknown) =>
      fetch(url, { method: 'PATCH', headers: { authorization: AUTH, 'x-csrf-token': s.token, cookie: s.cookie, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) }, body: JSON.stringify(body) });
    expect((await patch(null, { RequestedDeliveryDate: '/Date(1767312000000)/' })).status).toBe(428);
    const ok = await patch(created.d.__metadata.etag, { RequestedDeliveryDate: '/Date(1767312000000)/' });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('etag')).not.toBe(created.d.__metadata.etag);
    expect((await patch(created.d.__metadata.etag, { RequestedDeliveryDate: '/Date(1767398400000)/' })).status).toBe(412);
    expect((await patch(ok.headers.get('etag'), { SalesOrder: '1' })).status).toBe(400);
    expect(sim.store.get(created.d.SalesOrder)?.['RequestedDeliveryDate']).toBe('/Date(1767312000000)/');
  });

  it('rejects items by reason: the order is then fully rejected and its net value drops', async () => {
    const s = await session();
    const created = (await (await post(s, order('PO-REJ'))).json()) as { d: { SalesOrder: string } };
    for (const item of ['10', '20']) {
      const r = await fetch(`${service}/A_SalesOrderItem(SalesOrder='${created.d.SalesOrder}',SalesOrderItem='${item}')`, {
        method: 'MERGE',
        headers: { authorization: AUTH, 'x-csrf-token': s.token, cookie: s.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ SalesDocumentRjcnReason: '50' }),
      });
      expect(r.status).toBe(204);
    }
    const stored = sim.store.get(created.d.SalesOrder);
    expect(stored?.['OverallSDDocumentRejectionSts']).toBe('C');
    expect(stored?.['TotalNetAmount']).toBe('0.000');
  });

  it('injects faults on writes: 500 and 429 store nothing; timeout-after-commit stores and never answers; drop stores nothing', async () => {
    const s = await session();
    faults.configure(parseFaultConfig({ errorRate: 1 }));
    const error = await post(s, order('PO-F500'));
    expect(error.status).toBe(500);
    expect(((await error.json()) as { error: { code: string } }).error.code).toBe('/IWBEP/CM_MGW_RT/000');
    faults.configure(parseFaultConfig({ rateLimitRate: 1, retryAfterSeconds: 7 }));
    const limited = await post(s, order('PO-F429'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    faults.configure(parseFaultConfig({ dropRate: 1 }));
    await expect(post(s, order('PO-FDROP'))).rejects.toThrow();
    faults.configure(parseFaultConfig({ timeoutAfterCommitRate: 1 }));
    const controller = new AbortController();
    const hanging = fetch(`${service}/A_SalesOrder`, { method: 'POST', signal: controller.signal, headers: { authorization: AUTH, 'x-csrf-token': s.token, cookie: s.cookie }, body: JSON.stringify(order('PO-FTAC')) });
    setTimeout(() => controller.abort(), 300);
    await expect(hanging).rejects.toThrow();
    expect(sim.store.findBy('PurchaseOrderByCustomer', 'PO-F500')).toEqual([]);
    expect(sim.store.findBy('PurchaseOrderByCustomer', 'PO-F429')).toEqual([]);
    expect(sim.store.findBy('PurchaseOrderByCustomer', 'PO-FDROP')).toEqual([]);
    expect(sim.store.findBy('PurchaseOrderByCustomer', 'PO-FTAC')).toHaveLength(1);
  });

  it('lists stored orders with counts per PurchaseOrderByCustomer for tests', async () => {
    const listing = (await (await fetch(`${base}/sap/_orders`)).json()) as { total: number; countsByPurchaseOrder: Record<string, number>; duplicates: string[] };
    expect(listing.countsByPurchaseOrder['PO-ETAG']).toBe(1);
    expect(listing.duplicates).toEqual([]);
    expect(listing.total).toBe(sim.store.all().length);
  });

  it('simulates deliveries and serves them as A_OutbDeliveryItem, filtered by order or change time', async () => {
    const s = await session();
    const created = (await (await post(s, order('PO-DLV'))).json()) as { d: { SalesOrder: string } };
    const deliver = await fetch(`${base}/sap/_simulate/deliver`, { method: 'POST', body: JSON.stringify({ purchaseOrderByCustomer: 'PO-DLV', items: [{ item: '10', quantity: '2' }] }) });
    expect(deliver.status).toBe(201);
    const rest = await fetch(`${base}/sap/_simulate/deliver`, { method: 'POST', body: JSON.stringify({ salesOrder: created.d.SalesOrder }) });
    expect(((await rest.json()) as { items: Array<{ ReferenceSDDocumentItem: string; ActualDeliveryQuantity: string }> }).items.map((i) => [i.ReferenceSDDocumentItem, i.ActualDeliveryQuantity])).toEqual([['10', '1.000'], ['20', '1.500']]);
    const items = `${base}/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002/A_OutbDeliveryItem`;
    const byOrder = await fetch(`${items}?$filter=${encodeURIComponent(`ReferenceSDDocument eq '${created.d.SalesOrder}'`)}`, { headers: { authorization: AUTH } });
    expect(((await byOrder.json()) as { d: { results: unknown[] } }).d.results).toHaveLength(3);
    const future = await fetch(`${items}?$filter=${encodeURIComponent("LastChangeDateTime ge datetimeoffset'2099-01-01T00:00:00Z'")}`, { headers: { authorization: AUTH } });
    expect(((await future.json()) as { d: { results: unknown[] } }).d.results).toEqual([]);
    expect((await fetch(items)).status).toBe(401);
    expect((await fetch(`${base}/sap/_simulate/deliver`, { method: 'POST', body: JSON.stringify({ salesOrder: 'nope' }) })).status).toBe(404);
  });

  it('issues OAuth client-credentials tokens usable as bearer auth', async () => {
    const r = await fetch(`${base}/sap/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=c&client_secret=s' });
    const { access_token } = (await r.json()) as { access_token: string };
    expect((await fetch(`${service}/A_SalesOrder?$top=1`, { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200);
    expect((await fetch(`${service}/A_SalesOrder?$top=1`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
  });
});
