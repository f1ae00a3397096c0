import { eventually, queuePrefix, redisUrl, type Stack, startStack, userWithRoles } from '@signet/testing';
import { JobName, parseSyncEvent, QueueName, redriveJobId, type SyncEventPayload, type SyncOrderDocument, syncEventJobId } from '@signet/sync-contracts';
import { Queue } from 'bullmq';
import { Client } from 'pg';

interface LedgerEntry {
  id: string;
  connector: string;
  objectId: string;
  status: string;
  jobId: string;
  attempts: number;
  eventId: string | null;
  erpId: string | null;
  erpStatus: string | null;
  erpTotal: string | null;
  sentTotal: string | null;
  payloadHash: string | null;
  errorCode: string | null;
}
interface DeadLetter extends LedgerEntry { errorDetail: { erpCode?: string; httpStatus?: number } | null }
interface SimOrder {
  id: string;
  externalId: string;
  entity: { id: string };
  tranDate: string;
  currency: { refName: string };
  status: { id: string; refName: string };
  total: number;
  writes: number;
  item: { items: Array<{ item: { externalId: string }; quantity: number; amount: number; isClosed: boolean }> };
}
interface SimWebhooks { events: Array<{ webhookId: string; event: { id: string; type: string; subject: string; data: { number: string } } }>; duplicates: number; rejected: number }

const LABEL = 'sync-netsuite';
const today = new Date().toISOString().slice(0, 10);

