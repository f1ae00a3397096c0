import { randomUUID } from 'node:crypto';
import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';
import { Client } from 'pg';

interface Line {
  id: string;
  sku: string;
  quantity: string;
  netTotal: string;
  startsOn: string;
  endsOn: string;
  parentId: string | null;
  group: string | null;
  shipToLocationId: string | null;
}
interface Quote {
  id: string;
  number: string;
  version: number;
  currency: string;
  orderBy: string[];
  externalId: string | null;
  lineCount: number;
  netTotal: string;
  groups: { group: string | null; startDate: string | null; lineCount: number }[];
  lines: Line[];
}
type Problem = { status: number; code: string; detail: string; errors?: { field: string; message: string }[]; errorCount?: number; quoteId?: string };

describe('quote import, structure and bundles', () => {
  let stack: Stack;
  let rep: { client: TestClient; id: string; email?: string };
  let db: Client;
  let accountId: string;
  let otherAccountId: string;
  const locations: Record<string, string> = {};
  const quoteCount = async () => Number((await db.query('SELECT count(*) FROM quotes')).rows[0].count);

  beforeAll(async () => {
    stack = await startStack('quote-import', { connector: false });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    rep = await userWithRoles(stack, ['sales']);
    const product = (body: Record<string, unknown>) => stack.admin.post<{ id: string }>('/api/products', body);
    const hw = (await product({ sku: 'HW', name: 'Appliance', family: 'Hardware', chargeType: 'one-time', listPrice: '1000.00' })).body.id;
    const sub = (await product({ sku: 'SUB', name: 'Seat', family: 'License', chargeType: 'recurring', listPrice: '1200.00', termMonths: 12 })).body.id;
    const kit = (await product({ sku: 'KIT', name: 'Starter kit', family: 'Bundles', chargeType: 'one-time', listPrice: '0.00' })).body.id;
    // product_components and account_locations are written by their own admin API on another branch: SQL here.
    await db.query(`INSERT INTO product_components (bundle_id, component_id, quantity, position) VALUES ($1, $2, 2, 0), ($1, $3, 5, 1)`, [kit, hw, sub]);
    await stack.admin.post('/api/fields', { object: 'line', name: 'costCentre', label: 'Cost centre', type: 'text' });
    await stack.admin.post('/api/fields', { object: 'line', name: 'seats', label: 'Seats', type: 'number' });
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Acme', accountNumber: 'ACME-1' })).body.id;
    otherAccountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Globex', accountNumber: 'GLX-1' })).body.id;
    await db.query(`UPDATE accounts SET currency = 'EUR' WHERE id = $1`, [accountId]);
    const rows = await db.query(
      `INSERT INTO account_locations (account_id, name, position) VALUES ($1, 'Berlin DC', 0), ($1, 'Paris branch', 1), ($2, 'Austin', 0) RETURNING id, name`,
      [accountId, otherAccountId],
    );
    for (const r of rows.rows) locations[r.name] = r.id;
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const importBody = (over: Record<string, unknown> = {}) => ({
    accountNumber: 'ACME-1',
    name: 'From the CRM',
    startDate: '2026-03-01',
    termMonths: 12,
    orderBy: ['group', 'shipTo'],
    groups: [{ name: 'Phase 1' }, { name: 'Phase 2', startDate: '2026-09-01' }],
    lines: [
      { sku: 'HW', quantity: 2, discountPercent: '10', group: 'Phase 1', shipTo: 'Berlin DC', fields: { costCentre: 'CC-1' } },
      { sku: 'SUB', quantity: '10', group: 'Phase 2', shipTo: 'paris branch' },
      { sku: 'SUB', quantity: '1', startDate: '2026-03-01', endDate: '2028-02-29' },
      { sku: 'KIT', quantity: '1', group: 'Phase 1' },
    ],
    ...over,
  });

  it('imports a quote: account by number, currency from the account, groups with start dates, ship-to by name, end date as term, bundles expanded', async () => {
    const res = await rep.client.post<Quote>('/api/quotes/import', importBody({ externalId: 'CRM-1' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ currency: 'EUR', orderBy: ['group', 'shipTo'], externalId: 'CRM-1', lineCount: 6 });
    const [hw, sub, longSub, kit, kitHw, kitSub] = res.body.lines;
    expect([hw.shipToLocationId, sub.shipToLocationId]).toEqual([locations['Berlin DC'], locations['Paris branch']]);
    expect([sub.startsOn, sub.endsOn]).toEqual(['2026-09-01', '2027-08-31']);
    expect([longSub.startsOn, longSub.endsOn, longSub.netTotal]).toEqual(['2026-03-01', '2028-02-29', '2400.00']);
    expect([kit.sku, kitHw.sku, kitHw.quantity, kitHw.parentId, kitSub.sku, kitSub.quantity, kitSub.parentId]).toEqual(['KIT', 'HW', '2', kit.id, 'SUB', '5', kit.id]);
    expect(res.body.groups.map((g) => [g.group, g.startDate])).toEqual([
      ['Phase 1', null],
      ['Phase 2', '2026-09-01'],
      [null, null],
    ]);
  });

  it('refuses the same externalId twice with 409 naming the existing quote', async () => {
    const first = await rep.client.get<{ items: { id: string; number: string }[] }>('/api/quotes?search=From the CRM');
    const before = await quoteCount();
    const res = await rep.client.post<Problem>('/api/quotes/import', importBody({ externalId: 'CRM-1' }));
    expect(res.status).toBe(409);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.code).toBe('duplicate_external_id');
    expect(res.body.quoteId).toBe(first.body.items[0].id);
    expect(res.body.detail).toContain(first.body.items[0].number);
    expect(await quoteCount()).toBe(before);
  });

  it('names every bad entry of a bad import and saves nothing', async () => {
    const before = await quoteCount();
    const good = { sku: 'HW', quantity: 1 };
    const lines = Array.from({ length: 30 }, () => ({ ...good }));
    lines[3] = { sku: 'NOPE', quantity: 1 };
    lines[5] = { sku: 'HW', quantity: -2 } as never;
    lines[8] = { sku: 'HW', quantity: 1, discountPercent: 120 } as never;
    lines[13] = { sku: 'HW', quantity: 1, fields: { colour: 'red' } } as never;
    lines[17] = { sku: 'HW', quantity: 'lots' } as never;
    lines[21] = { sku: 'HW', quantity: 1, fields: { seats: 'many' } } as never;
    lines[25] = { sku: 'HW', quantity: 1, shipTo: 'Austin' } as never;
    lines[27] = { sku: 'HW', quantity: 1, group: 'Phase 9' } as never;
    lines[29] = { sku: 7, quantity: 1 } as never;
    const res = await rep.client.post<Problem>('/api/quotes/import', importBody({ externalId: 'CRM-BAD', lines, orderBy: ['group', 'colour'], currency: 'EURO' }));
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    const fields = res.body.errors?.map((e) => e.field).sort();
    expect(fields).toEqual(
      [
        'currency',
        'orderBy[1]',
        'lines[3].sku',
        'lines[5].quantity',
        'lines[8].discountPercent',
        'lines[13].fields.colour',
        'lines[17].quantity',
        'lines[21].fields.seats',
        'lines[25].shipTo',
        'lines[27].group',
        'lines[29].sku',
      ].sort(),
    );
    expect(res.body.errorCount).toBe(11);
    expect(await quoteCount()).toBe(before);
    const unknownAccount = await rep.client.post<Problem>('/api/quotes/import', importBody({ accountNumber: 'NOPE-9', lines: [good] }));
    expect([unknownAccount.status, unknownAccount.body.errors?.map((e) => e.field)]).toEqual([400, ['accountNumber']]);
    expect(await quoteCount()).toBe(before);
  });

  it('imports 10,000 lines in one request', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ sku: i % 2 ? 'SUB' : 'HW', quantity: String((i % 9) + 1), discountPercent: String(i % 25), group: i % 3 ? 'Phase 1' : 'Phase 2', shipTo: i % 2 ? 'Berlin DC' : 'Paris branch' }));
    const started = Date.now();
    const res = await rep.client.post<Quote>('/api/quotes/import', importBody({ externalId: 'CRM-BIG', lines }));
    const ms = Date.now() - started;
    expect(res.status).toBe(201);
    expect(res.body.lineCount).toBe(10_000);
    console.log(`10,000-line import: ${ms} ms`);
    expect(ms).toBeLessThan(20_000);
  });

  it('validates orderBy on create and update, naming the entry; orders default to the quote orderBy', async () => {
    const bad = await rep.client.post<Problem>('/api/quotes', { name: 'X', accountId, startDate: '2026-01-01', orderBy: ['group', 'line.colour'] });
    expect([bad.status, bad.body.errors?.map((e) => e.field)]).toEqual([400, ['orderBy[1]']]);
    const quote = (await rep.client.post<Quote>('/api/quotes', { name: 'Split me', accountId, startDate: '2026-01-01', termMonths: 12, orderBy: ['shipTo'], lines: [
      { sku: 'HW', quantity: '1', shipToLocationId: locations['Berlin DC'] },
      { sku: 'HW', quantity: '1', shipToLocationId: locations['Paris branch'] },
      { sku: 'SUB', quantity: '1', shipToLocationId: locations['Berlin DC'] },
    ] })).body;
    expect(quote.currency).toBe('EUR');
    const badPatch = await rep.client.patch<Problem>(`/api/quotes/${quote.id}`, { orderBy: ['fields.costCentre', 'nope'], version: quote.version });
    expect([badPatch.status, badPatch.body.errors?.map((e) => e.field)]).toEqual([400, ['orderBy[1]']]);
    const patched = await rep.client.patch<Quote>(`/api/quotes/${quote.id}`, { orderBy: ['shipTo', 'fields.costCentre'], currency: 'CHF', version: quote.version });
    expect([patched.status, patched.body.orderBy, patched.body.currency]).toEqual([200, ['shipTo', 'fields.costCentre'], 'CHF']);
    await db.query(`UPDATE quotes SET status = 'approved' WHERE id = $1`, [quote.id]);
    const plan = await stack.admin.post<{ orders: unknown[] }>(`/api/quotes/${quote.id}/orders?dryRun=true`, {});
    expect(plan.status).toBe(200);
    expect(plan.body.orders).toHaveLength(2);
  });

  it('refuses a ship-to of another account and an undeclared group on create with groups, naming the line', async () => {
    const res = await rep.client.post<Problem>('/api/quotes', {
      name: 'Y', accountId, startDate: '2026-01-01', groups: [{ name: 'A' }],
      lines: [{ sku: 'HW', quantity: '1', group: 'A' }, { sku: 'HW', quantity: '1', shipToLocationId: locations['Austin'] }, { sku: 'HW', quantity: '1', group: 'B' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['lines[1].shipToLocationId', 'lines[2].group']);
  });

  it('expands a bundle put as a line, rescales it with the root and removes it whole', async () => {
    const quote = (await rep.client.post<Quote>('/api/quotes', { name: 'Bundle', accountId, startDate: '2026-01-01', termMonths: 12 })).body;
    const root = randomUUID();
    const added = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, { version: quote.version, upsert: [{ id: root, sku: 'KIT', quantity: '3', group: 'Site A' }] });
    expect(added.status).toBe(200);
    expect(added.body.lines.map((l) => [l.sku, l.quantity, l.parentId, l.group])).toEqual([
      ['KIT', '3', null, 'Site A'],
      ['HW', '6', root, 'Site A'],
      ['SUB', '15', root, 'Site A'],
    ]);
    expect(added.body.netTotal).toBe('24000.00');
    const rescaled = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, { version: added.body.version, upsert: [{ id: root, sku: 'KIT', quantity: '1', group: 'Site A' }] });
    expect(rescaled.body.lines.map((l) => l.quantity)).toEqual(['1', '2', '5']);
    const groupDated = await rep.client.patch<Quote>(`/api/quotes/${quote.id}`, { version: rescaled.body.version, groups: [{ name: 'Site A', startDate: '2026-05-01' }] });
    expect(groupDated.body).toMatchObject({ version: rescaled.body.version + 1 });
    expect(groupDated.body.lines.map((l) => l.startsOn)).toEqual(['2026-05-01', '2026-05-01', '2026-05-01']);
    const removed = await rep.client.put<Quote>(`/api/quotes/${quote.id}/lines`, { version: groupDated.body.version, remove: [root] });
    expect(removed.body.lines).toEqual([]);
  });
});
