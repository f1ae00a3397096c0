import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

const PASSWORD = 'correct-horse-battery';
const today = new Date().toISOString().slice(0, 10);

interface Approvals {
  status: string;
  current: { requests: { ruleName: string; status: string; decisions: { by: { displayName: string } }[] }[] } | null;
}

describe('console: approvals journeys', () => {
  let stack: Stack;
  let browser: Browser;
  const ids: Record<string, string> = {};
  let quoteId = '';

  async function user(displayName: string, email: string, roles: string[]): Promise<void> {
    const created = await stack.admin.post<{ id: string }>('/api/users', { email, displayName, password: PASSWORD, roles });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    ids[email] = created.body.id;
  }

  async function signedIn(email: string, viewport = { width: 1360, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1 });
    const page = await context.newPage();
    await signIn(page, stack.api.baseUrl, email, PASSWORD);
    await page.waitForURL('**/dashboard');
    return page;
  }

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('approvalsui', { connector: false, env: { CONSOLE_DIR: consoleDir } });
    browser = await launchBrowser();
    await user('Ada Admin', 'ada@approvals.test', ['admin']);
    await user('Fay Finance', 'fay@approvals.test', ['approver']);
    await user('Max Manager', 'max@approvals.test', ['approver']);
    await user('Rita Rep', 'rita@approvals.test', ['sales']);
    const account = await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Globex' });
    await stack.admin.post('/api/products', { sku: 'LIC', name: 'License', family: 'License', chargeType: 'one-time', listPrice: '1000.00' });
    const rita = await stack.api.login('rita@approvals.test', PASSWORD);
    const quote = await rita.post<{ id: string }>('/api/quotes', { name: 'Globex rollout', accountId: account.body.id, startDate: today, lines: [{ sku: 'LIC', quantity: '2', discountPercent: '10' }] });
    quoteId = quote.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an admin builds a two-level rule set in the editor and sees the levels diagram', async () => {
    const page = await signedIn('ada@approvals.test');
    await page.goto(`${stack.api.baseUrl}/approvals/rules`);
    await page.getByText('No active rules').waitFor();

    await page.getByTestId('new-rule').click();
    await page.getByTestId('rule-name').fill('Deep discount');
    await page.getByTestId('rule-chain').fill('Finance');
    await page.getByTestId('approver-user').click();
    await page.getByRole('option', { name: /Fay Finance/ }).click();
    // Live validation of custom logic, with the position of the error.
    await page.getByTestId('conditions-met').click();
    await page.getByRole('option', { name: 'Custom logic' }).click();
    await page.getByTestId('rule-logic').fill('1 AND');
    await page.getByTestId('logic-error').waitFor();
    expect(await page.getByTestId('logic-error').innerText()).toContain('expected a condition index');
    await screenshot(page, 'approvals-01-rule-editor-logic-error');
    await page.getByTestId('rule-logic').fill('1 AND NOT (1 AND 1)');
    await page.getByTestId('logic-ok').waitFor();
    await page.getByTestId('rule-logic').fill('1');
    await page.getByTestId('logic-ok').waitFor();
    await page.getByTestId('save-rule').click();
    await page.waitForURL('**/approvals/rules');

    await page.getByTestId('new-rule').click();
    await page.getByTestId('rule-name').fill('Big deal');
    await page.getByTestId('rule-step').fill('2');
    await page.getByTestId('approver-user').click();
    await page.getByRole('option', { name: /Max Manager/ }).click();
    await page.locator('[data-condition="1"] [data-testid=cond-tested]').selectOption('quote.netTotal');
    await page.locator('[data-condition="1"] [data-testid=cond-value]').fill('5000');
    await screenshot(page, 'approvals-02-rule-editor');
    await page.getByTestId('save-rule').click();
    await page.waitForURL('**/approvals/rules');

    const diagram = page.getByTestId('levels-diagram');
    await diagram.waitFor();
    expect(await diagram.locator('[data-step]').count()).toBe(2);
    expect(await diagram.locator('[data-step="1"] [data-rule]').allInnerTexts()).toEqual([expect.stringContaining('Deep discount')]);
    expect(await diagram.locator('[data-step="2"] [data-rule]').allInnerTexts()).toEqual([expect.stringContaining('Big deal')]);
    expect(await diagram.locator('[data-step="1"]').innerText()).toContain('Fay Finance');
    await screenshot(page, 'approvals-03-levels-diagram');
    const rules = await stack.admin.get<{ items: { name: string; step: number }[] }>('/api/approval-rules');
    expect(rules.body.items.map((r) => [r.name, r.step])).toEqual([
      ['Deep discount', 1],
      ['Big deal', 2],
    ]);
    await page.context().close();
  });

  it('a rep edits a quote, watches the required approvals change, then submits', async () => {
    const page = await signedIn('rita@approvals.test');
    await page.goto(`${stack.api.baseUrl}/quotes/${quoteId}`);
    await page.getByTestId('no-approvals').waitFor();
    await screenshot(page, 'approvals-04-quote-no-approval');

    await page.getByRole('button', { name: 'Edit line 1' }).click();
    await page.getByTestId('line-discount').fill('30');
    await page.getByTestId('line-save').click();
    const required = page.getByTestId('required-approvals');
    await required.locator('[data-rule="Deep discount"]').waitFor();
    expect(await required.locator('[data-rule="Deep discount"]').innerText()).toContain('discountPercent 30 > 20');
    expect(await required.locator('[data-rule="Deep discount"] [data-testid=avoidance]').innerText()).toContain('lower discountPercent by 10 to 20');
    expect(await required.locator('[data-rule="Big deal"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Edit line 1' }).click();
    await page.getByTestId('line-quantity').fill('10');
    await page.getByTestId('line-save').click();
    await required.locator('[data-rule="Big deal"]').waitFor();
    expect(await required.locator('[data-step="2"]').innerText()).toContain('Max Manager');
    await screenshot(page, 'approvals-05-quote-approvals-required');

    await page.getByTestId('approval-comment').fill('Rollout for 10 sites');
    await page.getByTestId('submit-approval').click();
    await page.getByTestId('submission-requests').waitFor();
    await page.locator('[data-testid=status]', { hasText: 'pending' }).first().waitFor();
    expect(await page.getByTestId('approval-timeline').innerText()).toContain('Rollout for 10 sites');
    await screenshot(page, 'approvals-06-quote-submitted');
    const approvals = await stack.admin.get<Approvals>(`/api/quotes/${quoteId}/approvals`);
    expect(approvals.body.status).toBe('pending');
    expect(approvals.body.current?.requests.map((r) => [r.ruleName, r.status])).toEqual([
      ['Deep discount', 'open'],
      ['Big deal', 'waiting'],
    ]);
    await page.context().close();
  });

  it('an approver approves from the inbox on a phone-sized screen in two taps', async () => {
    const page = await signedIn('fay@approvals.test', { width: 390, height: 844 });
    await page.getByTestId('menu').click();
    await page.locator('[data-nav="Approvals"]').click();
    const card = page.locator('[data-request$="Deep discount"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('discountPercent 30 > 20');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'approvals-07-inbox-phone');
    await card.getByTestId('approve').click();
    await card.getByTestId('confirm-decision').click();
    await page.getByTestId('inbox-empty').waitFor();
    await screenshot(page, 'approvals-08-inbox-phone-done');
    const approvals = await stack.admin.get<Approvals>(`/api/quotes/${quoteId}/approvals`);
    const deep = approvals.body.current?.requests.find((r) => r.ruleName === 'Deep discount');
    expect(deep).toMatchObject({ status: 'approved', decisions: [{ by: { displayName: 'Fay Finance' } }] });
    expect(approvals.body.current?.requests.find((r) => r.ruleName === 'Big deal')?.status).toBe('open');
    await page.context().close();
  });
  it('an admin edits and deletes a variable', async () => {
    await stack.admin.post('/api/approval-variables', { name: 'hwNet', function: 'sum', field: 'netTotal', where: [{ field: 'family', op: 'eq', value: 'Hardware' }] });
    const page = await signedIn('ada@approvals.test');
    await page.goto(`${stack.api.baseUrl}/approvals/rules`);
    await page.getByTestId('edit-variable-hwNet').click();
    await page.getByTestId('variable-name').fill('hardwareNet');
    await page.getByTestId('variable-save').click();
    await page.getByTestId('edit-variable-hardwareNet').waitFor();
    const variables = await stack.admin.get<{ items: { name: string; where: { value: unknown }[] }[] }>('/api/approval-variables');
    expect(variables.body.items.find((v) => v.name === 'hardwareNet')?.where).toEqual([{ field: 'family', op: 'eq', value: 'Hardware' }]);
    await screenshot(page, 'approvals-09-variable-edited');
    await page.getByTestId('delete-variable-hardwareNet').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('edit-variable-hardwareNet').waitFor({ state: 'detached' });
    expect((await stack.admin.get<{ items: { name: string }[] }>('/api/approval-variables')).body.items.map((v) => v.name)).not.toContain('hardwareNet');
    await page.context().close();
  });

  it('an admin renames an approver group', async () => {
    const created = await stack.admin.post('/api/groups', { name: 'Deal desk', memberIds: [ids['max@approvals.test']] });
    expect(created.status).toBe(201);
    const page = await signedIn('ada@approvals.test');
    await page.goto(`${stack.api.baseUrl}/approvals/groups`);
    const card = page.locator('[data-group="Deal desk"]');
    await card.waitFor();
    await card.getByTestId('rename-group').click();
    await card.getByTestId('rename-input').fill('Deal desk (EMEA)');
    await card.getByTestId('rename-save').click();
    await page.locator('[data-group="Deal desk (EMEA)"]').waitFor();
    await screenshot(page, 'approvals-10-group-renamed');
    const groups = await stack.admin.get<{ items: { name: string; members: { displayName: string }[] }[] }>('/api/groups');
    expect(groups.body.items.find((g) => g.name === 'Deal desk (EMEA)')?.members.map((m) => m.displayName)).toEqual(['Max Manager']);
    await page.context().close();
  });
});
