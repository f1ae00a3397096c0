import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError, ConnectorMetrics, createErpHttp, createLogger, type JobContext, type HandlerTable } from '@signet/connector-core';
import { type InboundFactPayload, JobName } from '@signet/sync-contracts';
// The simulator runs in-process so the test can read its store and steer its faults directly.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FaultInjector, parseFaultConfig } from '../../erp-sim/src/faults';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSapSimulator, SAP_SERVICE_PATH, type SapSimulator } from '../../erp-sim/src/sap/sap-simulator';
import { sapHandlers } from './handlers';
import { SapClient } from './sap-client';
import type { SapSettings } from './settings';
import { event, line, orderDocument, SAP_SETTINGS } from './testing/fixtures';

describe('SAP connector against the SAP simulator (in-process, real HTTP)', () => {
  const faults = new FaultInjector();
  const sim: SapSimulator = createSapSimulator({ faults, credentials: { username: 'SIGNET', password: 'secret', clientId: 'signet-client', clientSecret: 'client-secret' } });
  let server: Server;
  let base: string;
  let settings: SapSettings;
  let handlers: HandlerTable;
  const requests: string[] = [];
  const facts: InboundFactPayload[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      Promise.resolve(sim.handle(req, res, url)).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    settings = { ...SAP_SETTINGS, baseUrl: `${base}${SAP_SERVICE_PATH}` };
    handlers = build(settings);
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  afterEach(() => faults.configure(parseFaultConfig({})));

  function build(s: SapSettings, timeoutMs = 1_000): HandlerTable {
    const http = createErpHttp({ connector: 'sap', timeoutMs, metrics: new ConnectorMetrics() });
    return sapHandlers(new SapClient(s, http), s, async (fact) => void facts.push(fact));
  }

  const sent: string[] = [];
  function ctx(): JobContext {
    return {
      connector: 'sap',
      jobId: 'job',
      attempt: 1,
      maxAttempts: 8,
      now: () => new Date(),
      log: createLogger('test', 'silent'),
      http: createErpHttp({ connector: 'sap', timeoutMs: 1_000, metrics: new ConnectorMetrics() }),
      sent: (body) => sent.push(body),
    };
  }

  const run = (payload: unknown, table = handlers) => {
    const handler = table[JobName.SyncEvent];
    return handler.run(handler.parse(payload), ctx());
  };
  const ordersFor = (number: string) => sim.store.findBy('PurchaseOrderByCustomer', number);

  it('creates the sales order once: a second delivery of the event finds it instead of creating again', async () => {
    const doc = orderDocument({ number: 'ORD-A1' });
    const first = await run(event('order.activated', doc));
    expect(first).toMatchObject({ status: 'succeeded', erpId: expect.stringMatching(/^\d+$/), erpTotal: '315.000', detail: { action: 'created' } });
    const again = await run(event('order.activated', doc));
    expect(again).toMatchObject({ status: 'succeeded', erpId: first.erpId, detail: { action: 'found-existing' } });
    expect(ordersFor('ORD-A1')).toHaveLength(1);
    const stored = ordersFor('ORD-A1')[0];
    expect(stored).toMatchObject({ SoldToParty: '17100001', SalesOrganization: '1710', RequestedDeliveryDate: '/Date(1798761600000)/' });
    expect(stored.to_Item.map((i) => [i.SalesOrderItem, i['Material'], i['RequestedQuantity']])).toEqual([['10', 'SKU-1', '3'], ['20', 'SKU-2', '1.5']]);
    expect(JSON.parse(sent[sent.length - 1] ?? '{}')).toMatchObject({ PurchaseOrderByCustomer: 'ORD-A1' });
  });

  it('after a timeout once SAP had committed, the retry finds the order: still exactly one', async () => {
    const doc = orderDocument({ number: 'ORD-TAC' });
    const slow = build(settings, 300);
    faults.configure(parseFaultConfig({ timeoutAfterCommitRate: 1 }));
    const timedOut = await run(event('order.activated', doc), slow).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ kind: 'retryable', code: 'erp_timeout' });
    faults.configure(parseFaultConfig({}));
    expect(ordersFor('ORD-TAC')).toHaveLength(1);
    const retry = await run(event('order.activated', doc), slow);
    expect(retry).toMatchObject({ status: 'succeeded', detail: { action: 'found-existing' } });
    expect(ordersFor('ORD-TAC')).toHaveLength(1);
  });

  it('fetches a new CSRF token once when SAP rejects the old one, then writes', async () => {
    await run(event('order.activated', orderDocument({ number: 'ORD-CSRF-0' })));
    const fetchesBefore = sim.security.csrfFetches;
    const rejectionsBefore = sim.security.csrfRejections;
    sim.security.expireSessions();
    const result = await run(event('order.activated', orderDocument({ number: 'ORD-CSRF-1' })));
    expect(result.status).toBe('succeeded');
    expect(sim.security.csrfRejections).toBe(rejectionsBefore + 1);
    expect(sim.security.csrfFetches).toBe(fetchesBefore + 1);
    expect(ordersFor('ORD-CSRF-1')).toHaveLength(1);
  });

  it('fails with missing_erp_id before calling SAP when the account has no SAP id', async () => {
    const before = requests.length;
    const doc = orderDocument({ number: 'ORD-NOID', account: { id: 'a-7', name: 'Nameless AG', accountNumber: null, externalIds: {} } });
    await expect(run(event('order.activated', doc))).rejects.toMatchObject({ kind: 'unrecoverable', code: 'missing_erp_id' });
    // Only the idempotency lookup went out; nothing was written.
    expect(requests.slice(before).filter((r) => !r.startsWith('GET'))).toEqual([]);
  });

  it("normalises SAP's validation error as unrecoverable with SAP's body as detail", async () => {
    const doc = orderDocument({ number: 'ORD-BADSOLD', account: { id: 'a', name: 'A', accountNumber: null, externalIds: { sap: 'ACME' } } });
    const error = (await run(event('order.activated', doc)).catch((e: unknown) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'unrecoverable', code: 'erp_validation' });
    expect(error.message).toContain('Sold-to party ACME does not exist');
    expect(error.detail).toMatchObject({ error: { code: 'V1/302', message: { value: 'Sold-to party ACME does not exist' } } });
  });

  it.each([
    ['a 500', { errorRate: 1 }, { kind: 'retryable', code: 'erp_unavailable' }],
    ['a 429 with Retry-After', { rateLimitRate: 1, retryAfterSeconds: 4 }, { kind: 'rate-limited', code: 'erp_rate_limited', retryAfterMs: 4_000 }],
    ['a dropped connection', { dropRate: 1 }, { kind: 'retryable', code: 'erp_unreachable' }],
  ])('classifies %s', async (_label, config, expected) => {
    faults.configure(parseFaultConfig(config));
    const number = `ORD-F-${Object.keys(config)[0]}`;
    await expect(run(event('order.activated', orderDocument({ number })))).rejects.toMatchObject(expected);
    faults.configure(parseFaultConfig({}));
    expect(ordersFor(number)).toEqual([]);
  });

  it('order.changed updates the header with If-Match and changed quantities; an unknown order is created', async () => {
    const doc = orderDocument({ number: 'ORD-CHG' });
    await run(event('order.activated', doc));
    const etagBefore = ordersFor('ORD-CHG')[0].LastChangeDateTime;
    const changed = orderDocument({ number: 'ORD-CHG', effectiveDate: '2027-03-01', lines: [line(1, { quantity: '5.0000', netTotal: '500.00' }), line(2, { quantity: '1.5000', netTotal: '15.00' })] });
    const result = await run(event('order.changed', changed));
    expect(result).toMatchObject({ status: 'succeeded', detail: { action: 'updated', changedItems: ['10'] } });
    const stored = ordersFor('ORD-CHG')[0];
    expect(stored['RequestedDeliveryDate']).toBe('/Date(1803859200000)/');
    expect(stored.to_Item[0]['RequestedQuantity']).toBe('5');
    expect(stored.LastChangeDateTime).toBeGreaterThan(etagBefore);
    const fresh = await run(event('order.changed', orderDocument({ number: 'ORD-CHG-NEW' })));
    expect(fresh).toMatchObject({ status: 'succeeded', detail: { action: 'created' } });
  });

  it('order.cancelled rejects every item; a second delivery changes nothing; an unknown order is skipped', async () => {
    const doc = orderDocument({ number: 'ORD-CXL' });
    await run(event('order.activated', doc));
    const cancelled = { ...doc, status: 'cancelled' as const };
    expect(await run(event('order.cancelled', cancelled))).toMatchObject({ status: 'succeeded', erpStatus: 'rejected', detail: { items: ['10', '20'] } });
    expect(ordersFor('ORD-CXL')[0]['OverallSDDocumentRejectionSts']).toBe('C');
    expect(await run(event('order.cancelled', cancelled))).toMatchObject({ status: 'succeeded', detail: { items: [] } });
    expect(await run(event('order.cancelled', orderDocument({ number: 'ORD-NEVER', status: 'cancelled' })))).toMatchObject({ status: 'skipped' });
    expect(await run(event('order.activated', orderDocument({ number: 'ORD-NEVER', status: 'cancelled' })))).toMatchObject({ status: 'skipped' });
    expect(ordersFor('ORD-NEVER')).toEqual([]);
  });

  it('skips contract events with a reason', async () => {
    const contract = { kind: 'contract', id: 'c-1', number: 'CON-1', status: 'active', currency: 'USD', startDate: '2027-01-01', endDate: '2027-12-31', account: orderDocument().account, subscriptions: [], assets: [] };
    const payload = { ...event('contract.activated'), objectType: 'contract', objectId: 'c-1', objectNumber: 'CON-1', document: contract };
    expect(await run(payload)).toEqual({ status: 'skipped', reason: 'contract.activated is not sent to SAP (sales orders only)' });
  });

  it('authenticates with OAuth client credentials when configured, and fails unrecoverably on bad credentials', async () => {
    const oauth = build({ ...settings, auth: { kind: 'oauth', tokenUrl: `${base}/sap/oauth/token`, clientId: 'signet-client', clientSecret: 'client-secret' } });
    expect(await run(event('order.activated', orderDocument({ number: 'ORD-OAUTH' })), oauth)).toMatchObject({ status: 'succeeded' });
    const wrong = build({ ...settings, auth: { kind: 'basic', username: 'SIGNET', password: 'wrong' } });
    await expect(run(event('order.activated', orderDocument({ number: 'ORD-WRONG' })), wrong)).rejects.toMatchObject({ kind: 'unrecoverable', code: 'erp_unauthorized' });
  });

  it('the inbound poll turns deliveries of synced orders into cumulative fulfilment facts, the same state into the same fact id', async () => {
    await run(event('order.activated', orderDocument({ number: 'ORD-DLV' })));
    const salesOrder = ordersFor('ORD-DLV')[0].SalesOrder;
    expect(sim.deliveries.deliver({ salesOrder, items: [{ item: '10', quantity: '1' }], date: '2027-01-05' })).toHaveLength(1);
    expect(sim.deliveries.deliver({ salesOrder, items: [{ item: '10', quantity: '2' }, { item: '20', quantity: '1.5' }], date: '2027-01-09' })).toHaveLength(2);
    const poll = handlers[JobName.InboundPoll];
    facts.length = 0;
    await poll.run(poll.parse({}), ctx());
    await poll.run(poll.parse({}), ctx());
    const mine = facts.filter((f) => f.orderNumber === 'ORD-DLV');
    expect(mine).toHaveLength(2);
    expect(mine[0].factId).toBe(mine[1].factId);
    expect(mine[0]).toMatchObject({
      connector: 'sap',
      kind: 'fulfilment',
      erpDocumentId: salesOrder,
      fulfilment: { lines: [{ position: 1, quantity: '3', status: 'delivered', date: '2027-01-09' }, { position: 2, quantity: '1.5', status: 'delivered', date: '2027-01-09' }] },
    });
    expect(poll.reportsResult).toBe(false);
  });

  it('answers a ping by fetching a CSRF token', async () => {
    const ping = handlers[JobName.ConnectorPing];
    const payload = { version: 1, pingId: 'p1', connector: 'sap', requestedBy: 'u', requestedAt: '2026-11-28T00:00:00Z' };
    expect(await ping.run(ping.parse(payload), ctx())).toMatchObject({ status: 'succeeded' });
  });
});
