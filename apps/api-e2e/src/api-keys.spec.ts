import { type Stack, startStack } from '@signet/testing';

describe('API keys for machine clients', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('keys', { connector: false });
  });
  afterAll(() => stack?.stop());

  it('creates a key shown once, authenticates with it within its roles, and refuses it once revoked', async () => {
    const created = await stack.admin.post<{ id: string; key: string; prefix: string }>('/api/api-keys', { name: 'ERP bridge', roles: ['integration'] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sgk_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

    const machine = stack.api.withApiKey(created.body.key);
    expect((await machine.get('/api/sync/connectors')).status).toBe(200);
    expect((await machine.get('/api/users')).status).toBe(403);
    expect((await machine.get('/api/auth/me')).body).toMatchObject({ kind: 'api-key', roles: ['integration'] });

    const listed = await stack.admin.get<{ items: { id: string; lastUsedAt: string | null }[] }>('/api/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(listed.body.items.find((k) => k.id === created.body.id)?.lastUsedAt).not.toBeNull();

    expect((await stack.admin.delete(`/api/api-keys/${created.body.id}`)).status).toBe(200);
    const revoked = await machine.get('/api/sync/connectors');
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ code: 'invalid_api_key' });
  });

  it('refuses an unknown key and a key request without roles', async () => {
    expect((await stack.api.withApiKey('sgk_made-up').get('/api/dashboard')).status).toBe(401);
    const invalid = await stack.admin.post<{ errors: { field: string }[] }>('/api/api-keys', { name: 'x', roles: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.field)).toContain('roles');
  });
});
