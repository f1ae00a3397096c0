import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, type QueueEngine, queuePrefix, redisUrl, type Stack, startApp, startStack, TestClient, userWithRoles, WEBHOOK_SECRET } from '@signet/testing';
import { configureQueueBackend } from '@signet/sync-queue';
import { JobName, parseSyncEvent, QueueName, resultJobId, SYNC_RESULT_VERSION, type SyncOrderDocument, type SyncResultPayload, syncEventJobId } from '@signet/sync-contracts';
import { Queue } from 'bullmq';
import { Client } from 'pg';

interface LedgerEvent { eventId: string; type: string; sequence: number; status: string; jobId: string; attempts: number; redrives: number; erpId: string | null; errorCode: string | null; payloadHash: string | null }
interface LedgerEntry {
  id: string;
  connector: string;
  objectId: string;
  objectNumber: string | null;
  status: string;
  jobId: string;
  attempts: number;
  redrives: number;
  eventId: string | null;
  sequence: number;
  erpId: string | null;
  erpStatus: string | null;
  erpTotal: string | null;
  sentTotal: string | null;
  sentOn: string | null;
  payloadHash: string | null;
  errorCode: string | null;
  updatedAt: string;
  events: LedgerEvent[];
}
interface DeadLetter extends LedgerEntry { payload: { document?: SyncOrderDocument; eventId?: string }; errorDetail: unknown }
interface Connector { id: string; enabled: boolean; paused: boolean; health: string; queue: Record<string, number>; deadLetters: number; lastSuccessAt: string | null; lastFailureAt: string | null }
interface Problem { code: string; status: number; errors?: { field: string }[]; ids?: string[] }
interface OutboxRow { id: string; type: string; object_number: string; sequence: number; published_at: Date | null }

const today = new Date().toISOString().slice(0, 10);

