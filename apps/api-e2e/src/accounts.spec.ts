import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';
import { Client } from 'pg';

interface Location {
  id: string;
  name: string;
  city: string | null;
  country: string | null;
  position: number;
}
interface Account {
  id: string;
  name: string;
  currency: string;
  billingAddress: Record<string, string> | null;
  externalIds: Record<string, string>;
  version: number;
  locations: Location[];
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('accounts: currency, billing address, ERP ids, ship-to locations', () => {
  let stack: Stack;
  let sales: TestClient;
  let approver: TestClient;
  let db: Client;

  beforeAll(async () => {
    stack = await startStack('accounts', { connector: false });
    sales = (await userWithRoles(stack, ['sales'])).client;
    approver = (await userWithRoles(stack, ['approver'])).client;
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const newAccount = (body: Record<string, unknown> = {}) => sales.post<Account>('/api/accounts', { name: `Acme ${Date.now()}`, ...body });

  it('creates an account with a currency, a billing address and ERP ids, and reads them back', async () => {
    const created = await newAccount({
      currency: 'EUR',
      billingAddress: { street: ' Hauptstraße 5 ', city: 'Berlin', postalCode: '10115', country: 'DE' },
      externalIds: { sap: '17100001', netsuite: '1042' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      currency: 'EUR',
      billingAddress: { street: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
      externalIds: { sap: '17100001', netsuite: '1042' },
      locations: [],
    });
    const plain = await newAccount();
    expect(plain.body).toMatchObject({ currency: 'USD', billingAddress: null, externalIds: {} });
    expect((await approver.get<Account>(`/api/accounts/${created.body.id}`)).body.externalIds).toEqual({ sap: '17100001', netsuite: '1042' });
  });

  it('changes one ERP id, removes another with null and keeps the rest', async () => {
    const account = (await newAccount({ externalIds: { sap: 'A1', netsuite: '7', webhook: 'acme' } })).body;
    const changed = await sales.patch<Account>(`/api/accounts/${account.id}`, { externalIds: { sap: 'B2', netsuite: null }, version: account.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ externalIds: { sap: 'B2', webhook: 'acme' }, version: account.version + 1 });
    expect(changed.body.externalIds).not.toHaveProperty('netsuite');
  });

  it.each([
    ['an unknown connector', { externalIds: { oracle: 'X1' } }, ['externalIds.oracle']],
    ['an SAP id longer than 10', { externalIds: { sap: 'A1234567890' } }, ['externalIds.sap']],
    ['a NetSuite id with letters', { externalIds: { netsuite: 'ns-1' } }, ['externalIds.netsuite']],
    ['a webhook key over 64', { externalIds: { webhook: 'w'.repeat(65) } }, ['externalIds.webhook']],
    ['ids that are not an object', { externalIds: ['sap'] }, ['externalIds']],
    ['a lower-case currency', { currency: 'eur' }, ['currency']],
    ['a country name in the address', { billingAddress: { street: 'S', city: 'C', postalCode: '1', country: 'Germany' } }, ['billingAddress.country']],
    ['an address without a city', { billingAddress: { street: 'S', postalCode: '1', country: 'DE' } }, ['billingAddress.city']],
    ['an unknown address field', { billingAddress: { street: 'S', city: 'C', postalCode: '1', country: 'DE', floor: '3' } }, ['billingAddress.floor']],
  ])('refuses %s with 400 naming the field and changes nothing', async (_name, change, fields) => {
    const account = (await newAccount({ externalIds: { sap: 'KEEP' } })).body;
    const bad = await sales.patch<Problem>(`/api/accounts/${account.id}`, { name: 'Renamed', ...change });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect([...new Set(bad.body.errors?.map((e) => e.field))]).toEqual(fields);
    const after = (await sales.get<Account>(`/api/accounts/${account.id}`)).body;
    expect(after).toMatchObject({ name: account.name, externalIds: { sap: 'KEEP' }, currency: 'USD', version: account.version });
    const created = await newAccount({ name: 'Never saved', ...change });
    expect(created.status).toBe(400);
  });

  it('lists, adds, renames and deletes ship-to locations, in order, with unique names', async () => {
    const account = (await newAccount()).body;
    const base = `/api/accounts/${account.id}/locations`;
    const hamburg = await sales.post<Location>(base, { name: 'Hamburg warehouse', street: 'Am Hafen 1', city: 'Hamburg', postalCode: '20457', country: 'DE' });
    expect(hamburg.status).toBe(201);
    const lyon = await sales.post<Location>(base, { name: 'Lyon office', city: 'Lyon', country: 'FR' });
    expect([hamburg.body.position, lyon.body.position]).toEqual([0, 1]);
    const dup = await sales.post<Problem>(base, { name: 'hamburg WAREHOUSE' });
    expect(dup.body).toMatchObject({ status: 409, code: 'location_name_taken', errors: [{ field: 'name' }] });
    const badCountry = await sales.post<Problem>(base, { name: 'Paris', country: 'France' });
    expect(badCountry.body.errors?.map((e) => e.field)).toEqual(['country']);
    expect((await approver.post(base, { name: 'Nope' })).status).toBe(403);

    const renamed = await sales.patch<Location>(`${base}/${lyon.body.id}`, { name: 'Lyon HQ', city: null });
    expect(renamed.body).toMatchObject({ name: 'Lyon HQ', city: null, country: 'FR' });
    expect((await approver.get<Location[]>(base)).body.map((l) => l.name)).toEqual(['Hamburg warehouse', 'Lyon HQ']);
    expect((await sales.get<Account>(`/api/accounts/${account.id}`)).body.locations.map((l) => l.name)).toEqual(['Hamburg warehouse', 'Lyon HQ']);

    expect((await sales.delete(`${base}/${hamburg.body.id}`)).status).toBe(204);
    expect((await sales.get<Location[]>(base)).body.map((l) => l.name)).toEqual(['Lyon HQ']);
    expect((await sales.delete(`${base}/${hamburg.body.id}`)).status).toBe(404);
    const other = (await newAccount()).body;
    expect((await sales.patch(`/api/accounts/${other.id}/locations/${lyon.body.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await sales.get(`/api/accounts/00000000-0000-4000-8000-000000000000/locations`)).status).toBe(404);
  });

  it('refuses to delete a location a quote line ships to, naming the quote', async () => {
    const account = (await newAccount()).body;
    const location = (await sales.post<Location>(`/api/accounts/${account.id}/locations`, { name: 'Dock 7' })).body;
    const product = (await stack.admin.post<{ sku: string }>('/api/products', { sku: `HW-${Date.now()}`, name: 'Box', chargeType: 'one-time', listPrice: '10' })).body;
    const quote = await sales.post<{ id: string; number: string }>('/api/quotes', { name: 'Ship', accountId: account.id, startDate: '2026-01-15', lines: [{ sku: product.sku, quantity: '1' }] });
    expect(quote.status).toBe(201);
    // Setting a line's ship-to belongs to the quote editor; here the row is pointed at the location directly.
    await db.query('UPDATE quote_lines SET ship_to_location_id = $2 WHERE quote_id = $1', [quote.body.id, location.id]);
    const refused = await sales.delete<Problem & { quoteNumber: string }>(`/api/accounts/${account.id}/locations/${location.id}`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'location_in_use', quoteNumber: quote.body.number });
    expect(refused.body.detail).toContain(quote.body.number);
    expect((await sales.get<Location[]>(`/api/accounts/${account.id}/locations`)).body.map((l) => l.id)).toEqual([location.id]);
  });
});
