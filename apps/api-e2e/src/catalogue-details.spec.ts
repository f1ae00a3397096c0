import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';

interface Component {
  productId: string;
  sku: string;
  name: string;
  quantity: string;
}
interface Product {
  id: string;
  sku: string;
  isBundle: boolean;
  components: Component[];
  version: number;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; message: string }[];
}
interface Page<T> {
  items: T[];
  total: number;
}

describe('catalogue details: bundles and decimal custom fields', () => {
  let stack: Stack;
  let sales: TestClient;
  const product = async (sku: string, extra: Record<string, unknown> = {}) => {
    const created = await stack.admin.post<Product>('/api/products', { sku, name: `${sku} name`, chargeType: 'one-time', listPrice: '10', ...extra });
    expect(created.status).toBe(201);
    return created.body;
  };
  const fieldsOf = (problem: Problem) => [...new Set(problem.errors?.map((e) => e.field))];

  beforeAll(async () => {
    stack = await startStack('catalogue-details', { connector: false });
    sales = (await userWithRoles(stack, ['sales'])).client;
  });
  afterAll(() => stack?.stop());

  describe('bundles', () => {
    let seat: Product;
    let box: Product;
    let kit: Product;

    beforeAll(async () => {
      seat = await product('SEAT');
      box = await product('BOX');
    });

    it('creates a bundle with components and shows them with sku and name', async () => {
      kit = await product('KIT', { components: [{ productId: box.id, quantity: '2' }, { productId: seat.id, quantity: 0.5 }] });
      expect(kit.isBundle).toBe(true);
      const read = await sales.get<Product>(`/api/products/${kit.id}`);
      expect(read.body.components).toEqual([
        { productId: box.id, sku: 'BOX', name: 'BOX name', quantity: '2' },
        { productId: seat.id, sku: 'SEAT', name: 'SEAT name', quantity: '0.5' },
      ]);
    });

    it('filters the list by bundle and marks bundles', async () => {
      const bundles = await sales.get<Page<Product>>('/api/products?bundle=true');
      expect(bundles.body.items.map((p) => [p.sku, p.isBundle, p.components.length])).toEqual([['KIT', true, 2]]);
      const plain = await sales.get<Page<Product>>('/api/products?bundle=false');
      expect(plain.body.items.map((p) => p.sku)).toEqual(['BOX', 'SEAT']);
    });

    it('replaces the list as a whole and bumps the version', async () => {
      const changed = await stack.admin.patch<Product>(`/api/products/${kit.id}`, { components: [{ productId: seat.id, quantity: '3' }], version: kit.version });
      expect(changed.status).toBe(200);
      expect(changed.body.components.map((c) => [c.sku, c.quantity])).toEqual([['SEAT', '3']]);
      expect(changed.body.version).toBe(kit.version + 1);
      kit = changed.body;
      const same = await stack.admin.patch<Product>(`/api/products/${kit.id}`, { components: [{ productId: seat.id, quantity: '3.0' }] });
      expect(same.body.version).toBe(kit.version);
    });

    it.each([
      ['itself', () => [{ productId: kit.id, quantity: '1' }], ['components.0.productId']],
      ['an unknown product', () => [{ productId: '00000000-0000-4000-8000-000000000000', quantity: '1' }], ['components.0.productId']],
      ['zero quantity', () => [{ productId: box.id, quantity: '0' }], ['components.0.quantity']],
      ['a quantity that is not a number', () => [{ productId: box.id, quantity: 'two' }], ['components.0.quantity']],
      ['an id that is not a uuid', () => [{ productId: 'BOX', quantity: '1' }], ['components.0.productId']],
    ])('refuses %s with 400 naming the entry and keeps the list', async (_name, components, fields) => {
      const bad = await stack.admin.patch<Problem>(`/api/products/${kit.id}`, { name: 'Renamed kit', components: components() });
      expect([bad.status, fieldsOf(bad.body)]).toEqual([400, fields]);
      const after = (await sales.get<Product>(`/api/products/${kit.id}`)).body;
      expect([after.components.map((c) => c.sku), after.version]).toEqual([['SEAT'], kit.version]);
    });

    it('refuses a cycle through a nested bundle: KIT ⊂ SUITE, so KIT cannot contain SUITE', async () => {
      const suite = await product('SUITE', { components: [{ productId: kit.id, quantity: '1' }] });
      const direct = await stack.admin.patch<Problem>(`/api/products/${kit.id}`, { components: [{ productId: seat.id, quantity: '3' }, { productId: suite.id, quantity: '1' }] });
      expect([direct.status, fieldsOf(direct.body)]).toEqual([400, ['components.1.productId']]);
      const outer = await product('OUTER', { components: [{ productId: suite.id, quantity: '1' }] });
      const deep = await stack.admin.patch<Problem>(`/api/products/${kit.id}`, { components: [{ productId: outer.id, quantity: '1' }] });
      expect([deep.status, fieldsOf(deep.body)]).toEqual([400, ['components.0.productId']]);
      expect((await sales.get<Product>(`/api/products/${kit.id}`)).body.components.map((c) => c.sku)).toEqual(['SEAT']);
    });

    it('refuses a new product with a bad component and creates nothing', async () => {
      const bad = await stack.admin.post<Problem>('/api/products', { sku: 'BAD-KIT', name: 'Bad', chargeType: 'one-time', listPrice: '1', components: [{ productId: box.id, quantity: '-1' }] });
      expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['components.0.quantity']]);
      expect((await sales.get<Page<Product>>('/api/products?search=BAD-KIT')).body.total).toBe(0);
    });

    it('lets only admins change components', async () => {
      expect((await sales.patch(`/api/products/${kit.id}`, { components: [] })).status).toBe(403);
    });
  });

  describe('decimal custom fields', () => {
    let accountId: string;

    beforeAll(async () => {
      accountId = (await sales.post<{ id: string }>('/api/accounts', { name: 'Decimal Co' })).body.id;
      await product('DEC-HW');
    });

    it('declares decimal fields with a scale from 0 to 6 and refuses a scale elsewhere', async () => {
      const rate = await stack.admin.post<{ type: string; scale: number | null }>('/api/fields', { object: 'quote', name: 'fxRate', label: 'FX rate', type: 'decimal', scale: 4 });
      expect([rate.status, rate.body.type, rate.body.scale]).toEqual([201, 'decimal', 4]);
      const weight = await stack.admin.post<{ scale: number | null }>('/api/fields', { object: 'line', name: 'weightKg', label: 'Weight (kg)', type: 'decimal' });
      expect([weight.status, weight.body.scale]).toEqual([201, null]);
      for (const [body, field] of [
        [{ object: 'quote', name: 'tooFine', label: 'X', type: 'decimal', scale: 7 }, 'scale'],
        [{ object: 'quote', name: 'notDecimal', label: 'X', type: 'number', scale: 2 }, 'scale'],
        [{ object: 'quote', name: 'halfScale', label: 'X', type: 'decimal', scale: 1.5 }, 'scale'],
      ] as const) {
        const bad = await stack.admin.post<Problem>('/api/fields', body);
        expect([body.name, bad.status, fieldsOf(bad.body)]).toEqual([body.name, 400, [field]]);
      }
      const names = (await sales.get<Page<{ name: string }>>('/api/fields?pageSize=100')).body.items.map((f) => f.name);
      expect(names).not.toContain('tooFine');
    });

    it('accepts decimal values within the scale on quotes and lines', async () => {
      const quote = await sales.post<{ fields: Record<string, unknown>; lines: { fields: Record<string, unknown> }[] }>('/api/quotes', {
        name: 'Decimal quote',
        accountId,
        startDate: '2026-01-15',
        fields: { fxRate: '1.0825' },
        lines: [{ sku: 'DEC-HW', quantity: '1', fields: { weightKg: '12.125' } }],
      });
      expect(quote.status).toBe(201);
      expect(quote.body.fields).toMatchObject({ fxRate: '1.0825' });
      expect(quote.body.lines[0].fields).toMatchObject({ weightKg: '12.125' });
    });

    it.each([
      ['too many decimals', { fields: { fxRate: '1.08251' } }, ['fields.fxRate']],
      ['a float that is not exact', { fields: { fxRate: 0.1 + 0.2 } }, ['fields.fxRate']],
      ['exponent notation', { fields: { fxRate: '1e2' } }, ['fields.fxRate']],
      // Lines of a new quote are validated as an upsert, so the quotes module names them upsert[i].
    ['a word', { lines: [{ sku: 'DEC-HW', quantity: '1', fields: { weightKg: 'heavy' } }] }, ['upsert[0].fields.weightKg']],
    ])('refuses %s with 400 naming the field and saves no quote', async (name, body, fields) => {
      const before = (await sales.get<Page<unknown>>('/api/quotes')).body.total;
      const bad = await sales.post<Problem>('/api/quotes', { name: `Bad ${name}`, accountId, startDate: '2026-01-15', lines: [], ...body });
      expect([bad.status, fieldsOf(bad.body)]).toEqual([400, fields]);
      expect((await sales.get<Page<unknown>>('/api/quotes')).body.total).toBe(before);
    });
  });
});
