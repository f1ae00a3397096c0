import { startMailCapture, type MailCapture } from '@signet/mail-capture';
import { freePort, type Stack, startStack, type TestClient, userWithRoles } from '@signet/testing';

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

describe('mail: capture in the API for development, real SMTP to anywhere else', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('mailcap', { connector: false, env: { MAIL_CAPTURE: 'true', MAIL_CAPTURE_PORT: String(await freePort()) } });
  });
  afterAll(() => stack?.stop());

  it('sends a test email over SMTP into the in-process capture, shown in the outbox', async () => {
    const status = await stack.admin.get('/api/mail/status');
    expect(status.body).toMatchObject({ enabled: true, capturing: true, transport: expect.stringMatching(/^in-process capture at smtp:\/\/127\.0\.0\.1:\d+$/) });
    const sent = await stack.admin.post('/api/mail/test', { to: 'someone@example.com' });
    expect(sent.status).toBe(202);
    const outbox = await stack.admin.get<{ items: { id: string; subject: string; to: string[] }[]; total: number }>('/api/mail/outbox?search=someone');
    expect(outbox.body.total).toBe(1);
    expect(outbox.body.items[0]).toMatchObject({ subject: 'Signet test email', to: ['someone@example.com'] });
    const one = await stack.admin.get<{ text: string; html: string; messageId: string }>(`/api/mail/outbox/${outbox.body.items[0].id}`);
    expect(one.body.text).toContain('Email works.');
    expect(one.body.html).toContain('<p>Email works.</p>');
    expect(one.body.messageId).toBe((sent.body as { messageId: string }).messageId);
  });

  it('refuses an invalid address, unknown ids and non-admins', async () => {
    const bad = await stack.admin.post<Problem>('/api/mail/test', { to: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].field).toBe('to');
    expect((await stack.admin.get('/api/mail/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const sales = (await userWithRoles(stack, ['sales'])).client;
    expect((await sales.get('/api/mail/outbox')).status).toBe(403);
  });

  it('clears the outbox', async () => {
    expect((await stack.admin.delete('/api/mail/outbox')).status).toBe(204);
    expect((await stack.admin.get<{ total: number }>('/api/mail/outbox')).body.total).toBe(0);
  });
});

describe('notification settings', () => {
  let stack: Stack;
  let capture: MailCapture;
  let approver: TestClient;

  beforeAll(async () => {
    capture = await startMailCapture();
    stack = await startStack('notifset', { connector: false, env: { SMTP_URL: capture.url, MAIL_FROM: 'Signet Test <signet@e2e.example>' } });
    approver = (await userWithRoles(stack, ['approver'])).client;
  });
  afterAll(async () => {
    await stack?.stop();
    await capture?.stop();
  });

  describe('mail to an external SMTP server', () => {
    it('goes to SMTP_URL; there is no outbox in the API', async () => {
      const status = await stack.admin.get('/api/mail/status');
      expect(status.body).toMatchObject({ enabled: true, capturing: false, from: 'Signet Test <signet@e2e.example>' });
      expect((await stack.admin.post('/api/mail/test', { to: 'ops@example.com' })).status).toBe(202);
      const mail = await capture.waitFor((m) => m.to.includes('ops@example.com'));
      expect(mail).toMatchObject({ subject: 'Signet test email', from: 'signet@e2e.example' });
      const outbox = await stack.admin.get<Problem>('/api/mail/outbox');
      expect(outbox.status).toBe(409);
      expect(outbox.body.code).toBe('mail_capture_off');
    });
  });

  describe('templates', () => {
    const valid = { subject: 'Needs you: {{quote.number}}', html: '<h1>{{quote.number}}</h1>\n<a href="{{links.approve}}">Approve</a>', text: 'Approve: {{links.approve}}' };

    it('lists built-in defaults for every event', async () => {
      const list = await stack.admin.get<{ event: string; source: string; version: number | null }[]>('/api/notification-templates');
      expect(list.body.map((t) => [t.event, t.source, t.version])).toEqual([
        ['request', 'built-in', null],
        ['approved', 'built-in', null],
        ['rejected', 'built-in', null],
        ['recalled', 'built-in', null],
      ]);
    });

    it('refuses a broken template at save with the part and the line that is wrong', async () => {
      const response = await stack.admin.request<Problem>('PUT', '/api/notification-templates/request', {
        ...valid,
        html: '<h1>{{quote.number}}</h1>\n<p>{{account.nmae}}</p>\n{{#if notice}}open',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'html', message: expect.stringMatching(/^line \d+: syntax error/) }]);
      const unknown = await stack.admin.request<Problem>('PUT', '/api/notification-templates/request', { ...valid, text: 'ok\n\n{{account.nmae}}' });
      expect(unknown.body.errors).toEqual([{ field: 'text', message: "line 3: unknown variable 'account.nmae' (known here: name)" }]);
    });

    it('saves a house template, a rule template on top, with versions, and resets them', async () => {
      const house = await stack.admin.request<{ source: string; version: number }>('PUT', '/api/notification-templates/request', valid);
      expect(house.status).toBe(200);
      expect(house.body).toMatchObject({ source: 'house', version: 1 });
      const stale = await stack.admin.request<Problem>('PUT', '/api/notification-templates/request', { ...valid, subject: 'x {{quote.number}}' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const ruleId = '11111111-1111-4111-8111-111111111111';
      const inherited = await stack.admin.get<{ source: string; subject: string }>(`/api/notification-templates/request?ruleId=${ruleId}`);
      expect(inherited.body).toMatchObject({ source: 'house', subject: valid.subject });
      const own = await stack.admin.request<{ source: string }>('PUT', `/api/notification-templates/request?ruleId=${ruleId}`, { ...valid, subject: 'Rule: {{quote.number}}' });
      expect(own.body.source).toBe('rule');
      expect((await stack.admin.delete<{ source: string }>(`/api/notification-templates/request?ruleId=${ruleId}`)).body.source).toBe('house');
      expect((await stack.admin.delete<{ source: string }>('/api/notification-templates/request')).body.source).toBe('built-in');
      expect((await stack.admin.delete('/api/notification-templates/request')).status).toBe(404);
      expect((await stack.admin.get('/api/notification-templates/unknown')).status).toBe(400);
    });

    it('previews with sample data, or lists the problems', async () => {
      const ok = await stack.admin.post<{ valid: boolean; subject: string; html: string }>('/api/notification-templates/preview', { event: 'request', ...valid });
      expect(ok.body).toMatchObject({ valid: true, subject: 'Needs you: Q-00042' });
      expect(ok.body.html).toContain('/a/sample-approve-token');
      const broken = await stack.admin.post<{ valid: boolean; problems: unknown[] }>('/api/notification-templates/preview', { event: 'request', ...valid, subject: '{{nope}}' });
      expect(broken.body).toMatchObject({ valid: false, problems: [{ part: 'subject', line: 1, message: expect.stringContaining("unknown variable 'nope'") }] });
    });
  });

  describe('business calendar', () => {
    it('starts Monday–Friday 09:00–17:00 UTC and validates changes by field', async () => {
      const calendar = await approver.get<{ version: number }>('/api/notification-settings/calendar');
      expect(calendar.body).toMatchObject({ timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', holidays: [] });
      const bad = await stack.admin.request<Problem>('PUT', '/api/notification-settings/calendar', {
        timeZone: 'Mars/Base',
        workingDays: [1, 2],
        start: '18:00',
        end: '08:00',
        holidays: ['2026-02-30'],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['end', 'holidays[0]', 'timeZone']);
      const saved = await stack.admin.request<{ version: number; holidays: string[] }>('PUT', '/api/notification-settings/calendar', {
        timeZone: 'Europe/Berlin',
        workingDays: [5, 1, 2, 3, 4],
        start: '08:30',
        end: '17:30',
        holidays: ['2026-12-25', '2026-12-24', '2026-12-25'],
        version: calendar.body.version,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-24', '2026-12-25'], version: calendar.body.version + 1 });
      const edit: Record<string, unknown> = { ...saved.body };
      delete edit['updatedAt'];
      const stale = await stack.admin.request<Problem>('PUT', '/api/notification-settings/calendar', { ...edit, version: calendar.body.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await approver.request('PUT', '/api/notification-settings/calendar', edit)).status).toBe(403);
    });
  });

  describe('delivery preferences', () => {
    it('defaults to immediate email and keeps each user’s own choice', async () => {
      const mine = await approver.get('/api/me/notification-preferences');
      expect(mine.body).toEqual({ emailEnabled: true, mode: 'immediate', digestEveryHours: 4, quietStart: null, quietEnd: null, timeZone: 'UTC', version: 0 });
      const saved = await approver.request('PUT', '/api/me/notification-preferences', {
        emailEnabled: true,
        mode: 'digest',
        digestEveryHours: 6,
        quietStart: '22:00',
        quietEnd: '07:00',
        timeZone: 'Europe/Berlin',
        version: 0,
      });
      expect(saved.body).toMatchObject({ mode: 'digest', digestEveryHours: 6, quietStart: '22:00', version: 1 });
      expect((await stack.admin.get('/api/me/notification-preferences')).body).toMatchObject({ mode: 'immediate', version: 0 });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['quiet start without end', { quietStart: '22:00', quietEnd: null }, 'quietEnd'],
      ['equal quiet start and end', { quietStart: '22:00', quietEnd: '22:00' }, 'quietEnd'],
      ['digest every 0 hours', { digestEveryHours: 0 }, 'digestEveryHours'],
      ['unknown zone', { timeZone: 'Atlantis/Central' }, 'timeZone'],
      ['unknown mode', { mode: 'weekly' }, 'mode'],
    ])('refuses %s', async (_name, change, field) => {
      const response = await approver.request<Problem>('PUT', '/api/me/notification-preferences', {
        emailEnabled: true,
        mode: 'immediate',
        digestEveryHours: 4,
        timeZone: 'UTC',
        ...change,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    });
  });

  describe('feed', () => {
    it('starts empty with nothing unread; unknown ids are 404', async () => {
      expect((await approver.get('/api/notifications')).body).toEqual({ items: [], total: 0, unread: 0 });
      expect((await approver.get('/api/notifications/unread-count')).body).toEqual({ unread: 0, latestAt: null });
      expect((await approver.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).status).toBe(404);
      expect((await approver.post('/api/notifications/read-all')).body).toEqual({ marked: 0 });
    });
  });

  it('has no test clock unless asked for', async () => {
    expect((await stack.admin.get('/api/test-clock')).status).toBe(404);
  });
});
