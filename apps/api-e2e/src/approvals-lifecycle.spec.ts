import { type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';

type User = Awaited<ReturnType<typeof userWithRoles>>;
interface Problem {
  code: string;
  detail: string;
  errors?: { field: string }[];
}
interface Person {
  id: string;
  displayName: string;
}
interface PlanRequest {
  ruleName: string;
  step: number;
  autoApproved: boolean;
  approvers: Person[];
  delegates: { delegate: Person; for: Person }[];
  reasons: { text: string; result: boolean }[];
  avoidance: { target: number; change: number; text: string } | null;
}
interface Preview {
  status: string;
  canSubmit: boolean;
  blockers: string[];
  ruleSetVersion: number;
  levels: { step: number; requests: PlanRequest[] }[];
}
interface Request {
  id: string;
  ruleName: string;
  step: number;
  status: string;
  approvers: Person[];
  delegates: { delegate: Person; for: Person }[];
  decisions: { by: Person; onBehalfOf: Person[]; decision: string; comment: string | null }[];
}
interface Approvals {
  status: string;
  current: { id: string; outcome: string; ruleSetVersion: number; autoApproved: string[]; requests: Request[] } | null;
  previous: { outcome: string }[];
  history: { action: string; actor: Person | null; onBehalfOf: Person[]; comment: string | null; ruleName: string | null; ruleSetVersion: number | null }[];
}
interface Quote {
  id: string;
  version: number;
  status: string;
}

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('approvals lifecycle on real PostgreSQL', () => {
  let stack: Stack;
  let rep: User, fin: User, fin2: User, mgr: User, g1: User, g2: User, g3: User, del: User;
  let accountId: string;
  let groupId: string;

  const openRequests = (a: Approvals) => a.current?.requests.filter((r) => r.status === 'open') ?? [];
  const byRule = (a: Approvals, name: string) => a.current?.requests.find((r) => r.ruleName === name) as Request;
  const approvals = async (quoteId: string) => (await stack.admin.get<Approvals>(`/api/quotes/${quoteId}/approvals`)).body;

  async function newQuote(name: string, discount: string, quantity = '10', owner: TestClient = rep.client): Promise<Quote> {
    const created = await owner.post<Quote>('/api/quotes', { name, accountId, startDate: today, lines: [{ sku: 'LIC', quantity, discountPercent: discount }] });
    if (created.status !== 201) throw new Error(`quote: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  beforeAll(async () => {
    stack = await startStack('approvals', { connector: false });
    [rep, fin, fin2, mgr, g1, g2, g3, del] = await Promise.all([
      userWithRoles(stack, ['sales', 'approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
    ]);
    await stack.admin.patch(`/api/users/${rep.id}`, { managerId: mgr.id });
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Acme' })).body.id;
    await stack.admin.post('/api/products', { sku: 'LIC', name: 'License', family: 'License', chargeType: 'one-time', listPrice: '1000.00' });
    groupId = (await stack.admin.post<{ id: string }>('/api/groups', { name: 'Deal desk', memberIds: [g1.id, g2.id, g3.id] })).body.id;
    const raceGroup = (await stack.admin.post<{ id: string }>('/api/groups', { name: 'Race desk', memberIds: [g1.id, g2.id] })).body.id;
    await stack.admin.post('/api/approval-variables', { name: 'licenseNet', function: 'sum', field: 'netTotal', where: [{ field: 'family', op: 'eq', value: 'License' }] });
    const rules = [
      { name: 'Deep discount', step: 1, approver: { type: 'user', userId: fin.id }, conditionsMet: 'all', conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 20, smart: true }] },
      { name: 'Manager', step: 1, approver: { type: 'managerOf', field: 'quote.ownerId' }, conditionsMet: 'all', conditions: [{ index: 1, tested: 'quote.netTotal', op: 'gt', value: 5000 }] },
      {
        name: 'Deal desk',
        step: 2,
        approver: { type: 'group', groupId, mode: 'quorum', quorum: 2 },
        conditionsMet: 'custom',
        logic: '1 AND NOT 2',
        conditions: [
          { index: 1, tested: 'var.licenseNet', op: 'ge', value: 7000 },
          { index: 2, tested: 'quote.name', op: 'startsWith', value: 'Race' },
        ],
      },
      { name: 'Race', step: 1, approver: { type: 'group', groupId: raceGroup, mode: 'any' }, conditionsMet: 'all', conditions: [{ index: 1, tested: 'quote.name', op: 'startsWith', value: 'Race' }] },
    ];
    for (const rule of rules) {
      const saved = await stack.admin.post('/api/approval-rules', rule);
      if (saved.status !== 201) throw new Error(`rule: ${JSON.stringify(saved.body)}`);
    }
  });
  afterAll(() => stack?.stop());

  let quote: Quote;

  it('previews the plan by level with reasons and the smallest avoiding change, changing nothing', async () => {
    quote = await newQuote('Big deal', '25');
    const preview = await rep.client.get<Preview>(`/api/quotes/${quote.id}/approvals/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.canSubmit).toBe(true);
    expect(preview.body.levels.map((l) => [l.step, l.requests.map((r) => r.ruleName).sort()])).toEqual([
      [1, ['Deep discount', 'Manager']],
      [2, ['Deal desk']],
    ]);
    const deep = preview.body.levels[0].requests.find((r) => r.ruleName === 'Deep discount') as PlanRequest;
    expect(deep.reasons[0].text).toBe('discountPercent 25 > 20');
    expect(deep.avoidance).toMatchObject({ target: 20, change: -5 });
    expect(deep.avoidance?.text).toBe('lower discountPercent by 5 to 20 to avoid this approval');
    expect(preview.body.levels[0].requests.find((r) => r.ruleName === 'Manager')?.approvers.map((a) => a.id)).toEqual([mgr.id]);
    expect(preview.body.levels[1].requests[0].approvers.map((a) => a.id).sort()).toEqual([g1.id, g2.id, g3.id].sort());
    expect((await approvals(quote.id)).current).toBeNull();
  });

  it('updates the preview as the rep edits the quote', async () => {
    const edited = await rep.client.request<Quote>('PUT', `/api/quotes/${quote.id}/lines`, { upsert: [], remove: [] });
    const current = await rep.client.get<{ lines: { id: string }[]; version: number }>(`/api/quotes/${quote.id}`);
    await rep.client.request('PUT', `/api/quotes/${quote.id}/lines`, { version: current.body.version, upsert: [{ id: current.body.lines[0].id, sku: 'LIC', quantity: '10', discountPercent: '15' }] });
    const preview = await rep.client.get<Preview>(`/api/quotes/${quote.id}/approvals/preview`);
    expect(preview.body.levels.flatMap((l) => l.requests.map((r) => r.ruleName)).sort()).toEqual(['Deal desk', 'Manager']);
    const back = await rep.client.get<{ version: number }>(`/api/quotes/${quote.id}`);
    await rep.client.request('PUT', `/api/quotes/${quote.id}/lines`, { version: back.body.version, upsert: [{ id: current.body.lines[0].id, sku: 'LIC', quantity: '10', discountPercent: '25' }] });
    expect(edited.status).toBe(200);
  });

  it('lets only the owner (or an admin) submit, then locks the quote', async () => {
    expect((await fin.client.post(`/api/quotes/${quote.id}/approvals/submit`)).status).toBe(403);
    const other = await userWithRoles(stack, ['sales']);
    expect((await other.client.post<Problem>(`/api/quotes/${quote.id}/approvals/submit`)).body.code).toBe('not_quote_owner');
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${quote.id}/approvals/submit`, { comment: 'Strategic logo' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('pending');
    expect(openRequests(submitted.body).map((r) => r.ruleName).sort()).toEqual(['Deep discount', 'Manager']);
    expect(byRule(submitted.body, 'Deal desk').status).toBe('waiting');
    const again = await rep.client.post<Problem>(`/api/quotes/${quote.id}/approvals/submit`);
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
    const patch = await rep.client.patch<Problem>(`/api/quotes/${quote.id}`, { name: 'Changed' });
    expect([patch.status, patch.body.code]).toEqual([409, 'quote_locked']);
    const lines = await rep.client.request<Problem>('PUT', `/api/quotes/${quote.id}/lines`, { upsert: [{ sku: 'LIC', quantity: '1' }] });
    expect([lines.status, lines.body.code]).toEqual([409, 'quote_locked']);
  });

  it('refuses self-approval and non-assignees, then approves level by level through the inbox', async () => {
    const deep = byRule(await approvals(quote.id), 'Deep discount');
    const self = await rep.client.post<Problem>(`/api/approval-requests/${deep.id}/approve`);
    expect([self.status, self.body.code]).toEqual([403, 'self_approval']);
    const stranger = await g1.client.post<Problem>(`/api/approval-requests/${deep.id}/approve`);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'not_an_assignee']);
    const inbox = await fin.client.get<{ items: { id: string; actionable: boolean; quote: { id: string }; reasons: { text: string }[] }[]; total: number }>('/api/approval-requests?assignee=me&status=open');
    expect(inbox.body.items).toEqual([expect.objectContaining({ id: deep.id, actionable: true, quote: expect.objectContaining({ id: quote.id }) })]);
    expect(inbox.body.items[0].reasons[0].text).toBe('discountPercent 25 > 20');
    expect((await fin.client.post(`/api/approval-requests/${deep.id}/approve`, { comment: 'ok' })).status).toBe(200);
    const manager = byRule(await approvals(quote.id), 'Manager');
    const afterLevel1 = await mgr.client.post<Approvals>(`/api/approval-requests/${manager.id}/approve`);
    expect(openRequests(afterLevel1.body).map((r) => r.ruleName)).toEqual(['Deal desk']);
    const desk = byRule(afterLevel1.body, 'Deal desk');
    await g1.client.post(`/api/approval-requests/${desk.id}/approve`);
    const repeat = await g1.client.post<Approvals>(`/api/approval-requests/${desk.id}/approve`);
    expect(repeat.body.status).toBe('pending');
    const done = await g2.client.post<Approvals>(`/api/approval-requests/${desk.id}/approve`);
    expect(done.body.status).toBe('approved');
    const late = await g3.client.post<Problem>(`/api/approval-requests/${desk.id}/approve`);
    expect(late.status).toBe(409);
    expect((await stack.admin.get<Quote>(`/api/quotes/${quote.id}`)).body.status).toBe('approved');
  });

  it('keeps an append-only timeline with actor, action, comment and rule-set version, and replays the plan', async () => {
    const a = await approvals(quote.id);
    expect(a.history.map((h) => h.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'approve', 'approve']);
    expect(a.history[0]).toMatchObject({ actor: { id: rep.id }, comment: 'Strategic logo', ruleSetVersion: a.current?.ruleSetVersion });
    expect(a.history[1]).toMatchObject({ actor: { id: fin.id }, ruleName: 'Deep discount', comment: 'ok' });
    const replay = await stack.admin.get<{ matchesRecorded: boolean }>(`/api/quotes/${quote.id}/approvals/submissions/${a.current?.id}/replay`);
    expect(replay.body.matchesRecorded).toBe(true);
    const audit = await stack.admin.get<{ items: { action: string; targetId: string }[] }>('/api/audit?action=approval.approved');
    expect(audit.body.items.filter((e) => e.targetId === quote.id).length).toBeGreaterThanOrEqual(4);
  });

  it('voids the approval on edit, and smart approvals auto-approve a discount that did not worsen', async () => {
    const q = await rep.client.get<{ version: number; lines: { id: string }[] }>(`/api/quotes/${quote.id}`);
    const edited = await rep.client.request<Quote>('PUT', `/api/quotes/${quote.id}/lines`, { version: q.body.version, upsert: [{ id: q.body.lines[0].id, sku: 'LIC', quantity: '10', discountPercent: '22' }] });
    expect(edited.body.status).toBe('draft');
    const preview = await rep.client.get<Preview>(`/api/quotes/${quote.id}/approvals/preview`);
    const deep = preview.body.levels[0].requests.find((r) => r.ruleName === 'Deep discount');
    expect(deep).toMatchObject({ autoApproved: true, approvers: [] });
    const resubmitted = await rep.client.post<Approvals>(`/api/quotes/${quote.id}/approvals/submit`);
    expect(resubmitted.body.current?.autoApproved).toEqual(['Deep discount']);
    expect(resubmitted.body.previous[0].outcome).toBe('voided');
    expect(openRequests(resubmitted.body).map((r) => r.ruleName)).toEqual(['Manager']);
  });

  it('recalls: only the owner, only while pending', async () => {
    const byAdmin = await stack.admin.post<Problem>(`/api/quotes/${quote.id}/approvals/recall`);
    expect([byAdmin.status, byAdmin.body.code]).toEqual([409, 'invalid_state']);
    const recalled = await rep.client.post<Approvals>(`/api/quotes/${quote.id}/approvals/recall`, { comment: 'customer asked for changes' });
    expect(recalled.body.status).toBe('recalled');
    expect(recalled.body.current?.requests.every((r) => r.status !== 'open')).toBe(true);
    const twice = await rep.client.post<Problem>(`/api/quotes/${quote.id}/approvals/recall`);
    expect([twice.status, twice.body.code]).toEqual([409, 'not_pending']);
    const decideNow = await mgr.client.post<Problem>(`/api/approval-requests/${byRule(recalled.body, 'Manager').id}/approve`);
    expect(decideNow.status).toBe(409);
  });

  it('rejects with a required comment: the quote is rejected and other requests are cancelled', async () => {
    const q = await newQuote('Reject me', '30');
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${q.id}/approvals/submit`);
    const deep = byRule(submitted.body, 'Deep discount');
    const noComment = await fin.client.post<Problem>(`/api/approval-requests/${deep.id}/reject`, {});
    expect(noComment.status).toBe(400);
    const rejected = await fin.client.post<Approvals>(`/api/approval-requests/${deep.id}/reject`, { comment: 'too deep' });
    expect(rejected.body.status).toBe('rejected');
    expect(byRule(rejected.body, 'Manager').status).toBe('cancelled');
    expect(byRule(rejected.body, 'Deal desk').status).toBe('cancelled');
    expect(rejected.body.history.at(-1)).toMatchObject({ action: 'reject', comment: 'too deep' });
  });

  it('records exactly one of two racing decisions; the loser gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const q = await newQuote(`Race ${round}`, '0', '1');
      const submitted = await rep.client.post<Approvals>(`/api/quotes/${q.id}/approvals/submit`);
      const race = byRule(submitted.body, 'Race');
      const [a, b] = await Promise.all([g1.client.post(`/api/approval-requests/${race.id}/approve`), g2.client.post(`/api/approval-requests/${race.id}/approve`)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const after = await approvals(q.id);
      expect(after.status).toBe('approved');
      expect(byRule(after, 'Race').decisions).toHaveLength(1);
    }
  });

  it('adds a delegate whose window contains today; the delegate acts on behalf of the approver', async () => {
    await fin.client.post('/api/delegations', { delegateId: del.id, startsOn: today, endsOn: inDays(3) });
    const q = await newQuote('Delegated', '25', '1');
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${q.id}/approvals/submit`);
    const deep = byRule(submitted.body, 'Deep discount');
    expect(deep.delegates).toEqual([{ delegate: expect.objectContaining({ id: del.id }), for: expect.objectContaining({ id: fin.id }) }]);
    const inbox = await del.client.get<{ items: { id: string; onBehalfOf: Person[] }[] }>('/api/approval-requests?via=delegated');
    expect(inbox.body.items).toEqual([expect.objectContaining({ id: deep.id, onBehalfOf: [expect.objectContaining({ id: fin.id })] })]);
    const approved = await del.client.post<Approvals>(`/api/approval-requests/${deep.id}/approve`, { comment: 'for Fin' });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.history.at(-1)).toMatchObject({ action: 'approve', actor: { id: del.id }, onBehalfOf: [expect.objectContaining({ id: fin.id })] });
  });

  it('reassigns one open request, and substitution moves open requests too', async () => {
    const q = await newQuote('Reassign', '25', '1');
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${q.id}/approvals/submit`);
    const deep = byRule(submitted.body, 'Deep discount');
    const bad = await stack.admin.post<Problem>(`/api/approval-requests/${deep.id}/reassign`, { fromId: fin.id, toId: rep.id });
    expect(bad.status).toBe(400);
    const notMine = await g1.client.post<Problem>(`/api/approval-requests/${deep.id}/reassign`, { fromId: fin.id, toId: fin2.id });
    expect(notMine.status).toBe(403);
    const moved = await stack.admin.post<Approvals>(`/api/approval-requests/${deep.id}/reassign`, { fromId: fin.id, toId: fin2.id, comment: 'Fin is out' });
    expect(byRule(moved.body, 'Deep discount').approvers.map((a) => a.id)).toEqual([fin2.id]);
    const q2 = await newQuote('Substitute', '25', '1');
    await rep.client.post(`/api/quotes/${q2.id}/approvals/submit`);
    const dry = await stack.admin.post<{ openRequests: { quoteId: string }[] }>('/api/approvers/substitute?dryRun=true', { fromId: fin.id, toId: fin2.id });
    expect(dry.body.openRequests.map((r) => r.quoteId)).toEqual([q2.id]);
    await stack.admin.post('/api/approvers/substitute', { fromId: fin.id, toId: fin2.id });
    const after = await approvals(q2.id);
    expect(byRule(after, 'Deep discount').approvers.map((a) => a.id)).toEqual([fin2.id]);
    expect(after.history.at(-1)?.action).toBe('substitute');
    const batch = await fin2.client.post<{ approved: number; failed: number; results: { ok: boolean; code?: string }[] }>('/api/approval-requests/batch-approve', {
      ids: [byRule(moved.body, 'Deep discount').id, byRule(after, 'Deep discount').id, deep.id.replace(/.$/, '0')],
    });
    expect(batch.body).toMatchObject({ approved: 2, failed: 1 });
  });

  it('fails submit with approver_unresolved (422) and changes nothing', async () => {
    const loner = await userWithRoles(stack, ['sales']);
    const q = await newQuote('No manager', '0', '10', loner.client);
    const response = await loner.client.post<Problem>(`/api/quotes/${q.id}/approvals/submit`);
    expect([response.status, response.body.code]).toEqual([422, 'approver_unresolved']);
    expect((await stack.admin.get<Quote>(`/api/quotes/${q.id}`)).body.status).toBe('draft');
    const preview = await loner.client.get<Preview>(`/api/quotes/${q.id}/approvals/preview`);
    expect(preview.body.canSubmit).toBe(false);
    expect(preview.body.blockers[0]).toContain('Manager');
  });

  it('lists the quotes a draft rule change would affect before it is saved', async () => {
    const rules = await stack.admin.get<{ items: { id: string; name: string; version: number; approver: unknown; conditions: unknown[]; step: number; conditionsMet: string }[] }>('/api/approval-rules');
    const deep = rules.body.items.find((r) => r.name === 'Deep discount') as (typeof rules.body.items)[number];
    const draft = { id: deep.id, name: deep.name, step: deep.step, approver: { type: 'user', userId: g3.id }, conditionsMet: 'all', conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 27, smart: true }] };
    const impact = await stack.admin.post<{ compared: number; affected: number; quotes: { name: string; differences: { kind: string; text: string }[] }[] }>('/api/approval-rules/impact', { upsert: [draft], limit: 100 });
    expect(impact.status).toBe(200);
    const byName = new Map(impact.body.quotes.map((q) => [q.name, q.differences.map((d) => d.kind)]));
    expect(byName.get('Reject me')).toEqual(['approver']);
    expect(byName.get('Big deal')).toEqual(['removed']);
    expect(byName.has('Race 0')).toBe(false);
    const invalid = await stack.admin.post<Problem>('/api/approval-rules/impact', { upsert: [{ ...draft, conditions: [{ index: 1, tested: 'quote.nope', op: 'gt', value: 1 }] }] });
    expect(invalid.body.errors?.[0].field).toBe('upsert.0.conditions.0.tested');
  });
});
