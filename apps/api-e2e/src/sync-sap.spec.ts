import { configureQueueBackend } from '@signet/sync-queue';
import { CONNECTOR_QUEUES } from '@signet/sync-contracts';
import { eventually, queuePrefix, redisUrl, type Stack, startStack, userWithRoles } from '@signet/testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';

interface LedgerEntry {
  id: string;
  connector: string;
  objectId: string;
  objectNumber: string | null;
  status: string;
  attempts: number;
  erpId: string | null;
  erpStatus: string | null;
  erpTotal: string | null;
  payloadHash: string | null;
  errorCode: string | null;
}
interface DeadLetter extends LedgerEntry { errorDetail: unknown }
interface SapListing {
  total: number;
  countsByPurchaseOrder: Record<string, number>;
  duplicates: string[];
  orders: Array<{ salesOrder: string; purchaseOrderByCustomer: string; soldToParty: string; requestedDeliveryDate: string; totalNetAmount: string; items: Array<{ item: string; material: string; quantity: string; partners: unknown[]; texts: Array<{ LongText: string }> }>; partners: unknown[] }>;
}

const today = new Date().toISOString().slice(0, 10);

/**
 * Orders reach the simulated SAP S/4HANA through the real chain: activation → outbox → relay →
 * `connector-sap` queue → the connector process → the simulator's API_SALES_ORDER_SRV → result →
 * ledger. Faults are switched on the simulator while the run goes on.
 */
