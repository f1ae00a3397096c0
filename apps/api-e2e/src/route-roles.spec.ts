import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';

type Operation = { 'x-signet-roles'?: string[]; 'x-signet-public'?: boolean; parameters?: { name: string; in: string }[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const ROLES = ['admin', 'sales', 'approver', 'finance', 'integration'];
const SAMPLE_PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', connector: 'sap' };

describe('every route × every role', () => {
  let stack: Stack;
  let clients: Record<string, TestClient>;
  const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/api/openapi.json'), 'utf8')) as OpenApi;

  beforeAll(async () => {
    stack = await startStack('roles', { connector: false });
    clients = {};
    for (const role of ROLES) clients[role] = (await userWithRoles(stack, [role])).client;
  });
  afterAll(() => stack?.stop());

  it('serves the same OpenAPI document as the committed apps/api/openapi.json', async () => {
    const served = await stack.api.get('/api/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(committed);
  });

  const operations = Object.entries(committed.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

  it('declares roles or public on every operation', () => {
    const undeclared = operations.filter(({ op }) => !op['x-signet-public'] && !op['x-signet-roles']?.length);
    expect(undeclared.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s: 401 without credentials, 403 for roles not allowed', async (_name, { path, method, op }) => {
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x');
    const anonymous = await stack.api.request(method, url, method === 'GET' ? undefined : {});
    if (op['x-signet-public']) {
      expect(anonymous.status).not.toBe(401);
      return;
    }
    expect(anonymous.status).toBe(401);
    const allowed = op['x-signet-roles'] ?? [];
    for (const role of ROLES) {
      const response = await clients[role].request(method, url, method === 'GET' ? undefined : {});
      if (allowed.includes(role)) {
        expect([role, response.status]).not.toEqual([role, 403]);
        expect([role, response.status]).not.toEqual([role, 401]);
      } else {
        expect([role, response.status]).toEqual([role, 403]);
      }
    }
  });
});
