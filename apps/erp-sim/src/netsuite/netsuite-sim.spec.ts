import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OAuth from 'oauth-1.0a';
import { FaultInjector, NO_FAULTS } from '../faults';
import { createNetsuiteSim, type NetsuiteSim } from './netsuite-sim';
import { DEFAULT_TBA } from './tba-verifier';

interface Running {
  server: Server;
  base: string;
  sim: NetsuiteSim;
  faults: FaultInjector;
}

async function start(concurrencyLimit = 5): Promise<Running> {
  const faults = new FaultInjector(NO_FAULTS);
  const sim = createNetsuiteSim(faults, { credentials: DEFAULT_TBA, concurrencyLimit });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void Promise.resolve(sim.handle(req, res, url)).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/netsuite`, sim, faults };
}

function sign(method: string, url: string, secrets = { consumer: DEFAULT_TBA.consumerSecret, token: DEFAULT_TBA.tokenSecret }, nonce?: string): string {
  const oauth = new OAuth({
    consumer: { key: DEFAULT_TBA.consumerKey, secret: secrets.consumer },
    signature_method: 'HMAC-SHA256',
    realm: DEFAULT_TBA.account,
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  if (nonce) oauth.getNonce = () => nonce;
  return oauth.toHeader(oauth.authorize({ url, method }, { key: DEFAULT_TBA.tokenId, secret: secrets.token })).Authorization;
}

const salesOrder = (entity = '4711', amount = 100) => ({
  entity: { id: entity },
  tranDate: '2026-01-03',
  currency: { refName: 'EUR' },
  orderStatus: { id: 'B' },
  item: { items: [{ item: { externalId: 'SKU-1' }, quantity: 2, amount }] },
});

async function put(r: Running, eid: string, body: unknown, auth?: string, signal?: AbortSignal): Promise<Response> {
  const url = `${r.base}/services/rest/record/v1/salesOrder/eid:${eid}?replace=item`;
  return fetch(url, { method: 'PUT', headers: { authorization: auth ?? sign('PUT', url), 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

async function get(r: Running, eid: string): Promise<Response> {
  const url = `${r.base}/services/rest/record/v1/salesOrder/eid:${eid}`;
  return fetch(url, { headers: { authorization: sign('GET', url) } });
}

describe('NetSuite simulator', () => {
  let r: Running;
  beforeEach(async () => (r = await start()));
  afterEach(() => {
    r.server.closeAllConnections();
    r.server.close();
  });

  it('creates on the first upsert and replaces on the next, keeping the internal id', async () => {
    const first = await put(r, 'SO-1', salesOrder('4711', 100));
    expect(first.status).toBe(204);
    const location = first.headers.get('location') ?? '';
    expect(location).toMatch(/\/netsuite\/services\/rest\/record\/v1\/salesOrder\/\d+$/);
    const second = await put(r, 'SO-1', salesOrder('4711', 250));
    expect(second.status).toBe(204);
    expect(second.headers.get('location')).toBe(location);
    const read = await get(r, 'SO-1');
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ externalId: 'SO-1', total: 250, writes: 2, status: { id: 'B', refName: 'Pending Fulfillment' } });
    expect(r.sim.store.all).toHaveLength(1);
    const inspected = (await (await fetch(`${r.base}/_orders`)).json()) as { orders: unknown[] };
    expect(inspected.orders).toHaveLength(1);
  });

  it('shows an order with every line closed as Closed', async () => {
    const body = salesOrder();
    body.item.items = body.item.items.map((l) => ({ ...l, isClosed: true }));
    expect((await put(r, 'SO-2', body)).status).toBe(204);
    expect(r.sim.store.get('SO-2')?.status).toEqual({ id: 'H', refName: 'Closed' });
  });

  it('answers 404 in NetSuite format for an unknown external id', async () => {
    const read = await get(r, 'SO-404');
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ status: 404, 'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_ID' }] });
  });

  it.each([
    ['a wrong token secret', 'wrong-secret', 'signature does not match'],
    ['no Authorization header', 'none', 'no OAuth'],
  ])('rejects %s with INVALID_LOGIN and stores nothing', async (_label, variant, reason) => {
    const url = `${r.base}/services/rest/record/v1/salesOrder/eid:SO-3?replace=item`;
    const headers: Record<string, string> = variant === 'none' ? {} : { authorization: sign('PUT', url, { consumer: DEFAULT_TBA.consumerSecret, token: 'wrong' }) };
    const response = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(salesOrder()) });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { 'o:errorDetails': Array<{ detail: string; 'o:errorCode': string }> };
    expect(body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_LOGIN');
    expect(body['o:errorDetails'][0].detail).toContain(reason);
    expect(r.sim.store.all).toHaveLength(0);
  });

  it('rejects a replayed nonce', async () => {
    const url = `${r.base}/services/rest/record/v1/salesOrder/eid:SO-4?replace=item`;
    const auth = sign('PUT', url, undefined, 'same-nonce-twice');
    expect((await put(r, 'SO-4', salesOrder(), auth)).status).toBe(204);
    expect((await put(r, 'SO-4', salesOrder(), auth)).status).toBe(401);
    expect(r.sim.store.get('SO-4')?.writes).toBe(1);
  });

  it.each([
    ['an unknown customer', { ...salesOrder('C-12') }, 'INVALID_KEY_OR_REF', 'entity'],
    ['a bad currency', { ...salesOrder(), currency: { refName: 'euro' } }, 'INVALID_KEY_OR_REF', 'currency'],
    ['no lines', { ...salesOrder(), item: { items: [] } }, 'USER_ERROR', 'item'],
    ['a line without item', { ...salesOrder(), item: { items: [{ quantity: 1, amount: 1 }] } }, 'INVALID_KEY_OR_REF', 'item.items[0].item'],
    ['a closed status set directly', { ...salesOrder(), orderStatus: { id: 'H' } }, 'INVALID_FLD_VALUE', 'orderStatus'],
  ])('refuses %s in NetSuite format and stores nothing', async (_label, body, code, path) => {
    const response = await put(r, 'SO-5', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, title: 'Bad Request', 'o:errorDetails': [{ 'o:errorCode': code, 'o:errorPath': path }] });
    expect(r.sim.store.all).toHaveLength(0);
  });

  it('answers injected rate limits alternately as a request limit with Retry-After and as a concurrency limit', async () => {
    r.faults.configure({ ...NO_FAULTS, rateLimitRate: 1, retryAfterSeconds: 3 });
    const first = await put(r, 'SO-6', salesOrder());
    const second = await put(r, 'SO-6', salesOrder());
    expect([first.status, first.headers.get('retry-after'), second.status, second.headers.get('retry-after')]).toEqual([429, '3', 429, null]);
    expect(((await first.json()) as { 'o:errorDetails': Array<{ 'o:errorCode': string }> })['o:errorDetails'][0]['o:errorCode']).toBe('SSS_REQUEST_LIMIT_EXCEEDED');
    expect(((await second.json()) as { 'o:errorDetails': Array<{ 'o:errorCode': string }> })['o:errorDetails'][0]['o:errorCode']).toBe('CONCURRENCY_LIMIT_EXCEEDED');
    expect(r.sim.store.all).toHaveLength(0);
  });

  it('stores the order on a timeout after commit but never answers', async () => {
    r.faults.configure({ ...NO_FAULTS, timeoutAfterCommitRate: 1 });
    await expect(put(r, 'SO-7', salesOrder(), undefined, AbortSignal.timeout(300))).rejects.toThrow();
    expect(r.sim.store.get('SO-7')?.writes).toBe(1);
  });

  it('refuses more concurrent requests than the account allows', async () => {
    r.server.close();
    r = await start(1);
    r.faults.configure({ ...NO_FAULTS, latencyMs: 200 });
    const answers = await Promise.all([put(r, 'SO-8', salesOrder()), put(r, 'SO-9', salesOrder())]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 429]);
    expect(r.sim.stats.concurrencyRejected).toBe(1);
  });
});