describe.each<QueueEngine>(['redis', 'postgres'])('transactional outbox, relay, ledger and dead letters on %s', (engine) => {
  const LABEL = `sync_outbox_${engine}`;
  let connection: never;
  let stack: Stack;
  let pg: Client;
  let webhookQueue: Queue;
  let results: Queue;
  let orders: { id: string; number: string; key: string; version: number }[];
  let accountId: string;
  let rep: Awaited<ReturnType<typeof userWithRoles>>;
  const order = (key: string) => orders.find((o) => o.key === key) as { id: string; number: string; key: string; version: number };

  const outboxOf = async (objectId: string): Promise<OutboxRow[]> =>
    (await pg.query(`SELECT id, type, object_number, sequence, published_at FROM sync_outbox WHERE object_id = $1 ORDER BY sequence`, [objectId])).rows;
  const ledgerOf = async (objectId: string): Promise<LedgerEntry> => {
    const page = await stack.admin.get<{ items: LedgerEntry[]; total: number }>(`/api/sync/ledger?objectType=order&objectId=${objectId}`);
    expect(page.status).toBe(200);
    return page.body.items[0];
  };
  const report = async (result: Omit<SyncResultPayload, 'version' | 'connector' | 'objectType'>) => {
    const payload: SyncResultPayload = { version: SYNC_RESULT_VERSION, connector: 'webhook', objectType: 'order', ...result };
    await results.add(JobName.SyncResult, payload, { jobId: `${resultJobId(result.jobId, result.attempts)}-${result.status}-${Date.parse(result.finishedAt)}` });
  };
  const activate = (key: string) => stack.admin.post<{ status: string }>(`/api/orders/${order(key).id}/activate`, {});

  beforeAll(async () => {
    stack = await startStack(LABEL, { engine, connector: false, env: { SYNC_RELAY_POLL_MS: '300', SYNC_REDELIVERY_SECONDS: '2' } });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    connection = configureQueueBackend({ redisUrl: engine === 'redis' ? redisUrl() : undefined, databaseUrl: stack.db.url, prefix: queuePrefix(LABEL) }).connection as never;
    webhookQueue = new Queue(QueueName.ConnectorWebhook, { connection, prefix: queuePrefix(LABEL) });
    results = new Queue(QueueName.SyncResults, { connection, prefix: queuePrefix(LABEL) });

    const account = await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Outbox GmbH', accountNumber: 'OBX-1' });
    expect(account.status).toBe(201);
    // ERP ids and ship-to locations have no API on this branch yet: the fixture writes them directly.
    await pg.query(`UPDATE accounts SET external_ids = '{"sap":"1000777"}' WHERE id = $1`, [account.body.id]);
    const location = await pg.query(`INSERT INTO account_locations (account_id, name, city, country) VALUES ($1, 'Berlin plant', 'Berlin', 'DE') RETURNING id`, [account.body.id]);
    for (const product of [
      { sku: 'HW', name: 'Appliance', chargeType: 'one-time', listPrice: '1000.00' },
      { sku: 'SUB', name: 'Seat', chargeType: 'recurring', revenueMethod: 'ratable', listPrice: '1200.00', termMonths: 12 },
    ]) {
      expect((await stack.admin.post('/api/products', product)).status).toBe(201);
    }
    await stack.admin.post('/api/fields', { object: 'line', name: 'site', label: 'Site', type: 'text' });
    accountId = account.body.id;
    rep = await userWithRoles(stack, ['sales']);
    const quote = await rep.client.post<{ id: string; lines: { id: string; sku: string }[] }>('/api/quotes', {
      name: 'Outbox quote',
      accountId: account.body.id,
      startDate: today,
      lines: ['A', 'B', 'C', 'D'].flatMap((site) => [
        { sku: 'HW', quantity: '2', fields: { site } },
        { sku: 'SUB', quantity: '5', fields: { site } },
      ]),
    });
    expect(quote.status).toBe(201);
    await pg.query(`UPDATE quote_lines SET ship_to_location_id = $1 WHERE quote_id = $2 AND sku = 'HW'`, [location.rows[0].id, quote.body.id]);
    expect((await rep.client.post(`/api/quotes/${quote.body.id}/approvals/submit`, {})).status).toBe(200);
    const plan = await rep.client.post<{ orders: { id: string; number: string; key: string }[] }>(`/api/quotes/${quote.body.id}/orders`, { by: ['fields.site'] });
    expect(plan.status).toBe(200);
    orders = plan.body.orders.map((o) => ({ ...o, version: 1 }));
    expect(orders.map((o) => o.key).sort()).toEqual(['A', 'B', 'C', 'D']);
  }, 120_000);

  afterAll(async () => {
    await webhookQueue?.obliterate({ force: true }).catch(() => undefined);
    await webhookQueue?.close();
    await results?.close();
    await pg?.end();
    await stack?.stop();
  });

  it('writes the event with the activation and publishes it to the enabled connector with a document read at publish time', async () => {
    expect(await outboxOf(order('A').id)).toEqual([]);
    const activated = await activate('A');
    expect(activated.status).toBe(200);
    const [event] = await outboxOf(order('A').id);
    expect(event).toMatchObject({ type: 'order.activated', object_number: order('A').number, sequence: 1 });

    const job = await eventually(async () => (await webhookQueue.getJob(syncEventJobId('webhook', event.id))) ?? undefined);
    expect(job.name).toBe(JobName.SyncEvent);
    const payload = parseSyncEvent(job.data);
    expect(payload).toMatchObject({ eventId: event.id, connector: 'webhook', type: 'order.activated', objectNumber: order('A').number, sequence: 1 });
    const document = payload.document as SyncOrderDocument;
    expect(document).toMatchObject({ kind: 'order', status: 'activated', activatedOn: today, currency: 'USD', netTotal: '8000.00' });
    expect(document.account).toMatchObject({ name: 'Outbox GmbH', accountNumber: 'OBX-1', externalIds: { sap: '1000777' } });
    expect(document.lines.map((l) => [l.sku, l.quantity, l.shipTo?.name ?? null])).toEqual([
      ['HW', '2.0000', 'Berlin plant'],
      ['SUB', '5.0000', null],
    ]);
    expect((await outboxOf(order('A').id))[0].published_at).not.toBeNull();
    // Only enabled connectors get a job.
    const sapQueue = new Queue(QueueName.ConnectorSap, { connection, prefix: queuePrefix(LABEL) });
    expect(await sapQueue.getJob(syncEventJobId('sap', event.id))).toBeUndefined();
    await sapQueue.close();

    const ledger = await ledgerOf(order('A').id);
    expect(ledger).toMatchObject({ connector: 'webhook', status: 'pending', eventId: event.id, sequence: 1, objectNumber: order('A').number, sentTotal: '8000.00', sentOn: today });
    expect(ledger.events).toEqual([expect.objectContaining({ eventId: event.id, status: 'pending', jobId: syncEventJobId('webhook', event.id) })]);
  });

  it('leaves no event behind when the activation rolls back after the event was written', async () => {
    // A deferred constraint trigger fails the commit of B's activation, after the outbox insert.
    await pg.query(`CREATE FUNCTION e2e_refuse_activation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'activated' THEN RAISE EXCEPTION 'e2e: activation refused at commit'; END IF; RETURN NULL; END $$`);
    await pg.query(`CREATE CONSTRAINT TRIGGER e2e_refuse_activation AFTER UPDATE ON orders DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.id = '${order('B').id}') EXECUTE FUNCTION e2e_refuse_activation()`);
    try {
      const refused = await activate('B');
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect((await pg.query(`SELECT status FROM orders WHERE id = $1`, [order('B').id])).rows[0].status).toBe('draft');
      expect(await outboxOf(order('B').id)).toEqual([]);
    } finally {
      await pg.query(`DROP TRIGGER e2e_refuse_activation ON orders`);
      await pg.query(`DROP FUNCTION e2e_refuse_activation()`);
    }
    expect((await activate('B')).status).toBe(200);
    expect((await outboxOf(order('B').id)).map((e) => e.sequence)).toEqual([1]);
  });

  it('moves the ledger from pending to succeeded on the result, and ignores a repeated or older report', async () => {
    const ledger = await ledgerOf(order('A').id);
    const base = { objectId: order('A').id, jobId: ledger.jobId, eventId: ledger.eventId as string };
    await report({ ...base, status: 'succeeded', attempts: 2, erpId: 'WH-1', payloadHash: 'a'.repeat(64), erpStatus: 'accepted', erpTotal: '8000.00', finishedAt: '2026-11-28T10:00:02.000Z' });
    const synced = await eventually(async () => {
      const entry = await ledgerOf(order('A').id);
      return entry.status === 'succeeded' ? entry : undefined;
    });
    expect(synced).toMatchObject({ erpId: 'WH-1', attempts: 2, erpStatus: 'accepted', erpTotal: '8000.00', payloadHash: 'a'.repeat(64) });
    expect(synced.events[0]).toMatchObject({ status: 'succeeded', attempts: 2, erpId: 'WH-1' });

    await report({ ...base, status: 'succeeded', attempts: 2, erpId: 'WH-1', payloadHash: 'a'.repeat(64), erpStatus: 'accepted', erpTotal: '8000.00', finishedAt: '2026-11-28T10:00:02.000Z' });
    await report({ ...base, status: 'failed', attempts: 1, error: { code: 'server_error', message: 'late' }, finishedAt: '2026-11-28T10:00:01.000Z' });
    await eventually(async () => {
      const counts = await results.getJobCounts('waiting', 'active', 'delayed');
      return counts['waiting'] + counts['active'] + counts['delayed'] === 0 ? true : undefined;
    });
    const after = await ledgerOf(order('A').id);
    expect(after).toEqual(synced);

    const connectors = await stack.admin.get<Connector[]>('/api/sync/connectors');
    const webhook = connectors.body.find((c) => c.id === 'webhook') as Connector;
    expect(webhook).toMatchObject({ enabled: true, paused: false, health: 'ok', lastSuccessAt: '2026-11-28T10:00:02.000Z' });
    expect(webhook.queue).toEqual(expect.objectContaining({ waiting: expect.any(Number), active: 0, delayed: 0, failed: 0 }));
    expect(connectors.body.find((c) => c.id === 'sap')).toMatchObject({ enabled: false, health: 'disabled' });
  });

  it('shows a failed delivery as a dead letter and re-drives it with a reason under a new job id', async () => {
    expect((await activate('C')).status).toBe(200);
    const pending = await eventually(async () => {
      const entry = await ledgerOf(order('C').id);
      return entry?.status === 'pending' ? entry : undefined;
    });
    await report({ objectId: order('C').id, jobId: pending.jobId, eventId: pending.eventId as string, status: 'failed', attempts: 1, error: { code: 'validation', message: 'Sold-to party missing', detail: { field: 'SoldToParty' } }, finishedAt: new Date().toISOString() });
    const dead = await eventually(async () => {
      const page = await stack.admin.get<{ items: DeadLetter[]; total: number }>('/api/sync/dead-letters?connector=webhook&code=validation');
      return page.body.items.find((d) => d.objectId === order('C').id);
    });
    expect(dead).toMatchObject({ status: 'failed', errorCode: 'validation', errorDetail: { field: 'SoldToParty' } });
    expect(dead.payload).toMatchObject({ eventId: pending.eventId, document: { number: order('C').number } });
    expect((await stack.admin.get<{ total: number }>('/api/sync/dead-letters?code=other')).body.total).toBe(0);
    const health = (await stack.admin.get<Connector[]>('/api/sync/connectors')).body.find((c) => c.id === 'webhook');
    expect(health).toMatchObject({ health: 'degraded', deadLetters: 1 });

    const noReason = await stack.admin.post<Problem>('/api/sync/dead-letters/redrive', { ids: [dead.id] });
    expect(noReason.status).toBe(400);
    expect(noReason.contentType).toContain('application/problem+json');
    expect(noReason.body.errors?.map((e) => e.field)).toContain('reason');
    const synced = await ledgerOf(order('A').id);
    const notDead = await stack.admin.post<Problem>('/api/sync/dead-letters/redrive', { ids: [dead.id, synced.id], reason: 'retry both' });
    expect(notDead.status).toBe(409);
    expect(notDead.body).toMatchObject({ code: 'not_dead_letter', ids: [synced.id] });
    const integration = await userWithRoles(stack, ['finance']);
    expect((await integration.client.post('/api/sync/dead-letters/redrive', { ids: [dead.id], reason: 'no rights' })).status).toBe(403);
    expect((await ledgerOf(order('C').id)).status).toBe('failed');

    const redriven = await stack.admin.post<{ items: { id: string; jobId: string; redrives: number }[] }>('/api/sync/dead-letters/redrive', { ids: [dead.id], reason: 'ERP id fixed' });
    expect(redriven.status).toBe(202);
    const jobId = `${syncEventJobId('webhook', pending.eventId as string)}-r1`;
    expect(redriven.body.items).toEqual([{ id: dead.id, jobId, redrives: 1 }]);
    const job = await webhookQueue.getJob(jobId);
    expect(parseSyncEvent(job?.data)).toMatchObject({ eventId: pending.eventId, sequence: 1 });
    expect(await webhookQueue.getJob(pending.jobId)).toBeUndefined();
    expect(await ledgerOf(order('C').id)).toMatchObject({ status: 'pending', redrives: 1, jobId, errorCode: null });
    const audit = await pg.query(`SELECT detail FROM audit_events WHERE action = 'sync.redrive'`);
    expect(audit.rows.map((r) => r.detail)).toEqual([expect.objectContaining({ ledgerId: dead.id, reason: 'ERP id fixed', jobId })]);

    await report({ objectId: order('C').id, jobId, eventId: pending.eventId as string, status: 'succeeded', attempts: 1, erpId: 'WH-3', finishedAt: new Date().toISOString() });
    await eventually(async () => ((await ledgerOf(order('C').id)).status === 'succeeded' ? true : undefined));
  });

  it('re-publishes a pending event whose job vanished from the queue, under the same job id', async () => {
    expect((await activate('D')).status).toBe(200);
    const [event] = await outboxOf(order('D').id);
    const jobId = syncEventJobId('webhook', event.id);
    const job = await eventually(async () => (await webhookQueue.getJob(jobId)) ?? undefined);
    await job.remove();
    expect(await webhookQueue.getJob(jobId)).toBeUndefined();
    const back = await eventually(async () => (await webhookQueue.getJob(jobId)) ?? undefined, 20_000);
    expect(parseSyncEvent(back.data)).toMatchObject({ eventId: event.id, objectId: order('D').id });
    const jobs = await webhookQueue.getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.filter((j) => (j.data as { eventId?: string }).eventId === event.id)).toHaveLength(1);
  });

  it('pauses and resumes a connector queue, audited, for admins and integrations only', async () => {
    const finance = await userWithRoles(stack, ['finance']);
    expect((await finance.client.post('/api/sync/connectors/webhook/pause', {})).status).toBe(403);
    expect((await stack.admin.post('/api/sync/connectors/nope/pause', {})).status).toBe(404);
    const paused = await stack.admin.post<Connector>('/api/sync/connectors/webhook/pause', { reason: 'ERP maintenance' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ id: 'webhook', paused: true, health: 'paused' });
    expect(await webhookQueue.isPaused()).toBe(true);
    const integration = await userWithRoles(stack, ['integration']);
    const resumed = await integration.client.post<Connector>('/api/sync/connectors/webhook/resume', {});
    expect(resumed.body).toMatchObject({ paused: false });
    expect(await webhookQueue.isPaused()).toBe(false);
    const audit = await pg.query(`SELECT action, detail FROM audit_events WHERE action IN ('sync.pause', 'sync.resume') ORDER BY id`);
    expect(audit.rows).toEqual([
      { action: 'sync.pause', detail: { reason: 'ERP maintenance' } },
      { action: 'sync.resume', detail: { reason: null } },
    ]);
  });
  it('publishes each event exactly once with two API processes relaying the same outbox', async () => {
    const second = await startApp('api', {
      DATABASE_URL: stack.db.url,
      REDIS_URL: engine === 'redis' ? redisUrl() : '',
      QUEUE_PREFIX: queuePrefix(LABEL),
      LOG_LEVEL: 'warn',
      WEBHOOK_TARGETS: `${stack.erpSimUrl}/webhooks|${WEBHOOK_SECRET}`,
      SYNC_RELAY_POLL_MS: '300',
    }, { readyPath: '/api/health' });
    try {
      const admins = [stack.admin, await new TestClient(second.baseUrl).login(ADMIN_EMAIL, ADMIN_PASSWORD)];
      const sites = Array.from({ length: 16 }, (_, i) => `S${String(i).padStart(2, '0')}`);
      const quote = await rep.client.post<{ id: string }>('/api/quotes', { name: 'Two relays', accountId, startDate: today, lines: sites.map((site) => ({ sku: 'HW', quantity: '1', fields: { site } })) });
      expect((await rep.client.post(`/api/quotes/${quote.body.id}/approvals/submit`, {})).status).toBe(200);
      const plan = await rep.client.post<{ orders: { id: string }[] }>(`/api/quotes/${quote.body.id}/orders`, { by: ['fields.site'] });
      const ids = plan.body.orders.map((o) => o.id);
      expect(ids).toHaveLength(16);
      const activated = await Promise.all(ids.map((id, i) => admins[i % 2].post(`/api/orders/${id}/activate`, {})));
      expect(activated.map((r) => r.status)).toEqual(ids.map(() => 200));
      const rows = await eventually(async () => {
        const r = await pg.query(`SELECT id, attempts, published_at FROM sync_outbox WHERE object_id = ANY($1::text[])`, [ids]);
        return r.rows.length === 16 && r.rows.every((row) => row.published_at !== null) ? r.rows : undefined;
      });
      expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
      const history = await pg.query(`SELECT event_id, count(*)::int AS n FROM sync_ledger_events WHERE object_id = ANY($1::text[]) GROUP BY event_id`, [ids]);
      expect(history.rows.map((r) => r.n)).toEqual(ids.map(() => 1));
      const jobs = await webhookQueue.getJobs(['waiting', 'delayed', 'active']);
      const eventIds = new Set(rows.map((r) => r.id));
      expect(jobs.filter((j) => eventIds.has((j.data as { eventId: string }).eventId))).toHaveLength(16);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