describe('SAP sync end to end (outbox → connector-sap → simulated S/4HANA)', () => {
  let stack: Stack;
  let pg: Client;
  let accountId: string;
  let orders: Array<{ id: string; number: string; key: string }>;
  const order = (key: string) => orders.find((o) => o.key === key) as { id: string; number: string; key: string };

  const sap = async (): Promise<SapListing> => (await fetch(`${stack.erpSimUrl}/sap/_orders`)).json() as Promise<SapListing>;
  const faults = async (config: Record<string, number>) => {
    const r = await fetch(`${stack.erpSimUrl}/_faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
    expect(r.status).toBe(200);
  };
  const ledgerOf = async (objectId: string): Promise<LedgerEntry | undefined> => {
    const page = await stack.admin.get<{ items: LedgerEntry[] }>(`/api/sync/ledger?objectType=order&objectId=${objectId}&connector=sap`);
    return page.body.items.find((e) => e.connector === 'sap');
  };
  const settled = (objectId: string, status: string, timeoutMs = 60_000) =>
    eventually(async () => {
      const entry = await ledgerOf(objectId);
      return entry?.status === status ? entry : undefined;
    }, timeoutMs, 300);
  const activate = async (key: string) => expect((await stack.admin.post(`/api/orders/${order(key).id}/activate`, {})).status).toBe(200);

  beforeAll(async () => {
    stack = await startStack('sync_sap', { connectors: ['sap'], env: { SYNC_RELAY_POLL_MS: '300' } });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    const account = await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Bayer Werkzeuge GmbH', accountNumber: 'BW-1', externalIds: { sap: '17100001' } });
    expect(account.status).toBe(201);
    accountId = account.body.id;
    const location = await pg.query(`INSERT INTO account_locations (account_id, name, street, postal_code, city, country) VALUES ($1, 'Werk Leverkusen', 'Kaiser-Wilhelm-Allee 1', '51373', 'Leverkusen', 'DE') RETURNING id`, [accountId]);
    for (const product of [
      { sku: 'HW-100', name: 'Appliance 100', chargeType: 'one-time', listPrice: '1000.00' },
      { sku: 'SVC-1', name: 'Installation', chargeType: 'one-time', listPrice: '250.00' },
    ]) {
      expect((await stack.admin.post('/api/products', product)).status).toBe(201);
    }
    await stack.admin.post('/api/fields', { object: 'line', name: 'site', label: 'Site', type: 'text' });
    const rep = await userWithRoles(stack, ['sales']);
    const quote = await rep.client.post<{ id: string }>('/api/quotes', {
      name: 'SAP sync quote',
      accountId,
      startDate: today,
      lines: ['A', 'B', 'C'].flatMap((site) => [
        { sku: 'HW-100', quantity: '2', fields: { site } },
        { sku: 'SVC-1', quantity: '1', fields: { site } },
      ]),
    });
    expect(quote.status).toBe(201);
    await pg.query(`UPDATE quote_lines SET ship_to_location_id = $1 WHERE quote_id = $2 AND sku = 'HW-100'`, [location.rows[0].id, quote.body.id]);
    expect((await rep.client.post(`/api/quotes/${quote.body.id}/approvals/submit`, {})).status).toBe(200);
    const plan = await rep.client.post<{ orders: Array<{ id: string; number: string; key: string }> }>(`/api/quotes/${quote.body.id}/orders`, { by: ['fields.site'] });
    expect(plan.status).toBe(200);
    orders = plan.body.orders;
  }, 180_000);

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('an activated order becomes exactly one SAP sales order, and the ledger holds its number', async () => {
    await activate('A');
    const entry = await settled(order('A').id, 'succeeded');
    const listing = await sap();
    expect(listing.countsByPurchaseOrder[order('A').number]).toBe(1);
    const created = listing.orders.find((o) => o.purchaseOrderByCustomer === order('A').number);
    expect(created).toMatchObject({ soldToParty: '17100001', totalNetAmount: '2250.000' });
    expect(created?.items.map((i) => [i.material, i.quantity])).toEqual([['HW-100', '2'], ['SVC-1', '1']]);
    expect(created?.items[0].texts[0].LongText).toContain('Werk Leverkusen');
    expect(created?.partners).toEqual([{ PartnerFunction: 'SH', Customer: '17100001' }]);
    // The ledger keeps money at two decimals; SAP answered 2250.000.
    expect(entry).toMatchObject({ erpId: created?.salesOrder, erpTotal: '2250.00', attempts: 1, errorCode: null });
    expect(entry.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a timeout after SAP committed is retried and still leaves exactly one sales order', async () => {
    await faults({ timeoutAfterCommitRate: 1 });
    await activate('B');
    // SAP stored it but the connector never heard back…
    await eventually(async () => ((await sap()).countsByPurchaseOrder[order('B').number] === 1 ? true : undefined), 30_000, 200);
    await faults({});
    // …so the retry looks the order up by PurchaseOrderByCustomer and finds it.
    const entry = await settled(order('B').id, 'succeeded');
    expect(entry.attempts).toBeGreaterThanOrEqual(2);
    const listing = await sap();
    expect(listing.countsByPurchaseOrder[order('B').number]).toBe(1);
    expect(entry.erpId).toBe(listing.orders.find((o) => o.purchaseOrderByCustomer === order('B').number)?.salesOrder);
    expect(listing.duplicates).toEqual([]);
  }, 90_000);

  it('the connector schedules its inbound poll on its queue', async () => {
    const backend = configureQueueBackend({ redisUrl: redisUrl(), databaseUrl: stack.db.url, prefix: queuePrefix('sync_sap') });
    const queue = new Queue(CONNECTOR_QUEUES.sap, { connection: backend.connection, prefix: backend.prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.name, s.every])).toEqual([['sap-inbound-poll', 'sync.inbound-poll', 60_000]]);
    } finally {
      await queue.close();
    }
  });

  it('an account without a SAP id is a dead letter at once; fixing the id and re-driving syncs it', async () => {
    expect((await stack.admin.patch(`/api/accounts/${accountId}`, { externalIds: { sap: null } })).status).toBe(200);
    await activate('C');
    const failed = await settled(order('C').id, 'failed');
    expect(failed).toMatchObject({ errorCode: 'missing_erp_id', attempts: 1 });
    const dead = await stack.admin.get<{ items: DeadLetter[] }>('/api/sync/dead-letters?connector=sap');
    expect(dead.body.items.map((d) => d.objectId)).toEqual([order('C').id]);
    expect((await sap()).countsByPurchaseOrder[order('C').number]).toBeUndefined();

    expect((await stack.admin.patch(`/api/accounts/${accountId}`, { externalIds: { sap: '17100002' } })).status).toBe(200);
    expect((await stack.admin.post('/api/sync/dead-letters/redrive', { ids: [failed.id], reason: 'SAP customer id set' })).status).toBe(202);
    const synced = await settled(order('C').id, 'succeeded');
    const listing = await sap();
    expect(listing.countsByPurchaseOrder[order('C').number]).toBe(1);
    expect(listing.orders.find((o) => o.purchaseOrderByCustomer === order('C').number)).toMatchObject({ soldToParty: '17100002', salesOrder: synced.erpId });
  }, 90_000);
});
