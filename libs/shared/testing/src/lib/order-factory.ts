import type { TestClient } from './api-client';
import type { Stack } from './stack';

export interface ActivatedOrder {
  id: string;
  number: string;
}

export interface OrderBatch {
  accountId: string;
  quoteId: string;
  orders: ActivatedOrder[];
  /** How long each phase took, for the test log (ms). */
  timings: { setup: number; quote: number; split: number; activate: number };
}

export interface OrderBatchOptions {
  /** How many orders to make (one quote line per order). */
  count: number;
  /** Distinguishes this batch's account, product and quote from others in the same database. */
  label: string;
  /** ERP ids of the account, per connector (e.g. `{ sap: '17100001', netsuite: '4711' }`). */
  externalIds?: Record<string, string>;
  /** Parallel activation requests (the API is one process; a handful saturates it). */
  concurrency?: number;
  /** Called after each activation with how many are done, e.g. to act mid-run. */
  onActivated?: (done: number) => void | Promise<void>;
}

const SPLIT_FIELD = 'syncBatch';

/** Runs `task` over `items` with at most `limit` in flight, keeping the input order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}

function expectStatus(what: string, response: { status: number; body: unknown }, ...ok: number[]): void {
  if (!ok.includes(response.status)) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
}

/** The line field the factory splits by; made once per database. */
async function ensureSplitField(admin: TestClient): Promise<void> {
  const fields = await admin.get<{ items: { object: string; name: string }[] }>('/api/fields?pageSize=200');
  expectStatus('fields', fields, 200);
  if (fields.body.items.some((f) => f.object === 'line' && f.name === SPLIT_FIELD)) return;
  expectStatus('split field', await admin.post('/api/fields', { object: 'line', name: SPLIT_FIELD, label: 'Sync test batch', type: 'text' }), 201);
}

/** Sets the account's ERP ids the way an admin does (`PATCH /api/accounts/:id`). */
async function setExternalIds(admin: TestClient, accountId: string, externalIds: Record<string, string>): Promise<void> {
  expectStatus('account ERP ids', await admin.patch(`/api/accounts/${accountId}`, { externalIds }), 200);
}

/**
 * Makes `count` activated orders through the real API, the fast way it offers: one quote with
 * `count` lines, each with a distinct value of a line field; with no approval rules configured
 * the submission is approved at once; one split request by that field creates `count` draft
 * orders; then each order is activated (`POST /orders/:id/activate`, concurrently). Every
 * activation writes its outbox event exactly as a user's would.
 */
export async function createActivatedOrders(stack: Stack, options: OrderBatchOptions): Promise<OrderBatch> {
  const t0 = Date.now();
  const admin = stack.admin;
  const tag = options.label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20).toUpperCase() || 'BATCH';
  await ensureSplitField(admin);
  const sku = `SYNC-${tag}-${Date.now().toString(36).toUpperCase()}`;
  expectStatus('product', await admin.post('/api/products', { sku, name: `Sync test item ${tag}`, chargeType: 'one-time', listPrice: '100.00', ssp: '100.00' }), 201);
  const account = await admin.post<{ id: string }>('/api/accounts', { name: `Sync test ${options.label} ${Date.now()}` });
  expectStatus('account', account, 201);
  const accountId = account.body.id;
  if (options.externalIds) await setExternalIds(admin, accountId, options.externalIds);

  const t1 = Date.now();
  const width = String(options.count).length;
  const lines = Array.from({ length: options.count }, (_, i) => ({
    sku,
    // Different quantities make every order's total different, so a mixed-up document shows.
    quantity: String((i % 7) + 1),
    fields: { [SPLIT_FIELD]: `${tag}-${String(i + 1).padStart(width, '0')}` },
  }));
  const today = new Date().toISOString().slice(0, 10);
  const quote = await admin.post<{ id: string }>('/api/quotes', { name: `Sync test ${options.label}`, accountId, startDate: today, lines });
  expectStatus('quote', quote, 201);
  const quoteId = quote.body.id;
  expectStatus('submit', await admin.post(`/api/quotes/${quoteId}/approvals/submit`, {}), 200);
  const approved = await admin.get<{ status: string }>(`/api/quotes/${quoteId}`);
  if (approved.body.status !== 'approved') {
    throw new Error(`quote ${quoteId} is ${approved.body.status} after submit: the factory expects a database without approval rules`);
  }

  const t2 = Date.now();
  const split = await admin.post<{ orders: { id: string | null; number: string | null }[] }>(`/api/quotes/${quoteId}/orders`, {
    by: [`fields.${SPLIT_FIELD}`],
    idempotencyKey: `sync-factory-${quoteId}`,
  });
  expectStatus('split', split, 200);
  const drafts = split.body.orders.map((o) => ({ id: o.id ?? '', number: o.number ?? '' }));
  if (drafts.length !== options.count || drafts.some((o) => !o.id || !o.number)) {
    throw new Error(`split made ${drafts.length} orders, expected ${options.count}`);
  }

  const t3 = Date.now();
  let done = 0;
  const orders = await mapLimit(drafts, options.concurrency ?? 6, async (order) => {
    const activated = await admin.post<{ status: string; number: string }>(`/api/orders/${order.id}/activate`, {});
    expectStatus(`activate ${order.number}`, activated, 200);
    if (activated.body.status !== 'activated') throw new Error(`order ${order.number} is ${activated.body.status} after activation`);
    done += 1;
    await options.onActivated?.(done);
    return order;
  });
  return { accountId, quoteId, orders, timings: { setup: t1 - t0, quote: t2 - t1, split: t3 - t2, activate: Date.now() - t3 } };
}
