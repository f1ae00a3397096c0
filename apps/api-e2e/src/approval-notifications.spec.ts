import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CapturedMail, type MailCapture, startMailCapture } from '@signet/mail-capture';
import { eventually, type Stack, startStack, userWithRoles } from '@signet/testing';

type User = Awaited<ReturnType<typeof userWithRoles>>;
interface Problem {
  code: string;
  detail: string;
}
interface Approvals {
  status: string;
  current: { id: string; outcome: string; requests: { id: string; ruleName: string; status: string; approvers: { id: string }[]; delegates: { delegate: { id: string } }[] }[] } | null;
  history: { action: string; comment: string | null; detail?: string | null }[];
}
interface LinkView {
  state: string;
  message: string;
  decision: string;
  ruleName: string;
  quote: { number: string; accountName: string; netTotal: string; ownerName: string };
  reasons: { rule: string; text: string }[];
}

const PUBLIC_URL = 'http://console.signet.test';
const today = new Date().toISOString().slice(0, 10);

/** The one-tap links of a captured request email, as tokens for the API. */
function linksOf(mail: CapturedMail): { approve: string; reject: string } {
  const match = /Approve: (\S+)\nReject: +(\S+)/.exec(mail.text);
  if (!match) throw new Error(`no links in: ${mail.text}`);
  const token = (url: string) => {
    expect(url.startsWith(`${PUBLIC_URL}/a/`)).toBe(true);
    return url.slice(`${PUBLIC_URL}/a/`.length);
  };
  expect(mail.html).toContain(`href="${match[1]}"`);
  return { approve: token(match[1]), reject: token(match[2]) };
}

