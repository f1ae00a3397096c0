import { type Stack, startStack, userWithRoles } from '@signet/testing';

interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  active: boolean;
  version: number;
}

describe('users administration', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('users', { connector: false });
  });
  afterAll(() => stack?.stop());

  it('creates a user who can then sign in, and audits it', async () => {
    const created = await stack.admin.post<User>('/api/users', { email: 'Jane.Doe@Example.com', displayName: 'Jane Doe', password: 'a-long-password', roles: ['sales', 'approver'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'Jane.Doe@Example.com', displayName: 'Jane Doe', roles: ['sales', 'approver'], active: true, version: 1 });
    expect(created.body).not.toHaveProperty('passwordHash');
    await stack.api.login('jane.doe@example.com', 'a-long-password');
    const audit = await stack.admin.get<{ items: { action: string; targetId: string }[] }>('/api/audit?action=user.created');
    expect(audit.body.items.map((e) => e.targetId)).toContain(created.body.id);
  });

  it('refuses a second user with the same email in any case (409)', async () => {
    await stack.admin.post('/api/users', { email: 'dup@example.com', displayName: 'One', password: 'a-long-password', roles: ['sales'] });
    const again = await stack.admin.post('/api/users', { email: 'DUP@example.com', displayName: 'Two', password: 'a-long-password', roles: ['sales'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'email_taken', errors: [{ field: 'email', message: 'already in use' }] });
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown role', { roles: ['wizard'] }, 'roles'],
    ['no roles', { roles: [] }, 'roles'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
  ])('refuses %s with 400 naming the field', async (_label, override, field) => {
    const body = { email: `x-${Date.now()}@example.com`, displayName: 'X', password: 'a-long-password', roles: ['sales'], ...override };
    const response = await stack.admin.post<{ errors: { field: string }[] }>('/api/users', body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.field)).toContain(field);
  });

  it('lists with search, role and status filters, sorting and pagination', async () => {
    for (const n of [1, 2, 3]) {
      await stack.admin.post('/api/users', { email: `page-${n}@list.test`, displayName: `Lister ${n}`, password: 'a-long-password', roles: ['finance'] });
    }
    const firstPage = await stack.admin.get<{ items: User[]; total: number }>('/api/users?search=list.test&pageSize=2&page=1&sort=email&direction=desc');
    expect(firstPage.body.total).toBe(3);
    expect(firstPage.body.items.map((u) => u.email)).toEqual(['page-3@list.test', 'page-2@list.test']);
    const secondPage = await stack.admin.get<{ items: User[] }>('/api/users?search=list.test&pageSize=2&page=2&sort=email&direction=desc');
    expect(secondPage.body.items.map((u) => u.email)).toEqual(['page-1@list.test']);
    const finance = await stack.admin.get<{ items: User[] }>('/api/users?role=finance&active=true&pageSize=200');
    expect(finance.body.items.every((u) => u.roles.includes('finance') && u.active)).toBe(true);
    const badPage = await stack.admin.get('/api/users?pageSize=1000');
    expect(badPage.status).toBe(400);
  });

  it('changes roles: the old token stops working and the change is audited with old and new roles', async () => {
    const user = await userWithRoles(stack, ['sales']);
    expect((await user.client.get('/api/dashboard')).status).toBe(200);
    const updated = await stack.admin.patch<User>(`/api/users/${user.id}`, { roles: ['finance'] });
    expect(updated.status).toBe(200);
    expect(updated.body.roles).toEqual(['finance']);
    expect((await user.client.get('/api/dashboard')).status).toBe(401);
    const audit = await stack.admin.get<{ items: { targetId: string; detail: unknown }[] }>('/api/audit?action=user.roles_changed');
    expect(audit.body.items.find((e) => e.targetId === user.id)?.detail).toEqual({ from: ['sales'], to: ['finance'] });
  });

  it('refuses a stale version with 409 and leaves the user unchanged', async () => {
    const user = await userWithRoles(stack, ['approver']);
    const current = await stack.admin.get<User>(`/api/users/${user.id}`);
    await stack.admin.patch(`/api/users/${user.id}`, { displayName: 'First edit', version: current.body.version });
    const stale = await stack.admin.patch(`/api/users/${user.id}`, { displayName: 'Second edit', version: current.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version' });
    expect((await stack.admin.get<User>(`/api/users/${user.id}`)).body.displayName).toBe('First edit');
  });

  it('does not let an admin deactivate themselves or drop their own admin role', async () => {
    const me = await stack.admin.get<{ id: string }>('/api/auth/me');
    expect((await stack.admin.patch(`/api/users/${me.body.id}`, { active: false })).body).toMatchObject({ code: 'cannot_deactivate_self' });
    expect((await stack.admin.patch(`/api/users/${me.body.id}`, { roles: ['sales'] })).body).toMatchObject({ code: 'cannot_remove_own_admin' });
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await stack.admin.get('/api/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stack.admin.get('/api/users/not-a-uuid')).status).toBe(400);
  });
});