describe('NetSuite connector through the outbox, real Redis and the simulator', () => {
  let stack: Stack;
  let pg: Client;
  let accountId: string;
  let netsuiteQueue: Queue;
  let webhookQueue: Queue;
  let orders: { id: string; number: string; key: string }[];
  const order = (key: string) => orders.find((o) => o.key === key) as { id: string; number: string; key: string };

  const sim = async <T>(path: string): Promise<T> => (await (await fetch(`${stack.erpSimUrl}${path}`)).json()) as T;
  const simOrders = async (number?: string) => (await sim<{ orders: SimOrder[] }>('/netsuite/_orders')).orders.filter((o) => !number || o.externalId === number);
  const faults = async (config: Record<string, number>) => {
    const response = await fetch(`${stack.erpSimUrl}/_faults`, { method: 'PUT', body: JSON.stringify(config) });
    expect(response.status).toBe(200);
  };
  const ledger = async (key: string): Promise<LedgerEntry | undefined> => {
    const page = await stack.admin.get<{ items: LedgerEntry[] }>(`/api/sync/ledger?objectType=order&objectId=${order(key).id}`);
    return page.body.items.find((e) => e.connector === 'netsuite');
  };
  const settledLedger = (key: string, status: string, timeoutMs = 30_000) =>
    eventually(async () => {
      const entry = await ledger(key);
      return entry?.status === status ? entry : undefined;
    }, timeoutMs);
  const activate = async (key: string) => expect((await stack.admin.post(`/api/orders/${order(key).id}/activate`, {})).status).toBe(200);
  const setCustomer = (id: string | null) =>
    pg.query(`UPDATE accounts SET external_ids = $2::jsonb WHERE id = $1`, [accountId, JSON.stringify(id === null ? {} : { netsuite: id })]);

  beforeAll(async () => {
    stack = await startStack(LABEL, {
      connectors: ['netsuite', 'webhook'],
      env: { SYNC_RELAY_POLL_MS: '300' },
      // Short enough that a timeout after commit costs a second, not NetSuite's 30 s default.
      connectorEnv: { NETSUITE_TIMEOUT_MS: '1000' },
    });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    const connection = { url: redisUrl() } as never;
    netsuiteQueue = new Queue(QueueName.ConnectorNetsuite, { connection, prefix: queuePrefix(LABEL) });
    webhookQueue = new Queue(QueueName.ConnectorWebhook, { connection, prefix: queuePrefix(LABEL) });

    const account = await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Suite Corp', accountNumber: 'NS-1' });
    expect(account.status).toBe(201);
    accountId = account.body.id;
    // ERP ids have no API on this branch yet: the fixture writes them directly.
    await setCustomer('4711');
    for (const product of [
      { sku: 'HW', name: 'Appliance', chargeType: 'one-time', listPrice: '1000.00' },
      { sku: 'SUB', name: 'Seat', chargeType: 'recurring', revenueMethod: 'ratable', listPrice: '1200.00', termMonths: 12 },
    ]) {
      expect((await stack.admin.post('/api/products', product)).status).toBe(201);
    }
    await stack.admin.post('/api/fields', { object: 'line', name: 'site', label: 'Site', type: 'text' });
    const rep = await userWithRoles(stack, ['sales']);
    const quote = await rep.client.post<{ id: string }>('/api/quotes', {
      name: 'NetSuite quote',
      accountId,
      startDate: today,
      lines: ['A', 'B', 'C', 'D'].flatMap((site) => [
        { sku: 'HW', quantity: '2', fields: { site } },
        { sku: 'SUB', quantity: '5', fields: { site } },
      ]),
    });
    expect(quote.status).toBe(201);
    expect((await rep.client.post(`/api/quotes/${quote.body.id}/approvals/submit`, {})).status).toBe(200);
    const plan = await rep.client.post<{ orders: { id: string; number: string; key: string }[] }>(`/api/quotes/${quote.body.id}/orders`, { by: ['fields.site'] });
    expect(plan.status).toBe(200);
    orders = plan.body.orders;
  }, 180_000);

  afterAll(async () => {
    for (const queue of [netsuiteQueue, webhookQueue]) {
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
    }
    await pg?.end();
    await stack?.stop();
  });

  it('activating an order upserts exactly one NetSuite sales order under its number, and the ledger says synced', async () => {
    await activate('A');
    const synced = await settledLedger('A', 'succeeded');
    const stored = await simOrders(order('A').number);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      externalId: order('A').number,
      entity: { id: '4711' },
      tranDate: today,
      currency: { refName: 'USD' },
      status: { id: 'B', refName: 'Pending Fulfillment' },
      total: 8000,
      writes: 1,
    });
    expect(stored[0].item.items.map((l) => [l.item.externalId, l.quantity, l.isClosed])).toEqual([
      ['HW', 2, false],
      ['SUB', 5, false],
    ]);
    expect(synced).toMatchObject({ erpId: stored[0].id, erpStatus: 'Pending Fulfillment', erpTotal: '8000.00', sentTotal: '8000.00', attempts: 1, errorCode: null });
    expect(synced.payloadHash).toMatch(/^[0-9a-f]{64}$/);

    // The webhook connector got the same event, as a CloudEvent whose id is the event id.
    const hooks = await eventually(async () => {
      const got = await sim<SimWebhooks>('/webhooks/events');
      return got.events.some((e) => e.event.subject === order('A').number) ? got : undefined;
    });
    const delivered = hooks.events.find((e) => e.event.subject === order('A').number);
    expect(delivered).toMatchObject({ webhookId: synced.eventId, event: { id: synced.eventId, type: 'com.signet.order.activated.v1', data: { number: order('A').number } } });
  });

  it('a timeout after NetSuite committed is retried and still leaves exactly one sales order', async () => {
    await faults({ timeoutAfterCommitRate: 1 });
    await activate('B');
    // NetSuite has stored it, but the connector heard nothing back.
    await eventually(async () => ((await simOrders(order('B').number)).length === 1 ? true : undefined));
    expect((await ledger('B'))?.status).toBe('pending');
    await faults({});
    const synced = await settledLedger('B', 'succeeded');
    const stored = await simOrders(order('B').number);
    expect(stored).toHaveLength(1);
    expect(stored[0].writes).toBeGreaterThanOrEqual(2);
    expect(synced.attempts).toBeGreaterThanOrEqual(2);
    expect(synced.erpId).toBe(stored[0].id);
  });

  it('rate limits (429 with Retry-After, and the concurrency limit) wait without spending attempts', async () => {
    await faults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    await activate('C');
    await eventually(async () => {
      const got = await sim<{ faults: Record<string, number> }>('/netsuite/_orders');
      return got.faults['rate-limit'] >= 3 ? true : undefined;
    });
    expect(await simOrders(order('C').number)).toHaveLength(0);
    await faults({});
    const synced = await settledLedger('C', 'succeeded');
    expect(synced.attempts).toBe(1);
    expect(await simOrders(order('C').number)).toHaveLength(1);
  });

  it('dead-letters a missing or unknown customer without retrying, and syncs once an admin fixes it and re-drives', async () => {
    await setCustomer(null);
    await activate('D');
    const missing = await settledLedger('D', 'failed');
    expect(missing).toMatchObject({ errorCode: 'missing_erp_id', attempts: 1 });
    expect(await simOrders(order('D').number)).toHaveLength(0);

    // NetSuite refuses a customer it does not know: unrecoverable at once, in NetSuite's words.
    await setCustomer('C-12');
    const first = await stack.admin.post('/api/sync/dead-letters/redrive', { ids: [missing.id], reason: 'customer id set' });
    expect(first.status).toBe(202);
    const refused = await eventually(async () => {
      const page = await stack.admin.get<{ items: DeadLetter[] }>('/api/sync/dead-letters?connector=netsuite');
      return page.body.items.find((d) => d.objectId === order('D').id && d.errorCode === 'erp_validation');
    });
    expect(refused).toMatchObject({ attempts: 1, errorDetail: { httpStatus: 400, erpCode: 'INVALID_KEY_OR_REF' } });
    expect(await simOrders(order('D').number)).toHaveLength(0);

    await setCustomer('4711');
    expect((await stack.admin.post('/api/sync/dead-letters/redrive', { ids: [missing.id], reason: 'right customer id' })).status).toBe(202);
    const synced = await settledLedger('D', 'succeeded');
    expect(synced.jobId).toBe(redriveJobId('netsuite', synced.eventId as string, 2));
    expect(await simOrders(order('D').number)).toHaveLength(1);
  });

  it('a cancellation closes every line of the same sales order, and contract events are skipped', async () => {
    const activated = await netsuiteQueue.getJob(syncEventJobId('netsuite', (await ledger('A'))?.eventId as string));
    const event = parseSyncEvent(activated?.data);
    const cancelled: SyncEventPayload = {
      ...event,
      eventId: `${event.eventId.slice(0, -4)}cafe`,
      type: 'order.cancelled',
      sequence: event.sequence + 1,
      document: { ...(event.document as SyncOrderDocument), status: 'cancelled' },
    };
    await netsuiteQueue.add(JobName.SyncEvent, cancelled, { jobId: syncEventJobId('netsuite', cancelled.eventId), attempts: 3 });
    const closed = await eventually(async () => {
      const [stored] = await simOrders(order('A').number);
      return stored?.status.id === 'H' ? stored : undefined;
    });
    expect(closed.item.items.every((l) => l.isClosed)).toBe(true);
    expect(await simOrders(order('A').number)).toHaveLength(1);

    const contract = { ...event, eventId: `${event.eventId.slice(0, -4)}c0de`, type: 'contract.activated', objectType: 'contract', document: { ...event.document, kind: 'contract' } };
    const jobId = syncEventJobId('netsuite', contract.eventId);
    await netsuiteQueue.add(JobName.SyncEvent, contract, { jobId, attempts: 3 });
    const done = await eventually(async () => ((await netsuiteQueue.getJob(jobId))?.finishedOn ? await netsuiteQueue.getJob(jobId) : undefined));
    expect(done?.returnvalue).toBe('skipped');
  });

  it('the webhook receiver stores a replayed delivery (same webhook-id) once', async () => {
    const eventId = (await ledger('A'))?.eventId as string;
    const original = await webhookQueue.getJob(syncEventJobId('webhook', eventId));
    const before = await sim<SimWebhooks>('/webhooks/events');
    await webhookQueue.add(JobName.SyncEvent, original?.data, { jobId: redriveJobId('webhook', eventId, 9), attempts: 3 });
    const after = await eventually(async () => {
      const got = await sim<SimWebhooks>('/webhooks/events');
      return got.duplicates > before.duplicates ? got : undefined;
    });
    expect(after.events.filter((e) => e.webhookId === eventId)).toHaveLength(1);
    expect(after.rejected).toBe(0);
  });
});