function tamper(token: string): string {
  const [body, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify({ ...claims, d: claims['d'] === 'approve' ? 'reject' : 'approve' })).toString('base64url')}.${signature}`;
}

describe('approval notifications: emails, one-tap links, feed, chat', () => {
  let stack: Stack;
  let capture: MailCapture;
  let chat: Server;
  const chatPosts: { text: string; blocks: { type: string; elements?: { url: string; text: { text: string } }[] }[] }[] = [];
  let rep: User, fin: User, fin2: User;
  let accountId: string;
  let ruleId: string;

  const approvals = async (quoteId: string) => (await stack.admin.get<Approvals>(`/api/quotes/${quoteId}/approvals`)).body;
  const link = (token: string) => `/api/approval-links/${token}`;

  async function submitQuote(name: string): Promise<{ id: string; number: string; requestId: string }> {
    const created = await rep.client.post<{ id: string; number: string }>('/api/quotes', { name, accountId, startDate: today, lines: [{ sku: 'LIC', quantity: '10', discountPercent: '30' }] });
    if (created.status !== 201) throw new Error(`quote: ${created.status} ${JSON.stringify(created.body)}`);
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${created.body.id}/approvals/submit`);
    if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
    const request = submitted.body.current?.requests.find((r) => r.status === 'open');
    return { id: created.body.id, number: created.body.number, requestId: request?.id ?? '' };
  }

  const requestMail = (to: User, number: string) => capture.waitFor((m) => m.to.includes(to.email) && m.subject.startsWith(`Approval needed: ${number}`));

  beforeAll(async () => {
    capture = await startMailCapture();
    chat = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        chatPosts.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => chat.listen(0, '127.0.0.1', r));
    stack = await startStack('notify', { connector: false, env: { SMTP_URL: capture.url, PUBLIC_URL, SIGNET_TEST_CLOCK: 'true' } });
    [rep, fin, fin2] = await Promise.all([userWithRoles(stack, ['sales']), userWithRoles(stack, ['approver']), userWithRoles(stack, ['approver'])]);
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Acme & Sons' })).body.id;
    await stack.admin.post('/api/products', { sku: 'LIC', name: 'License', family: 'License', chargeType: 'one-time', listPrice: '1000.00' });
    const rule = await stack.admin.post<{ id: string }>('/api/approval-rules', {
      name: 'Deep discount',
      step: 1,
      approver: { type: 'user', userId: fin.id },
      conditionsMet: 'all',
      conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 20 }],
    });
    if (rule.status !== 201) throw new Error(`rule: ${JSON.stringify(rule.body)}`);
    ruleId = rule.body.id;
    const settings = await stack.admin.request('PUT', `/api/notification-settings/rules/${ruleId}`, { chatWebhookUrl: `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hook` });
    if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`);
  });
  afterAll(async () => {
    await stack?.stop();
    await capture?.stop();
    chat?.close();
  });

  it('emails the assignee with approve and reject links; approving through the link decides as them, once', async () => {
    const quote = await submitQuote('Renewal 2026');
    const mail = await requestMail(fin, quote.number);
    expect(mail.subject).toBe(`Approval needed: ${quote.number} for Acme & Sons (7,000.00 USD)`);
    expect(mail.text).toContain('- Deep discount: discountPercent 30 > 20');
    expect(mail.html).toContain('Acme &amp; Sons');
    const { approve, reject } = linksOf(mail);

    const view = await stack.api.get<LinkView>(link(approve));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'ready', decision: 'approve', ruleName: 'Deep discount', quote: { number: quote.number, accountName: 'Acme & Sons', netTotal: '7,000.00' } });
    expect(view.body.reasons).toEqual([{ rule: 'Deep discount', text: 'discountPercent 30 > 20' }]);

    const used = await stack.api.post<{ outcome: string; requestStatus: string }>(link(approve), { comment: 'Fine for a renewal' });
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ outcome: 'approved', requestStatus: 'approved' });
    const after = await approvals(quote.id);
    expect(after.status).toBe('approved');
    expect(after.history.map((h) => [h.action, h.comment])).toContainEqual(['approve', 'Fine for a renewal']);

    const replay = await stack.api.post<Problem>(link(approve), {});
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('link_used');
    const sibling = await stack.api.post<Problem>(link(reject), {});
    expect(sibling.status).toBe(409);
    expect(sibling.body.code).toBe('link_used');
    expect((await stack.api.get<LinkView>(link(approve))).body.state).toBe('used');

    const owner = await capture.waitFor((m) => m.to.includes(rep.email) && m.subject === `Approved: ${quote.number} for Acme & Sons`);
    expect(owner.text).toContain('Comment: Fine for a renewal');
  });

  it('rejects through the reject link and tells the owner', async () => {
    const quote = await submitQuote('Expansion');
    const { reject } = linksOf(await requestMail(fin, quote.number));
    const used = await stack.api.post<{ outcome: string }>(link(reject), { comment: 'Too deep' });
    expect(used.body.outcome).toBe('rejected');
    expect((await approvals(quote.id)).status).toBe('rejected');
    const owner = await capture.waitFor((m) => m.to.includes(rep.email) && m.subject === `Rejected: ${quote.number} for Acme & Sons`);
    expect(owner.text).toContain('Comment: Too deep');
  });

  it('refuses a tampered link and changes nothing', async () => {
    const quote = await submitQuote('Tamper test');
    const { approve } = linksOf(await requestMail(fin, quote.number));
    for (const bad of [tamper(approve), `${approve.slice(0, -3)}xyz`, approve.split('.')[0], 'garbage']) {
      const viewed = await stack.api.get<Problem>(link(bad));
      expect([bad, viewed.status, viewed.body.code]).toEqual([bad, 400, 'link_invalid']);
      const posted = await stack.api.post<Problem>(link(bad), {});
      expect([bad, posted.status, posted.body.code]).toEqual([bad, 400, 'link_invalid']);
    }
    expect((await approvals(quote.id)).status).toBe('pending');
    expect((await stack.api.get<LinkView>(link(approve))).body.state).toBe('ready');
  });

  it('refuses an expired link (7 days by default) and changes nothing', async () => {
    const quote = await submitQuote('Expiry test');
    const { approve } = linksOf(await requestMail(fin, quote.number));
    expect((await stack.admin.request('PUT', '/api/test-clock', { now: new Date(Date.now() + 7 * 86_400_000 + 60_000).toISOString() })).status).toBe(200);
    try {
      const view = await stack.api.get<LinkView>(link(approve));
      expect(view.body.state).toBe('expired');
      const posted = await stack.api.post<Problem>(link(approve), {});
      expect(posted.status).toBe(410);
      expect(posted.body.code).toBe('link_expired');
    } finally {
      await stack.admin.request('PUT', '/api/test-clock', { now: new Date().toISOString() });
    }
    expect((await approvals(quote.id)).status).toBe('pending');
    expect((await stack.api.get<LinkView>(link(approve))).body.state).toBe('ready');
  });

  it('refuses the link of a reassigned request; the new assignee gets their own', async () => {
    const quote = await submitQuote('Reassign test');
    const { approve } = linksOf(await requestMail(fin, quote.number));
    const moved = await fin.client.post(`/api/approval-requests/${quote.requestId}/reassign`, { toId: fin2.id, comment: 'On leave' });
    expect(moved.status).toBe(200);
    const view = await stack.api.get<LinkView>(link(approve));
    expect(view.body.state).toBe('reassigned');
    const posted = await stack.api.post<Problem>(link(approve), {});
    expect(posted.status).toBe(409);
    expect(posted.body.code).toBe('link_reassigned');
    expect((await approvals(quote.id)).status).toBe('pending');

    const theirs = await capture.waitFor((m) => m.to.includes(fin2.email) && m.text.includes(quote.number));
    expect((await stack.api.post<{ outcome: string }>(link(linksOf(theirs).approve), {})).body.outcome).toBe('approved');
    expect((await approvals(quote.id)).status).toBe('approved');
  });

  it('tells the assignee when the quote is recalled; their link then changes nothing', async () => {
    const quote = await submitQuote('Recall test');
    const { approve } = linksOf(await requestMail(fin, quote.number));
    expect((await rep.client.post(`/api/quotes/${quote.id}/approvals/recall`, { comment: 'changes' })).status).toBe(200);
    await capture.waitFor((m) => m.to.includes(fin.email) && m.subject.startsWith(`Recalled: ${quote.number}`));
    const view = await stack.api.get<LinkView>(link(approve));
    expect(view.body).toMatchObject({ state: 'closed', message: expect.stringContaining('recalled') });
    const posted = await stack.api.post<Problem>(link(approve), {});
    expect(posted.status).toBe(409);
    expect(posted.body.code).toBe('request_closed');
    expect((await approvals(quote.id)).status).toBe('recalled');
  });

  it('keeps an in-app feed with an unread count and mark as read', async () => {
    const count = await fin.client.get<{ unread: number; latestAt: string }>('/api/notifications/unread-count');
    expect(count.body.unread).toBeGreaterThanOrEqual(6);
    const feed = await fin.client.get<{ items: { id: string; kind: string; title: string; link: string; readAt: string | null }[]; unread: number }>('/api/notifications?pageSize=50');
    expect(feed.body.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['request', 'recalled']));
    expect(feed.body.items[0].link).toMatch(/^\/quotes\//);
    const read = await fin.client.post<{ readAt: string }>(`/api/notifications/${feed.body.items[0].id}/read`);
    expect(read.body.readAt).toBeTruthy();
    expect((await fin.client.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(count.body.unread - 1);
    expect((await fin.client.post<{ marked: number }>('/api/notifications/read-all')).body.marked).toBe(count.body.unread - 1);
    expect((await fin.client.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await rep.client.get<{ items: { kind: string }[] }>('/api/notifications')).body.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['approved', 'rejected']));
    // Someone else's notification is not yours to read.
    expect((await rep.client.post<Problem>(`/api/notifications/${feed.body.items[0].id}/read`)).status).toBe(404);
  });

  it('posts to the rule’s chat webhook with the same one-tap links', async () => {
    const quote = await submitQuote('Chat test');
    const post = await eventually(async () => chatPosts.find((p) => p.text.includes(quote.number) && p.text.includes('Approval requested')));
    const actions = post.blocks.find((b) => b.type === 'actions');
    const approveButton = actions?.elements?.find((e) => e.text.text === 'Approve');
    expect(approveButton?.url.startsWith(`${PUBLIC_URL}/a/`)).toBe(true);
    const token = (approveButton?.url ?? '').slice(`${PUBLIC_URL}/a/`.length);
    expect((await stack.api.post<{ outcome: string }>(link(token), {})).body.outcome).toBe('approved');
    await eventually(async () => chatPosts.find((p) => p.text.includes(quote.number) && p.text.includes('Quote approved')));
  });
});

// `npm start` runs BullMQ on PostgreSQL, production on Redis: the timers must work on both.
describe.each(['redis', 'postgres'] as const)('reminders, escalation and digests on real BullMQ delayed jobs (%s) with a controllable clock', (engine) => {
  let stack: Stack;
  let capture: MailCapture;
  let rep: User, fin: User, boss: User, digestUser: User;
  let accountId: string;

  const setClock = async (iso: string) => {
    const response = await stack.admin.request('PUT', '/api/test-clock', { now: iso });
    if (response.status !== 200) throw new Error(`clock: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const timers = async (requestId: string) => (await stack.admin.get<{ kind: string; dueAt: string }[]>(`/api/notification-timers/${requestId}`)).body;

  async function submitQuote(name: string, discount: string): Promise<{ id: string; number: string; requestId: string }> {
    const created = await rep.client.post<{ id: string; number: string }>('/api/quotes', { name, accountId, startDate: today, lines: [{ sku: 'LIC', quantity: '1', discountPercent: discount }] });
    const submitted = await rep.client.post<Approvals>(`/api/quotes/${created.body.id}/approvals/submit`);
    const request = submitted.body.current?.requests.find((r) => r.status === 'open');
    if (!request) throw new Error(`no open request: ${JSON.stringify(submitted.body)}`);
    return { id: created.body.id, number: created.body.number, requestId: request.id };
  }

  beforeAll(async () => {
    capture = await startMailCapture();
    stack = await startStack(`timers${engine}`, { engine, connector: false, env: { SMTP_URL: capture.url, PUBLIC_URL, SIGNET_TEST_CLOCK: 'true' } });
    [rep, fin, boss, digestUser] = await Promise.all([
      userWithRoles(stack, ['sales']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
      userWithRoles(stack, ['approver']),
    ]);
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Globex' })).body.id;
    await stack.admin.post('/api/products', { sku: 'LIC', name: 'License', family: 'License', chargeType: 'one-time', listPrice: '1000.00' });
    const timed = await stack.admin.post<{ id: string }>('/api/approval-rules', {
      name: 'Timed',
      step: 1,
      approver: { type: 'user', userId: fin.id },
      conditionsMet: 'all',
      conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 20 }],
    });
    await stack.admin.post('/api/approval-rules', {
      name: 'Digest',
      step: 1,
      approver: { type: 'user', userId: digestUser.id },
      conditionsMet: 'all',
      conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'eq', value: 5 }],
    });
    const saved = await stack.admin.request('PUT', `/api/notification-settings/rules/${timed.body.id}`, { remindAfterBusinessHours: 2, escalateAfterBusinessHours: 4, escalateToUserId: boss.id });
    if (saved.status !== 200) throw new Error(`settings: ${JSON.stringify(saved.body)}`);
  });
  afterAll(async () => {
    await stack?.stop();
    await capture?.stop();
  });

  it('schedules in business hours, survives an API restart, reminds, then escalates to an added assignee', async () => {
    await setClock('2025-01-10T16:00:00.000Z'); // Friday, one business hour left in the day
    const quote = await submitQuote('Timed deal', '30');
    await capture.waitFor((m) => m.to.includes(fin.email) && m.subject.startsWith(`Approval needed: ${quote.number}`));
    const due = await eventually(async () => {
      const t = await timers(quote.requestId);
      return t.length === 2 ? t : undefined;
    });
    // Opened at Friday 16:00 (+ the few ms the clock ran on): 2 and 4 business hours land on Monday.
    const near = (iso: string) => expect.stringMatching(new RegExp(`^${iso.slice(0, 17)}0[0-4]`));
    expect(due).toEqual([
      { kind: 'reminder', dueAt: near('2025-01-13T10:00:00') },
      { kind: 'escalation', dueAt: near('2025-01-13T12:00:00') },
    ]);

    await stack.restartApi();
    expect(await timers(quote.requestId)).toHaveLength(2);

    // The restarted process has the real clock again; move it to just before Monday 10:00.
    await setClock('2025-01-13T09:59:58.000Z');
    const reminder = await capture.waitFor((m) => m.to.includes(fin.email) && m.text.includes('Reminder: this request has waited 2 business hours'), 20_000);
    expect(reminder.subject).toContain(quote.number);
    expect(await timers(quote.requestId)).toEqual([{ kind: 'escalation', dueAt: near('2025-01-13T12:00:00') }]);

    await setClock('2025-01-13T11:59:58.000Z');
    const escalation = await capture.waitFor((m) => m.to.includes(boss.email) && m.text.includes('Escalated to you'), 20_000);
    const history = (await stack.admin.get<Approvals>(`/api/quotes/${quote.id}/approvals`)).body;
    expect(history.history.map((h) => h.action)).toEqual(expect.arrayContaining(['remind', 'escalate']));
    const request = history.current?.requests.find((r) => r.id === quote.requestId);
    expect(request?.delegates.map((d) => d.delegate.id)).toContain(boss.id);
    expect(await timers(quote.requestId)).toEqual([]);

    const token = /Approve: \S+\/a\/(\S+)/.exec(escalation.text)?.[1] ?? '';
    expect((await stack.api.post<{ outcome: string }>(`/api/approval-links/${token}`, { comment: 'Escalated and approved' })).body.outcome).toBe('approved');
    expect((await stack.admin.get<Approvals>(`/api/quotes/${quote.id}/approvals`)).body.status).toBe('approved');
  });

  it('removes the timers when the request closes', async () => {
    await setClock('2025-01-14T10:00:00.000Z');
    const quote = await submitQuote('Closed early', '30');
    await eventually(async () => ((await timers(quote.requestId)).length === 2 ? true : undefined));
    expect((await fin.client.post(`/api/approval-requests/${quote.requestId}/approve`, { comment: 'quick' })).status).toBe(200);
    await eventually(async () => ((await timers(quote.requestId)).length === 0 ? true : undefined));
  });

  it('gathers a digest user’s requests into one email at the next slot, after quiet hours', async () => {
    const prefs = await digestUser.client.request('PUT', '/api/me/notification-preferences', { emailEnabled: true, mode: 'digest', digestEveryHours: 4, quietStart: '12:00', quietEnd: '13:00', timeZone: 'UTC' });
    expect(prefs.status).toBe(200);
    await setClock('2025-01-15T09:30:00.000Z'); // next 4-hour slot is 12:00, inside quiet hours → 13:00
    const a = await submitQuote('Digest A', '5');
    const b = await submitQuote('Digest B', '5');
    await eventually(async () => ((await digestUser.client.get<{ unread: number }>('/api/notifications/unread-count')).body.unread === 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500));
    expect(capture.messages().filter((m) => m.to.includes(digestUser.email))).toEqual([]);
    await setClock('2025-01-15T12:59:58.000Z');
    const digest = await capture.waitFor((m) => m.to.includes(digestUser.email), 20_000);
    expect(digest.subject).toBe('Signet digest: 2 approvals waiting for you');
    expect(digest.text).toContain(a.number);
    expect(digest.text).toContain(b.number);
    const token = /Approve: \S+\/a\/(\S+)/.exec(digest.text)?.[1] ?? '';
    expect((await stack.api.post<{ outcome: string }>(`/api/approval-links/${token}`, {})).status).toBe(200);
  });
});
