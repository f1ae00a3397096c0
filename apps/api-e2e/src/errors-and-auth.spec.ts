import { ADMIN_EMAIL, ADMIN_PASSWORD, type Stack, startStack, userWithRoles } from '@signet/testing';

const PROBLEM = /^application\/problem\+json/;

describe('errors and authentication', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('auth', { connector: false, env: { LOGIN_RATE_LIMIT: '4', LOGIN_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => stack?.stop());

  it('answers health and liveness without a token', async () => {
    const ready = await stack.api.get('/api/health');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, queue: { status: 'up', engine: 'redis' } } });
    expect((await stack.api.get('/api/health/live')).body).toEqual({ status: 'ok' });
  });

  it('refuses a wrong password with 401 problem+json and audits the failure', async () => {
    const response = await stack.api.post('/api/auth/login', { email: ADMIN_EMAIL, password: 'not-the-password' });
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 401, code: 'invalid_credentials', title: 'Invalid credentials' });
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at \w+ \(/);
    const audit = await stack.admin.get<{ items: { action: string; detail: { email: string; reason: string } }[] }>('/api/audit?action=auth.login.failed');
    expect(audit.body.items[0]).toMatchObject({ action: 'auth.login.failed', detail: { email: ADMIN_EMAIL, reason: 'wrong_password' } });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await stack.admin.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'not_found', instance: '/api/no-such-thing' });
  });

  it('names both a missing field and an unknown field in one 400, and saves nothing', async () => {
    const before = await stack.admin.get<{ total: number }>('/api/users');
    const response = await stack.admin.post<{ errors: { field: string; message: string }[]; detail: string }>('/api/users', {
      email: 'someone@example.com',
      password: 'long-enough-password',
      roles: ['sales'],
      nickname: 'Bob',
    });
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(PROBLEM);
    const fields = response.body.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['displayName', 'nickname']));
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'displayName', message: 'displayName is required' },
        { field: 'nickname', message: 'nickname is not an allowed field' },
      ]),
    );
    expect(response.body.detail).toContain('displayName');
    expect(response.body.detail).toContain('nickname');
    expect((await stack.admin.get<{ total: number }>('/api/users')).body.total).toBe(before.body.total);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await stack.admin.request('POST', '/api/users', '{"email": ', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'malformed_body' });
  });

  it('refuses a call without a token (401) and with a token lacking the role (403)', async () => {
    const anonymous = await stack.api.get('/api/users');
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toMatch(PROBLEM);
    expect(anonymous.body).toMatchObject({ code: 'unauthenticated' });
    const sales = await userWithRoles(stack, ['sales']);
    const forbidden = await sales.client.get('/api/users');
    expect(forbidden.status).toBe(403);
    expect(forbidden.contentType).toMatch(PROBLEM);
    expect(forbidden.body).toMatchObject({ code: 'forbidden' });
    const garbage = await stack.api.withToken('not.a.jwt').get('/api/dashboard');
    expect(garbage.status).toBe(401);
    expect(garbage.body).toMatchObject({ code: 'invalid_token' });
  });

  it('refreshes tokens, and stops honouring them once the user is deactivated', async () => {
    const finance = await userWithRoles(stack, ['finance']);
    const login = await stack.api.post<{ refreshToken: string; accessToken: string }>('/api/auth/login', { email: finance.email, password: finance.password });
    const refreshed = await stack.api.post<{ accessToken: string }>('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await stack.api.withToken(refreshed.body.accessToken).get('/api/auth/me')).body).toMatchObject({ email: finance.email, roles: ['finance'] });

    expect((await stack.admin.patch(`/api/users/${finance.id}`, { active: false })).status).toBe(200);
    expect((await stack.api.withToken(login.body.accessToken).get('/api/dashboard')).status).toBe(401);
    expect((await stack.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await stack.api.post('/api/auth/login', { email: finance.email, password: finance.password })).status).toBe(401);
  });

  it('rate-limits logins per address and email with 429 problem+json', async () => {
    const email = `nobody-${Date.now()}@e2e.signet`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await stack.api.post('/api/auth/login', { email, password: 'wrong-password' })).status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    const limited = await stack.api.post('/api/auth/login', { email, password: 'wrong-password' });
    expect(limited.contentType).toMatch(PROBLEM);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // Another email from the same address is not locked out by someone else's attempts.
    expect((await stack.api.post('/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
  });
});
