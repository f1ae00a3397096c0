import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';

interface Product {
  id: string;
  sku: string;
  listPrice: string;
  revenueMethod: string;
  active: boolean;
  version: number;
}
interface Page<T> {
  items: T[];
  total: number;
}

describe('catalogue: products, accounts, custom fields', () => {
  let stack: Stack;
  let sales: TestClient;
  let approver: TestClient;

  beforeAll(async () => {
    stack = await startStack('catalogue', { connector: false });
    sales = (await userWithRoles(stack, ['sales'])).client;
    approver = (await userWithRoles(stack, ['approver'])).client;
  });
  afterAll(() => stack?.stop());

  it('creates a product with money to the cent and a revenue method that follows the charge type', async () => {
    const created = await stack.admin.post<Product>('/api/products', { sku: 'SUB-1', name: 'Seat', chargeType: 'recurring', listPrice: '1200', termMonths: 12 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sku: 'SUB-1', listPrice: '1200.00', revenueMethod: 'ratable', active: true, version: 1 });
    const hw = await stack.admin.post<Product>('/api/products', { sku: 'HW-1', name: 'Box', chargeType: 'one-time', listPrice: 99.5 });
    expect(hw.body).toMatchObject({ listPrice: '99.50', revenueMethod: 'point-in-time' });
  });

  it('refuses a sku taken in any case, fractions of a cent and negative prices', async () => {
    const dup = await stack.admin.post('/api/products', { sku: 'sub-1', name: 'Again', chargeType: 'recurring', listPrice: '1' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'sku_taken', errors: [{ field: 'sku' }] });
    for (const listPrice of ['10.001', '-1', 'ten']) {
      const bad = await stack.admin.post<{ errors: { field: string }[] }>('/api/products', { sku: `X-${Date.now()}`, name: 'X', chargeType: 'one-time', listPrice });
      expect([listPrice, bad.status, bad.body.errors.map((e) => e.field)]).toEqual([listPrice, 400, ['listPrice']]);
    }
  });

  it('lets only admins write products, everyone who quotes read them', async () => {
    expect((await sales.post('/api/products', { sku: 'NOPE', name: 'N', chargeType: 'one-time', listPrice: '1' })).status).toBe(403);
    const list = await approver.get<Page<Product>>('/api/products?search=sub&chargeType=recurring');
    expect(list.body.items.map((p) => p.sku)).toEqual(['SUB-1']);
  });

  it('changes a price with a version check and retires a product', async () => {
    const [product] = (await stack.admin.get<Page<Product>>('/api/products?search=HW-1')).body.items;
    const changed = await stack.admin.patch<Product>(`/api/products/${product.id}`, { listPrice: '120', version: product.version });
    expect(changed.body).toMatchObject({ listPrice: '120.00', version: product.version + 1 });
    const stale = await stack.admin.patch(`/api/products/${product.id}`, { active: false, version: product.version });
    expect(stale.body).toMatchObject({ status: 409, code: 'stale_version' });
    const retired = await stack.admin.patch<Product>(`/api/products/${product.id}`, { active: false });
    expect(retired.body.active).toBe(false);
    expect((await stack.admin.get<Page<Product>>('/api/products?active=true')).body.items.map((p) => p.sku)).toEqual(['SUB-1']);
  });

  it('lets sales create and rename accounts, with unique account numbers; approvers only read', async () => {
    const acme = await sales.post<{ id: string; version: number }>('/api/accounts', { name: 'Acme', accountNumber: 'C-1', country: 'DE' });
    expect(acme.status).toBe(201);
    const dup = await sales.post('/api/accounts', { name: 'Other', accountNumber: 'c-1' });
    expect(dup.body).toMatchObject({ status: 409, code: 'account_number_taken' });
    const badCountry = await sales.post<{ errors: { field: string }[] }>('/api/accounts', { name: 'Other', country: 'Germany' });
    expect(badCountry.body.errors.map((e) => e.field)).toEqual(['country']);
    expect((await approver.post('/api/accounts', { name: 'Nope' })).status).toBe(403);
    const renamed = await sales.patch<{ name: string }>(`/api/accounts/${acme.body.id}`, { name: 'Acme Corp', version: acme.body.version });
    expect(renamed.body.name).toBe('Acme Corp');
    expect((await approver.get<Page<{ name: string }>>('/api/accounts?search=acme')).body.items.map((a) => a.name)).toEqual(['Acme Corp']);
  });

  it('defines custom fields and refuses bad names, standard names and repeats', async () => {
    const region = await stack.admin.post('/api/fields', { object: 'quote', name: 'region', label: 'Region', type: 'picklist', options: ['EMEA', 'AMER'] });
    expect(region.status).toBe(201);
    expect((await stack.admin.post('/api/fields', { object: 'line', name: 'shipTo', label: 'Ship to', type: 'text' })).status).toBe(201);
    const repeat = await stack.admin.post<{ code: string; errors: { field: string }[] }>('/api/fields', { object: 'quote', name: 'region', label: 'Again', type: 'text' });
    expect([repeat.status, repeat.body.code, repeat.body.errors.map((e) => e.field)]).toEqual([409, 'field_name_taken', ['name']]);
    for (const [body, field] of [
      [{ object: 'quote', name: 'netTotal', label: 'Shadow', type: 'number' }, 'name'],
      [{ object: 'line', name: 'Ship-to', label: 'Bad', type: 'text' }, 'name'],
      [{ object: 'quote', name: 'tier', label: 'Tier', type: 'picklist' }, 'options'],
    ] as const) {
      const refused = await stack.admin.post<{ errors: { field: string }[] }>('/api/fields', body);
      expect([body.name, refused.status, refused.body.errors.map((e) => e.field)]).toEqual([body.name, 400, [field]]);
    }
    const lineFields = await sales.get<Page<{ name: string }>>('/api/fields?object=line');
    expect(lineFields.body.items.map((f) => f.name)).toEqual(['shipTo']);
    expect((await sales.post('/api/fields', { object: 'line', name: 'x', label: 'X', type: 'text' })).status).toBe(403);
  });
});
