import { randomUUID } from 'node:crypto';
import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';
import { Client } from 'pg';

interface Line {
  id: string;
  sku: string;
  quantity: string;
  listTotal: string;
  netTotal: string;
  startsOn: string;
  endsOn: string;
  parentId: string | null;
  group: string | null;
  fields: Record<string, unknown>;
}
interface Quote {
  id: string;
  number: string;
  status: string;
  ownerId: string;
  version: number;
  lineCount: number;
  listTotal: string;
  netTotal: string;
  discountPercent: string | null;
  groups: { group: string | null; lineCount: number; netTotal: string }[];
  lines: Line[];
}
interface History {
  items: { action: string; fromStatus: string | null; toStatus: string | null; actorName: string | null; detail: Record<string, unknown> }[];
}
type Problem = { status: number; code: string; errors?: { field: string; message: string }[] };

describe('quotes', () => {
  let stack: Stack;
  let rep: { client: TestClient; id: string };
  let otherRep: TestClient;
  let accountId: string;
  let db: Client;

  const setStatus = (id: string, status: string) => db.query('UPDATE quotes SET status = $2 WHERE id = $1', [id, status]);
  const newQuote = (lines: unknown[] = [], extra: Record<string, unknown> = {}) =>
    rep.client.post<Quote>('/api/quotes', { name: 'Rollout', accountId, startDate: '2026-01-15', lines, ...extra });

  beforeAll(async () => {
    stack = await startStack('quotes', { connector: false });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    rep = await userWithRoles(stack, ['sales']);
    otherRep = (await userWithRoles(stack, ['sales'])).client;
    await stack.admin.post('/api/products', { sku: 'HW', name: 'Appliance', family: 'Hardware', chargeType: 'one-time', listPrice: '1000.00' });
    await stack.admin.post('/api/products', { sku: 'SUB', name: 'Seat', family: 'License', chargeType: 'recurring', listPrice: '1200.00', termMonths: 12 });
    const old = await stack.admin.post<{ id: string }>('/api/products', { sku: 'OLD', name: 'Retired', chargeType: 'one-time', listPrice: '5' });
    await stack.admin.patch(`/api/products/${old.body.id}`, { active: false });
    await stack.admin.post('/api/fields', { object: 'line', name: 'shipTo', label: 'Ship to', type: 'text' });
    await stack.admin.post('/api/fields', { object: 'quote', name: 'region', label: 'Region', type: 'picklist', options: ['EMEA', 'AMER'] });
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Acme Corporation' })).body.id;
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('creates a draft quote with its lines in one request: prices, dates, group totals, history', async () => {
    const created = await newQuote(
      [
        { sku: 'HW', quantity: '3', discountPercent: '10', fields: { shipTo: 'Berlin' } },
        { sku: 'SUB', quantity: 10, group: 'Phase 1' },
      ],
      { fields: { region: 'EMEA' } },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', ownerId: rep.id, version: 1, lineCount: 2, listTotal: '15000.00', netTotal: '14700.00', discountPercent: '2.00' });
    expect(created.body.number).toMatch(/^Q-\d{6}$/);
    expect(created.body.lines.map((l) => [l.sku, l.netTotal, l.startsOn, l.endsOn])).toEqual([
      ['HW', '2700.00', '2026-01-15', '2026-01-15'],
      ['SUB', '12000.00', '2026-01-15', '2027-01-14'],
    ]);
    expect(created.body.groups).toEqual([
      { group: null, startDate: null, lineCount: 1, listTotal: '3000.00', netTotal: '2700.00' },
      { group: 'Phase 1', startDate: null, lineCount: 1, listTotal: '12000.00', netTotal: '12000.00' },
    ]);
    const history = await stack.admin.get<History>(`/api/quotes/${created.body.id}/history`);
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'created', actorName: 'E2E sales', detail: { lineCount: 2 } })]);
  });

  it('upserts and removes lines in bulk: replaces in place, removes bundles whole, records what changed', async () => {
    const root = randomUUID();
    const quote = (await newQuote([{ id: root, sku: 'HW', quantity: '1' }, { sku: 'SUB', quantity: '1', parentId: root }, { sku: 'HW', quantity: '2' }])).body;
    const [, , third] = quote.lines;
    const changed = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, {
      version: quote.version,
      upsert: [{ id: third.id, sku: 'HW', quantity: '5' }, { sku: 'SUB', quantity: '2', termMonths: 6 }],
      remove: [root],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.lines.map((l) => [l.sku, l.quantity, l.netTotal])).toEqual([
      ['HW', '5', '5000.00'],
      ['SUB', '2', '1200.00'],
    ]);
    expect(changed.body).toMatchObject({ version: quote.version + 1, lineCount: 2, netTotal: '6200.00' });
    const history = await rep.client.get<History>(`/api/quotes/${quote.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'lines_changed', detail: { added: 1, updated: 1, removed: 2, netTotal: { from: '4200.00', to: '6200.00' } } });
    const again = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, { upsert: [{ id: third.id, sku: 'HW', quantity: '5', listUnitPrice: '1000.00' }], remove: [root] });
    expect(again.body.version).toBe(changed.body.version);
  });

  it.each([
    ['an unknown sku', { upsert: [{ sku: 'NOPE', quantity: '1' }] }, 'invalid_lines', 'upsert[0].sku'],
    ['a retired product', { upsert: [{ sku: 'OLD', quantity: '1' }] }, 'invalid_lines', 'upsert[0].productId'],
    ['a line field of the wrong type', { upsert: [{ sku: 'HW', quantity: '1', fields: { shipTo: 5 } }] }, 'invalid_lines', 'upsert[0].fields.shipTo'],
    ['an unknown parent', { upsert: [{ sku: 'HW', quantity: '1', parentId: randomUUID() }] }, 'invalid_lines', 'upsert[0].parentId'],
    ['a discount above 100', { upsert: [{ sku: 'HW', quantity: '1', discountPercent: '101' }] }, 'invalid_lines', 'upsert[0].discountPercent'],
    ['a quantity that is not a number', { upsert: [{ sku: 'HW', quantity: 'many' }] }, 'validation_failed', 'upsert.0.quantity'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_label, body, code, field) => {
    const quote = (await newQuote([{ sku: 'HW', quantity: '1' }])).body;
    const refused = await rep.client.put<Problem>(`/api/quotes/${quote.id}/lines`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(code);
    expect(refused.body.errors?.map((e) => e.field)).toContain(field);
    expect((await rep.client.get<Quote>(`/api/quotes/${quote.id}`)).body).toMatchObject({ version: 1, lineCount: 1 });
  });

  it('checks quote fields against their definitions', async () => {
    const refused = await newQuote([], { fields: { region: 'APAC' } });
    expect(refused.body).toMatchObject({ status: 400, code: 'invalid_fields', errors: [{ field: 'fields.region' }] });
    const quote = (await newQuote([], { fields: { region: 'EMEA' } })).body;
    const cleared = await rep.client.patch<{ fields: Record<string, unknown> }>(`/api/quotes/${quote.id}`, { fields: { region: null } });
    expect(cleared.body.fields).toEqual({});
  });

  it('re-dates and re-prices lines that follow the quote when its term changes', async () => {
    const quote = (await newQuote([{ sku: 'SUB', quantity: '1' }, { sku: 'SUB', quantity: '1', termMonths: 24 }])).body;
    const changed = await rep.client.patch<Quote>(`/api/quotes/${quote.id}`, { termMonths: 6, version: quote.version });
    expect(changed.body.lines.map((l) => [l.netTotal, l.endsOn])).toEqual([
      ['600.00', '2026-07-14'],
      ['2400.00', '2028-01-14'],
    ]);
    const history = await rep.client.get<History>(`/api/quotes/${quote.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'updated', detail: { changes: { termMonths: { from: null, to: 6 } } } });
  });

  it('refuses a stale version with 409 and leaves the quote unchanged', async () => {
    const quote = (await newQuote()).body;
    await rep.client.patch(`/api/quotes/${quote.id}`, { name: 'First', version: quote.version });
    const stale = await rep.client.patch(`/api/quotes/${quote.id}`, { name: 'Second', version: quote.version });
    expect(stale.body).toMatchObject({ status: 409, code: 'stale_version' });
    expect((await rep.client.put(`/api/quotes/${quote.id}/lines`, { version: quote.version, upsert: [{ sku: 'HW', quantity: '1' }] })).status).toBe(409);
  });

  it('lets only the owner or an admin change a quote; others may read it', async () => {
    const quote = (await newQuote()).body;
    const foreign = await otherRep.patch(`/api/quotes/${quote.id}`, { name: 'Mine now' });
    expect(foreign.body).toMatchObject({ status: 403, code: 'not_quote_owner' });
    expect((await otherRep.get(`/api/quotes/${quote.id}`)).status).toBe(200);
    expect((await otherRep.post('/api/quotes', { name: 'X', accountId, startDate: '2026-01-01', ownerId: rep.id })).status).toBe(403);
    expect((await stack.admin.patch(`/api/quotes/${quote.id}`, { name: 'Admin edit' })).status).toBe(200);
  });

  it('locks a pending quote, and voids an approval when an approved quote is edited', async () => {
    const quote = (await newQuote([{ sku: 'HW', quantity: '1' }])).body;
    await setStatus(quote.id, 'pending');
    expect((await rep.client.patch(`/api/quotes/${quote.id}`, { name: 'Changed' })).body).toMatchObject({ status: 409, code: 'quote_locked' });
    expect((await rep.client.put(`/api/quotes/${quote.id}/lines`, { remove: [quote.lines[0].id] })).body).toMatchObject({ code: 'quote_locked' });
    expect((await rep.client.delete(`/api/quotes/${quote.id}`)).body).toMatchObject({ code: 'quote_locked' });
    await setStatus(quote.id, 'approved');
    expect((await rep.client.delete(`/api/quotes/${quote.id}`)).body).toMatchObject({ code: 'invalid_state' });
    const edited = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, { upsert: [{ sku: 'HW', quantity: '2' }] });
    expect(edited.body.status).toBe('draft');
    const history = await rep.client.get<History>(`/api/quotes/${quote.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'lines_changed', fromStatus: 'approved', toStatus: 'draft', detail: { approvalVoided: true } });
  });

  it('lists quotes without lines, with search by account, owner, status and sorting', async () => {
    const mine = await rep.client.get<{ items: Quote[]; total: number }>('/api/quotes?owner=me&search=acme&sort=netTotal&direction=desc&pageSize=200');
    expect(mine.body.total).toBeGreaterThan(3);
    expect(mine.body.items.every((q) => q.ownerId === rep.id && !('lines' in q))).toBe(true);
    const totals = mine.body.items.map((q) => Number(q.netTotal));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect((await rep.client.get<{ total: number }>('/api/quotes?owner=me&status=approved')).body.total).toBe(0);
    expect((await rep.client.get('/api/quotes?status=won')).status).toBe(400);
  });

  it('deletes a draft with its lines and history, and audits it', async () => {
    const quote = (await newQuote([{ sku: 'HW', quantity: '1' }])).body;
    expect((await rep.client.delete(`/api/quotes/${quote.id}`)).status).toBe(204);
    expect((await rep.client.get(`/api/quotes/${quote.id}`)).status).toBe(404);
    const audit = await stack.admin.get<{ items: { targetId: string }[] }>('/api/audit?action=quote.deleted');
    expect(audit.body.items.map((e) => e.targetId)).toContain(quote.id);
  });

  it('takes a 10,000-line quote in one request and edits half of it in one more', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({
      id: randomUUID(),
      sku: i % 2 ? 'SUB' : 'HW',
      quantity: String((i % 7) + 1),
      discountPercent: String(i % 30),
      group: `Phase ${i % 4}`,
      fields: { shipTo: `City ${i % 5}` },
    }));
    let started = Date.now();
    const created = await newQuote(lines);
    const createMs = Date.now() - started;
    expect(created.status).toBe(201);
    expect(created.body.lineCount).toBe(10_000);
    started = Date.now();
    const edited = await rep.client.put<Quote>(`/api/quotes/${created.body.id}/lines`, { upsert: lines.slice(0, 5000).map((l) => ({ ...l, quantity: '9' })) });
    const editMs = Date.now() - started;
    expect(edited.body.lines.filter((l) => l.quantity === '9').length).toBeGreaterThanOrEqual(5000);
    started = Date.now();
    const read = await rep.client.get<Quote>(`/api/quotes/${created.body.id}`);
    const readMs = Date.now() - started;
    expect(read.body.lines).toHaveLength(10_000);
    console.log(`10,000-line quote: create ${createMs} ms, upsert 5,000 lines ${editMs} ms, read ${readMs} ms`);
    expect(createMs + editMs + readMs).toBeLessThan(20_000);
  });
});
