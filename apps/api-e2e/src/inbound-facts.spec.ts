import { type Stack, startStack, userWithRoles } from '@signet/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { queuePrefix, redisUrl } from '@signet/testing';

interface Problem {
  code: string;
  status: number;
  errors?: { field: string; message: string }[];
}
interface Line {
  lineId: string;
  position: number;
  quantity: string;
  fulfilled: string;
  shipped: string;
  delivered: string;
  shippedOn: string | null;
  deliveredOn: string | null;
  invoiced: string;
  netTotal: string;
}
interface Order {
  id: string;
  contractId: string | null;
  number: string;
  status: string;
  netTotal: string;
  lines: Line[];
  invoices: { invoiceNumber: string; total: string; lines: { lineId: string; amount: string }[] }[];
  recentFacts: { factId: string; outcome: string; reason: string | null }[];
}
interface Outcome {
  factId: string;
  outcome: string;
  reason: string | null;
  field: string | null;
  orderStatus: string | null;
}
interface Recon {
  connectors: string[];
  days: { day: string; connector: string; activatedCount: number; sentCount: number; breaks: number }[];
  breaks: { kind: string; orderNumber: string; connector: string }[];
}

const SECRET = `whsec_${Buffer.from('signet-inbound-facts-e2e-secret!').toString('base64')}`;
const today = new Date().toISOString().slice(0, 10);

