import { type Stack, startStack, userWithRoles } from '@signet/testing';

interface Problem {
  code: string;
  detail: string;
  errors: { field: string; message: string; position?: number; conditionIndex?: number }[];
}
interface Rule {
  id: string;
  version: number;
  approverLabel: string;
  approver: { type: string; userId?: string; groupId?: string };
}

const today = new Date().toISOString().slice(0, 10);
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('approval configuration: directory, variables, rules, rule-set versions, delegations, substitution', () => {
  let stack: Stack;
  let fin: Awaited<ReturnType<typeof userWithRoles>>;
  let fin2: Awaited<ReturnType<typeof userWithRoles>>;
  let rep: Awaited<ReturnType<typeof userWithRoles>>;
  let groupId: string;

  const rule = (overrides: Record<string, unknown> = {}) => ({
    name: 'Deep discount',
    chain: 'Finance',
    step: 1,
    approver: { type: 'user', userId: fin.id },
    conditionsMet: 'all',
    conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 20, smart: true }],
    ...overrides,
  });

  beforeAll(async () => {
    stack = await startStack('approvalcfg', { connector: false });
    fin = await userWithRoles(stack, ['approver']);
    fin2 = await userWithRoles(stack, ['approver']);
    rep = await userWithRoles(stack, ['sales']);
  });
  afterAll(() => stack?.stop());

  it('sets a manager on a user, refusing self and cycles', async () => {
    expect((await stack.admin.patch(`/api/users/${rep.id}`, { managerId: fin.id })).body).toMatchObject({ managerId: fin.id });
    const self = await stack.admin.patch<Problem>(`/api/users/${fin.id}`, { managerId: fin.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('managerId');
    const cycle = await stack.admin.patch<Problem>(`/api/users/${fin.id}`, { managerId: rep.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].message).toContain('cycle');
  });

  it('creates a group, replaces its members, and refuses a duplicate name and unknown members', async () => {
    const created = await stack.admin.post<{ id: string; members: { id: string }[]; version: number }>('/api/groups', { name: 'Finance approvers', memberIds: [fin.id] });
    expect(created.status).toBe(201);
    groupId = created.body.id;
    const updated = await stack.admin.request<{ members: { id: string }[] }>('PUT', `/api/groups/${groupId}/members`, { memberIds: [fin.id, fin2.id], version: created.body.version });
    expect(updated.status).toBe(200);
    expect(updated.body.members.map((m) => m.id).sort()).toEqual([fin.id, fin2.id].sort());
    const stale = await stack.admin.request<Problem>('PUT', `/api/groups/${groupId}/members`, { memberIds: [fin.id], version: created.body.version });
    expect(stale.body.code).toBe('stale_version');
    expect((await stack.admin.post<Problem>('/api/groups', { name: 'FINANCE approvers' })).body.code).toBe('group_name_taken');
    const unknown = await stack.admin.request<Problem>('PUT', `/api/groups/${groupId}/members`, { memberIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect((await rep.client.post('/api/groups', { name: 'x' })).status).toBe(403);
  });

  it('renames a group with optimistic concurrency, refusing a taken name and a blank one, audited', async () => {
    const created = await stack.admin.post<{ id: string; version: number }>('/api/groups', { name: 'Legal reviewers', memberIds: [fin2.id] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const renamed = await stack.admin.request<{ name: string; version: number; members: { id: string }[] }>('PATCH', `/api/groups/${id}`, { name: 'Legal reviewers (EMEA)', version: created.body.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Legal reviewers (EMEA)');
    expect(renamed.body.members.map((m) => m.id)).toEqual([fin2.id]);
    const stale = await stack.admin.request<Problem>('PATCH', `/api/groups/${id}`, { name: 'Other', version: created.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const taken = await stack.admin.request<Problem>('PATCH', `/api/groups/${id}`, { name: 'finance APPROVERS', version: renamed.body.version });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('group_name_taken');
    const blank = await stack.admin.request<Problem>('PATCH', `/api/groups/${id}`, { name: '   ', version: renamed.body.version });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].field).toBe('name');
    expect((await stack.admin.get<{ name: string }>(`/api/groups/${id}`)).body.name).toBe('Legal reviewers (EMEA)');
    expect((await rep.client.request('PATCH', `/api/groups/${id}`, { name: 'x', version: renamed.body.version })).status).toBe(403);
    const audit = await stack.admin.get<{ items: { action: string; targetId: string }[] }>('/api/audit?action=group.updated');
    expect(audit.body.items.some((e) => e.targetId === id)).toBe(true);
  });

  it('creates variables and refuses invalid ones with pointers', async () => {
    const ok = await stack.admin.post('/api/approval-variables', { name: 'licenseNet', function: 'sum', field: 'netTotal', where: [{ field: 'family', op: 'eq', value: 'License' }] });
    expect(ok.status).toBe(201);
    const noField = await stack.admin.post<Problem>('/api/approval-variables', { name: 'bad', function: 'sum' });
    expect(noField.status).toBe(400);
    expect(noField.body).toMatchObject({ code: 'invalid_variable', errors: [{ field: 'field' }] });
    expect((await stack.admin.post<Problem>('/api/approval-variables', { name: 'licenseNet', function: 'count' })).body.code).toBe('variable_name_taken');
  });

  it('saves a rule and publishes a new rule-set version holding it', async () => {
    const before = await stack.admin.get<{ items: { version: number }[] }>('/api/approval-rule-sets');
    const created = await stack.admin.post<Rule>('/api/approval-rules', rule());
    expect(created.status).toBe(201);
    expect(created.body.approverLabel).toContain('E2E approver');
    const after = await stack.admin.get<{ items: { version: number; reason: string }[] }>('/api/approval-rule-sets');
    expect(after.body.items[0].version).toBe(before.body.items[0].version + 1);
    const set = await stack.admin.get<{ rules: { id: string; approver: unknown }[] }>(`/api/approval-rule-sets/${after.body.items[0].version}`);
    expect(set.body.rules).toEqual([expect.objectContaining({ id: created.body.id, approver: { user: fin.id } })]);
    const audit = await stack.admin.get<{ items: { targetId: string }[] }>('/api/audit?action=approval_rule.created');
    expect(audit.body.items.map((e) => e.targetId)).toContain(created.body.id);
  });

  it.each([
    ['a logic that does not parse', { conditionsMet: 'custom', logic: '1 AND (2', conditions: [{ index: 1, tested: 'quote.netTotal', op: 'gt', value: 1 }, { index: 2, tested: 'quote.name', op: 'eq', value: 'x' }] }, { field: 'logic', position: 8 }],
    ['a logic naming an unknown condition', { conditionsMet: 'custom', logic: '1 OR 3', conditions: [{ index: 1, tested: 'quote.netTotal', op: 'gt', value: 1 }] }, { field: 'logic', position: 5 }],
    ['an unknown variable', { conditions: [{ index: 4, tested: 'var.nothing', op: 'gt', value: 1 }] }, { field: 'conditions.0.tested', conditionIndex: 4 }],
    ['an unknown approver', { approver: { type: 'user', userId: '00000000-0000-4000-8000-000000000000' } }, { field: 'approver.userId' }],
    ['an unknown group', { approver: { type: 'group', groupId: '00000000-0000-4000-8000-000000000000', mode: 'all' } }, { field: 'approver.groupId' }],
    ['a missing comparand', { conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt' }] }, { field: 'conditions.0.value', conditionIndex: 1 }],
  ])('refuses %s with 400 pointing at it', async (_label, override, pointer) => {
    const response = await stack.admin.post<Problem>('/api/approval-rules', rule(override));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('invalid_rule');
    expect(response.body.errors[0]).toMatchObject(pointer);
    const validated = await stack.admin.post<{ valid: boolean; errors: unknown[] }>('/api/approval-rules/validate', rule(override));
    expect(validated.body).toMatchObject({ valid: false, errors: [expect.objectContaining(pointer)] });
  });

  it('refuses structurally bad rules (validation_failed) and rule edits by non-admins', async () => {
    const bad = await stack.admin.post<Problem>('/api/approval-rules', rule({ step: 0, conditions: [{ index: 1, tested: 'quote.x', op: 'like', value: 1 }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['step', 'conditions.0.op']));
    expect((await rep.client.post('/api/approval-rules', rule())).status).toBe(403);
    expect((await rep.client.get('/api/approval-rules')).status).toBe(200);
  });

  it('updates with optimistic concurrency and deletes a rule, each publishing a version', async () => {
    const created = await stack.admin.post<Rule>('/api/approval-rules', rule({ name: 'Temp', approver: { type: 'group', groupId, mode: 'quorum', quorum: 2 } }));
    expect(created.body.approverLabel).toBe('group Finance approvers (quorum 2)');
    const updated = await stack.admin.patch<Rule>(`/api/approval-rules/${created.body.id}`, { ...rule({ name: 'Temp 2', step: 2 }), version: created.body.version });
    expect(updated.status).toBe(200);
    const stale = await stack.admin.patch<Problem>(`/api/approval-rules/${created.body.id}`, { ...rule(), version: created.body.version });
    expect(stale.body.code).toBe('stale_version');
    const v = (await stack.admin.get<{ items: { version: number }[] }>('/api/approval-rule-sets')).body.items[0].version;
    expect((await stack.admin.delete(`/api/approval-rules/${created.body.id}`)).status).toBe(204);
    expect((await stack.admin.get<{ items: { version: number }[] }>('/api/approval-rule-sets')).body.items[0].version).toBe(v + 1);
    expect((await stack.admin.get(`/api/approval-rules/${created.body.id}`)).status).toBe(404);
  });

  it('refuses to delete a variable a rule uses', async () => {
    await stack.admin.post('/api/approval-rules', rule({ name: 'Licenses', conditions: [{ index: 1, tested: 'var.licenseNet', op: 'ge', value: 50000 }] }));
    const variables = await stack.admin.get<{ items: { id: string; name: string; usedBy: number }[] }>('/api/approval-variables');
    const licenseNet = variables.body.items.find((v) => v.name === 'licenseNet');
    expect(licenseNet?.usedBy).toBe(1);
    expect((await stack.admin.delete<Problem>(`/api/approval-variables/${licenseNet?.id}`)).body.code).toBe('variable_in_use');
  });

  it('lets an approver set up their own delegation, not someone else’s, and lists it as active', async () => {
    const mine = await fin.client.post<{ id: string; state: string; delegate: { id: string } }>('/api/delegations', { delegateId: fin2.id, startsOn: today, endsOn: addDays(5), note: 'Vacation' });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ state: 'active', delegate: { id: fin2.id } });
    expect((await fin.client.post('/api/delegations', { approverId: fin2.id, delegateId: fin.id, startsOn: today, endsOn: today })).status).toBe(403);
    const overlap = await fin.client.post<Problem>('/api/delegations', { delegateId: fin2.id, startsOn: addDays(2), endsOn: addDays(9) });
    expect(overlap.body.code).toBe('delegation_overlaps');
    const toRep = await fin.client.post<Problem>('/api/delegations', { delegateId: rep.id, startsOn: today, endsOn: today });
    expect(toRep.body.errors[0]).toMatchObject({ field: 'delegateId' });
    const backwards = await fin.client.post<Problem>('/api/delegations', { delegateId: fin2.id, startsOn: addDays(20), endsOn: addDays(19) });
    expect(backwards.body.errors.map((e) => e.field)).toContain('endsOn');
    const listed = await fin2.client.get<{ items: { id: string }[] }>('/api/delegations?current=true');
    expect(listed.body.items.map((d) => d.id)).toContain(mine.body.id);
    expect((await fin2.client.delete(`/api/delegations/${mine.body.id}`)).status).toBe(403);
    expect((await fin.client.delete(`/api/delegations/${mine.body.id}`)).status).toBe(204);
  });

  it('previews a substitution without changing anything, then applies it', async () => {
    const newcomer = await userWithRoles(stack, ['approver']);
    const dry = await stack.admin.post<{ dryRun: boolean; rules: { name: string }[]; groups: { name: string }[]; ruleSetVersion: number | null }>('/api/approvers/substitute?dryRun=true', { fromId: fin.id, toId: newcomer.id });
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.rules.map((r) => r.name).sort()).toEqual(['Deep discount', 'Licenses']);
    expect(dry.body.groups.map((g) => g.name)).toEqual(['Finance approvers']);
    expect(dry.body.ruleSetVersion).toBeNull();
    const unchanged = await stack.admin.get<{ items: Rule[] }>('/api/approval-rules');
    expect(unchanged.body.items.filter((r) => r.approver.userId === fin.id)).toHaveLength(2);
    const applied = await stack.admin.post<{ ruleSetVersion: number }>('/api/approvers/substitute', { fromId: fin.id, toId: newcomer.id });
    expect(applied.body.ruleSetVersion).toBeGreaterThan(1);
    const rules = await stack.admin.get<{ items: Rule[] }>('/api/approval-rules');
    expect(rules.body.items.filter((r) => r.approver.userId === fin.id)).toHaveLength(0);
    expect(rules.body.items.filter((r) => r.approver.userId === newcomer.id)).toHaveLength(2);
    const group = await stack.admin.get<{ members: { id: string }[] }>(`/api/groups/${groupId}`);
    expect(group.body.members.map((m) => m.id).sort()).toEqual([fin2.id, newcomer.id].sort());
    const toSales = await stack.admin.post<Problem>('/api/approvers/substitute', { fromId: fin2.id, toId: rep.id });
    expect(toSales.body.errors[0]).toMatchObject({ field: 'toId' });
  });
});
