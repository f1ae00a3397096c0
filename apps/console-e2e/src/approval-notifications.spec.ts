import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, freePort, REPO_ROOT, type Stack, startStack, userWithRoles } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

type User = Awaited<ReturnType<typeof userWithRoles>>;
interface Outbox {
  items: { id: string; subject: string; to: string[] }[];
}

const today = new Date().toISOString().slice(0, 10);

describe('console: approving from an email link on a phone, the feed, templates and captured mail', () => {
  let stack: Stack;
  let browser: Browser;
  let rep: User, approver: User;
  let quote: { id: string; number: string };

  /** The request email as captured by the API's in-process SMTP server, read through the admin outbox. */
  async function requestEmailText(): Promise<string> {
    const mail = await eventually(async () => {
      const outbox = await stack.admin.get<Outbox>(`/api/mail/outbox?search=${encodeURIComponent(approver.email)}`);
      return outbox.body.items.find((m) => m.subject.startsWith(`Approval needed: ${quote.number}`));
    });
    return (await stack.admin.get<{ text: string }>(`/api/mail/outbox/${mail.id}`)).body.text;
  }

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('notifyui', {
      connector: false,
      env: { CONSOLE_DIR: consoleDir, MAIL_CAPTURE: 'true', MAIL_CAPTURE_PORT: String(await freePort()), PUBLIC_URL: 'http://signet.example' },
    });
    [rep, approver] = await Promise.all([userWithRoles(stack, ['sales']), userWithRoles(stack, ['approver'])]);
    const accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Initech' })).body.id;
    await stack.admin.post('/api/products', { sku: 'LIC', name: 'License', family: 'License', chargeType: 'one-time', listPrice: '1200.00' });
    await stack.admin.post('/api/approval-rules', {
      name: 'Deep discount',
      step: 1,
      approver: { type: 'user', userId: approver.id },
      conditionsMet: 'all',
      conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', value: 20 }],
    });
    quote = (await rep.client.post<{ id: string; number: string }>('/api/quotes', { name: 'Initech renewal', accountId, startDate: today, lines: [{ sku: 'LIC', quantity: '25', discountPercent: '35' }] })).body;
    const submitted = await rep.client.post(`/api/quotes/${quote.id}/approvals/submit`);
    if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('opens the approve link on a 390×844 phone, adds a comment, approves and sees the confirmation', async () => {
    const text = await requestEmailText();
    const url = /Approve: (\S+)/.exec(text)?.[1] ?? '';
    expect(url.startsWith('http://signet.example/a/')).toBe(true);
    // The email points at PUBLIC_URL; the same path is served by this test's API.
    const local = url.replace('http://signet.example', stack.api.baseUrl);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(local);
    await page.getByTestId('link-confirm').waitFor();
    expect(await page.locator('h1').innerText()).toBe(`Approve ${quote.number}`);
    expect(await page.getByTestId('link-reasons').innerText()).toContain('discountPercent 35 > 20');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('link-comment').fill('Approved from my phone — fine for a renewal.');
    await screenshot(page, 'notify-01-approve-link-phone');

    await page.getByTestId('link-confirm').tap();
    await page.getByTestId('link-result').waitFor();
    expect(await page.getByTestId('link-result-title').innerText()).toBe('Approved');
    expect(await page.getByTestId('link-result').innerText()).toContain(`You approved ${quote.number}`);
    await screenshot(page, 'notify-02-approved-phone');

    const approvals = await stack.admin.get<{ status: string; history: { action: string; comment: string | null }[] }>(`/api/quotes/${quote.id}/approvals`);
    expect(approvals.body.status).toBe('approved');
    expect(approvals.body.history).toContainEqual(expect.objectContaining({ action: 'approve', comment: 'Approved from my phone — fine for a renewal.' }));

    await page.reload();
    await page.getByTestId('link-state').waitFor();
    expect(await page.getByTestId('link-state').getAttribute('data-state')).toBe('used');
    expect(await page.getByTestId('link-state').innerText()).toContain('already used');
    await screenshot(page, 'notify-03-link-used-phone');

    await page.goto(`${stack.api.baseUrl}/a/not-a-real-token`);
    await page.getByTestId('link-problem').waitFor();
    expect(await page.getByTestId('link-problem').innerText()).toContain('not valid');
    await phone.close();
  });

  it('shows the approver’s unread count and feed, and marks it read', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signIn(page, stack.api.baseUrl, approver.email, approver.password);
    await page.waitForURL('**/dashboard');
    await eventually(async () => ((await page.getByTestId('notification-bell').getAttribute('aria-label'))?.startsWith('1 unread') ? true : undefined));
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('feed').waitFor();
    expect(await page.getByTestId('feed').innerText()).toContain(`Approval needed: ${quote.number}`);
    await screenshot(page, 'notify-04-feed');
    await page.getByTestId('read-all').click();
    await eventually(async () => ((await page.getByTestId('read-all').isDisabled()) ? true : undefined));
    await page.getByTestId('notification-preferences').click();
    await page.getByTestId('preferences-form').waitFor();
    await page.getByText('A digest every few hours').click();
    await page.getByTestId('preferences-save').click();
    await page.getByText('Saved.').waitFor();
    expect((await approver.client.get<{ mode: string }>('/api/me/notification-preferences')).body.mode).toBe('digest');
    await screenshot(page, 'notify-05-preferences');
    await page.close();
  });

  it('lets an admin edit a template with a live preview that names the broken line, and read captured mail', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(page, stack.api.baseUrl, 'admin@e2e.signet', 'e2e-admin-password');
    await page.waitForURL('**/dashboard');
    await page.goto(`${stack.api.baseUrl}/admin/notifications`);
    await page.getByTestId('template-subject').waitFor();
    await page.getByTestId('template-preview').getByText('Preview with sample data').waitFor();
    await page.getByTestId('template-subject').fill('Please look at {{quote.number}} for {{account.nmae}}');
    await page.getByTestId('template-problems').waitFor();
    expect(await page.getByTestId('template-problems').innerText()).toContain("subject, line 1: unknown variable 'account.nmae'");
    await page.getByTestId('template-save').click();
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').innerText()).toContain("line 1: unknown variable 'account.nmae'");
    await screenshot(page, 'notify-06-template-refused');
    await page.getByTestId('template-subject').fill('Please look at {{quote.number}} for {{account.name}}');
    await eventually(async () => ((await page.getByTestId('template-problems').count()) === 0 ? true : undefined));
    await page.getByTestId('template-save').click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByTestId('template-source').innerText()).toContain('house default');
    await screenshot(page, 'notify-07-template-saved');

    await page.goto(`${stack.api.baseUrl}/integrations/mail`);
    await page.getByTestId('mail-list').waitFor();
    await page.getByTestId('mail-list').getByText(`Approval needed: ${quote.number}`).first().click();
    await page.getByTestId('mail-subject').waitFor();
    expect(await page.getByTestId('mail-subject').innerText()).toContain(quote.number);
    await screenshot(page, 'notify-08-captured-mail');
    await page.close();
  });
});