describe('inbound ERP facts and reconciliation', () => {
  let stack: Stack;
  let rep: Awaited<ReturnType<typeof userWithRoles>>;
  let order: Order;
  let hwLine: string;
  let subLine: string;

  /** Posts a fact signed like an ERP would; `sign` lets a test tamper with what is signed. */
  async function send(fact: Record<string, unknown>, opts: { id?: string; at?: Date; body?: string; connector?: string; secret?: string } = {}) {
    const body = JSON.stringify(fact);
    const id = opts.id ?? `msg_${randomUUID()}`;
    const at = opts.at ?? new Date();
    const signature = new Webhook(opts.secret ?? SECRET).sign(id, at, body);
    return stack.api.request<Outcome & Problem>('POST', `/api/integrations/${opts.connector ?? 'sap'}/events`, opts.body ?? body, {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    });
  }
  const fulfilment = (factId: string, occurredAt: string, lines: Record<string, unknown>[]) => ({
    version: 1,
    factId,
    kind: 'fulfilment',
    orderNumber: order.number,
    erpDocumentId: '80000001',
    occurredAt,
    fulfilment: { lines },
  });
  const get = async () => (await rep.client.get<Order>(`/api/orders/${order.id}`)).body;
  const line = (o: Order, id: string) => o.lines.find((l) => l.lineId === id) as Line;

  beforeAll(async () => {
    stack = await startStack('facts', { connector: false, env: { INBOUND_WEBHOOK_SECRETS: `sap|${SECRET}` } });
    rep = await userWithRoles(stack, ['sales']);
    const account = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Facts Inc' })).body.id;
    await stack.admin.post('/api/products', { sku: 'HW', name: 'Appliance', chargeType: 'one-time', listPrice: '1000.00', assetConversion: 'per-unit' });
    await stack.admin.post('/api/products', { sku: 'SUB', name: 'Seat', chargeType: 'recurring', revenueMethod: 'ratable', listPrice: '1200.00', termMonths: 12 });
    const quote = await rep.client.post<{ id: string; lines: { id: string; sku: string }[] }>('/api/quotes', {
      name: 'Facts',
      accountId: account,
      startDate: today,
      lines: [
        { sku: 'HW', quantity: '3' },
        { sku: 'SUB', quantity: '2' },
      ],
    });
    expect(quote.status).toBe(201);
    await rep.client.post(`/api/quotes/${quote.body.id}/approvals/submit`, {});
    const made = await rep.client.post<{ orders: { id: string }[] }>(`/api/quotes/${quote.body.id}/orders`, {});
    expect(made.status).toBe(200);
    const id = made.body.orders[0].id;
    expect((await rep.client.post(`/api/orders/${id}/activate`, {})).status).toBe(200);
    const contracted = await rep.client.post('/api/contracts', { orderIds: [id], method: 'single' });
    expect(contracted.status).toBe(201);
    order = (await rep.client.get<Order>(`/api/orders/${id}`)).body;
    hwLine = quote.body.lines.find((l) => l.sku === 'HW')?.id as string;
    subLine = quote.body.lines.find((l) => l.sku === 'SUB')?.id as string;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a signed shipment updates the line; the same fact again and an older fact change nothing', async () => {
    const first = await send(fulfilment('D-1', '2026-01-10T10:00:00Z', [{ lineId: hwLine, quantity: '2', status: 'shipped', date: '2026-01-10' }]));
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ factId: 'D-1', outcome: 'applied', orderStatus: 'activated' });
    let now = await get();
    expect(line(now, hwLine)).toMatchObject({ shipped: '2', delivered: '0', shippedOn: '2026-01-10', fulfilled: '0' });

    const again = await send(fulfilment('D-1', '2026-01-10T10:00:00Z', [{ lineId: hwLine, quantity: '2', status: 'shipped', date: '2026-01-10' }]));
    expect(again.body).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    const older = await send(fulfilment('D-0', '2026-01-09T10:00:00Z', [{ lineId: hwLine, quantity: '1', status: 'shipped', date: '2026-01-09' }]));
    expect(older.body).toMatchObject({ outcome: 'ignored', reason: 'out_of_order' });
    now = await get();
    expect(line(now, hwLine)).toMatchObject({ shipped: '2', shippedOn: '2026-01-10' });
    expect(now.recentFacts.map((f) => [f.factId, f.outcome, f.reason])).toEqual([
      ['D-0', 'ignored', 'out_of_order'],
      ['D-1', 'applied', null],
    ]);
    const page = await rep.client.get<{ items: unknown[]; total: number }>(`/api/orders/${order.id}/facts?pageSize=1`);
    expect([page.status, page.body.items.length, page.body.total]).toEqual([200, 1, 2]);
  });

  it('refuses tampered, stale, replayed and unsigned messages with 401, and unknown connectors with 404', async () => {
    const fact = fulfilment('D-T', '2026-01-11T10:00:00Z', [{ lineId: hwLine, quantity: '3', status: 'shipped', date: '2026-01-11' }]);
    const tampered = await send(fact, { body: JSON.stringify({ ...fact, fulfilment: { lines: [{ lineId: hwLine, quantity: '3', status: 'delivered', date: '2026-01-11' }] } }) });
    expect([tampered.status, tampered.contentType.includes('application/problem+json'), tampered.body.code]).toEqual([401, true, 'invalid_signature']);
    const wrongKey = await send(fact, { secret: `whsec_${Buffer.from('another-secret-another-secret!!').toString('base64')}` });
    expect([wrongKey.status, wrongKey.body.code]).toEqual([401, 'invalid_signature']);
    const stale = await send(fact, { at: new Date(Date.now() - 10 * 60_000) });
    expect([stale.status, stale.body.code]).toEqual([401, 'stale_timestamp']);
    const unsigned = await stack.api.request<Problem>('POST', '/api/integrations/sap/events', fact);
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'missing_signature']);
    const ok = await send(fact, { id: 'msg_replay-1' });
    expect(ok.status).toBe(202);
    const replay = await send({ ...fact, factId: 'D-T2' }, { id: 'msg_replay-1' });
    expect([replay.status, replay.body.code]).toEqual([401, 'replayed_message']);
    expect((await send(fact, { connector: 'netsuite' })).status).toBe(404);
    const facts = await rep.client.get<{ items: { factId: string }[] }>(`/api/orders/${order.id}/facts?pageSize=50`);
    expect(facts.body.items.map((f) => f.factId)).not.toContain('D-T2');
    expect(line(await get(), hwLine).shipped).toBe('3');
  });

  it('a malformed fact is a 400 naming the field; a fact that does not fit the order is recorded as rejected', async () => {
    const bad = await send(fulfilment('D-B', '2026-01-12T10:00:00Z', [{ lineId: hwLine, quantity: 'many', status: 'shipped', date: '2026-01-12' }]));
    expect([bad.status, bad.contentType.includes('application/problem+json'), bad.body.errors?.map((e) => e.field)]).toEqual([400, true, ['fulfilment.lines[0].quantity']]);
    const badConnector = await send({ ...fulfilment('D-B', '2026-01-12T10:00:00Z', []), connector: 'netsuite' });
    expect(badConnector.body.errors?.map((e) => e.field)).toEqual(['connector']);
    const above = await send(fulfilment('D-A', '2026-01-12T10:00:00Z', [{ lineId: hwLine, quantity: '4', status: 'shipped', date: '2026-01-12' }]));
    expect(above.status).toBe(202);
    expect(above.body).toMatchObject({ outcome: 'rejected', reason: 'quantity_above_ordered', field: 'fulfilment.lines[0].quantity' });
    expect(line(await get(), hwLine).shipped).toBe('3');
  });

  it('full delivery fulfils the order through its lifecycle, with history and asset status', async () => {
    const partial = await send(fulfilment('D-2', '2026-01-13T10:00:00Z', [{ lineId: hwLine, quantity: '3', status: 'delivered', date: '2026-01-13' }]));
    expect(partial.body).toMatchObject({ outcome: 'applied', orderStatus: 'activated' });
    const rest = await send(fulfilment('D-3', '2026-01-14T10:00:00Z', [{ position: line(order, subLine).position, quantity: '2', status: 'delivered', date: '2026-01-14' }]));
    expect(rest.body).toMatchObject({ outcome: 'applied', orderStatus: 'fulfilled' });
    const now = await get();
    expect(now.status).toBe('fulfilled');
    expect(now.lines.map((l) => [l.fulfilled, l.delivered])).toEqual(now.lines.map((l) => [l.quantity, l.quantity]));
    const history = await rep.client.get<{ items: { event: string; fromStatus: string; toStatus: string }[] }>(`/api/orders/${order.id}/history?pageSize=50`);
    expect(history.body.items.filter((h) => h.event === 'complete').map((h) => [h.fromStatus, h.toStatus])).toEqual([['activated', 'fulfilled']]);
    // D-1, D-T, D-2 and D-3 changed quantities; the ignored and rejected facts wrote nothing.
    expect(history.body.items.filter((h) => h.event === 'fulfil').length).toBe(4);
    const db = new Client({ connectionString: stack.db.url });
    await db.connect();
    try {
      const assets = await db.query(`SELECT status, count(*)::int AS n FROM assets WHERE order_id = $1 AND line_id = $2 GROUP BY status`, [order.id, hwLine]);
      expect(assets.rows).toEqual([{ status: 'delivered', n: 3 }]);
      const contract = await rep.client.get<{ assets: { sku: string; status: string }[] }>(`/api/contracts/${now.contractId}`);
      expect(contract.body.assets.map((a) => [a.sku, a.status])).toEqual([
        ['HW', 'delivered'],
        ['HW', 'delivered'],
        ['HW', 'delivered'],
      ]);
      // No echo: a fact never writes an ERP event.
      const outbox = await db.query(`SELECT type FROM sync_outbox WHERE object_id = $1 ORDER BY sequence`, [order.id]);
      expect(outbox.rows.map((r) => r.type)).not.toContain('order.fulfilled');
      expect(outbox.rows.length).toBeLessThanOrEqual(2);
    } finally {
      await db.end();
    }
  });

  it('the same fact delivered three times at once is applied once', async () => {
    const fact = fulfilment('D-P', '2026-01-14T12:00:00Z', [{ lineId: hwLine, quantity: '3', status: 'delivered', date: '2026-01-14' }]);
    const both = await Promise.all([send(fact), send(fact), send(fact)]);
    expect(both.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(both.map((r) => `${r.body.outcome}/${r.body.reason}`).sort()).toEqual(['applied/null', 'ignored/duplicate', 'ignored/duplicate']);
    const facts = await rep.client.get<{ items: { factId: string }[] }>(`/api/orders/${order.id}/facts?pageSize=100`);
    expect(facts.body.items.filter((f) => f.factId === 'D-P')).toHaveLength(1);
  });

  it('records invoices per line; wrong currency is rejected; a polled fact on the inbound queue is applied the same way', async () => {
    const hw = line(order, hwLine);
    const sub = line(order, subLine);
    const invoice = (factId: string, currency: string, occurredAt = '2026-01-15T10:00:00Z') => ({
      version: 1,
      factId,
      kind: 'invoice',
      orderNumber: order.number,
      occurredAt,
      invoice: {
        invoiceNumber: 'INV-1',
        date: '2026-01-15',
        currency,
        total: hw.netTotal,
        lines: [{ lineId: hwLine, amount: hw.netTotal }],
      },
    });
    const wrong = await send(invoice('I-0', 'JPY'));
    expect(wrong.body).toMatchObject({ outcome: 'rejected', reason: 'wrong_currency', field: 'invoice.currency' });
    const ok = await send(invoice('I-1', 'USD'));
    expect(ok.body).toMatchObject({ outcome: 'applied' });
    let now = await get();
    expect(now.invoices.map((i) => [i.invoiceNumber, i.total])).toEqual([['INV-1', hw.netTotal]]);
    expect([line(now, hwLine).invoiced, line(now, subLine).invoiced]).toEqual([hw.netTotal, '0.00']);

    const queue = new Queue('sync-inbound', { connection: { url: redisUrl() }, prefix: queuePrefix('facts') });
    try {
      const polled = { version: 1, factId: 'I-2', connector: 'sap', kind: 'invoice', orderNumber: order.number, occurredAt: '2026-01-16T10:00:00Z', invoice: { invoiceNumber: 'INV-2', date: '2026-01-16', currency: 'USD', total: sub.netTotal, lines: [{ lineId: subLine, amount: sub.netTotal }] } };
      await queue.add('sync.inbound-fact', polled, { jobId: 'fact-sap-I-2' });
      for (let i = 0; i < 50 && line(now, subLine).invoiced === '0.00'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        now = await get();
      }
      expect(line(now, subLine).invoiced).toBe(sub.netTotal);
      expect(now.recentFacts.find((f) => f.factId === 'I-2')).toMatchObject({ outcome: 'applied' });
    } finally {
      await queue.close();
    }
  });

  it('reconciliation shows a break for an activated order that was never synced, also as CSV', async () => {
    const report = await stack.admin.get<Recon>(`/api/sync/reconciliation?from=${today}&to=${today}&connector=sap`);
    expect(report.status).toBe(200);
    expect(report.body.days.find((d) => d.day === today && d.connector === 'sap')).toMatchObject({ activatedCount: 1, sentCount: 0 });
    expect(report.body.breaks).toContainEqual(expect.objectContaining({ kind: 'not_synced', orderNumber: order.number, connector: 'sap' }));
    const unknown = await send({ ...fulfilment('D-U', '2026-01-17T10:00:00Z', [{ position: 0, quantity: '1', status: 'shipped', date: '2026-01-17' }]), orderNumber: 'O-999999' });
    expect(unknown.body).toMatchObject({ outcome: 'rejected', reason: 'unknown_order' });
    const after = await stack.admin.get<Recon>(`/api/sync/reconciliation?from=${today}&to=${today}&connector=sap`);
    expect(after.body.breaks).toContainEqual(expect.objectContaining({ kind: 'unknown_order', orderNumber: 'O-999999' }));
    const csv = await stack.admin.request<string>('GET', `/api/sync/reconciliation?from=${today}&to=${today}&connector=sap`, undefined, { accept: 'text/csv' });
    expect(csv.contentType).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('day,connector,activated_count,activated_total,sent_count,sent_total,erp_count,erp_total,breaks');
    expect(csv.body).toContain(`not_synced,${today},sap,${order.number}`);
    const bad = await stack.admin.get<Problem>(`/api/sync/reconciliation?from=2026-02-01&to=2026-01-01`);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'from']);
    expect((await rep.client.get(`/api/sync/reconciliation`)).status).toBe(403);
  });
});
