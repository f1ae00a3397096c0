import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

const DEMO_PASSWORD = 'signet-demo';

describe('console: sign in, dashboard, users, integrations', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('console', { env: { SEED_DEMO: 'true', DEMO_PASSWORD, CONSOLE_DIR: consoleDir } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('refuses a wrong password with a clear message', async () => {
    await signIn(page, stack.api.baseUrl, 'admin@demo.signet', 'wrong-password');
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').innerText()).toContain('The email or password is wrong');
    await screenshot(page, '01-login-refused');
  });

  it('signs in as the demo admin and shows the dashboard with live figures', async () => {
    await signIn(page, stack.api.baseUrl, 'admin@demo.signet', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('active-users').waitFor();
    const dashboard = await stack.admin.get<{ activeUsers: number }>('/api/dashboard');
    expect(await page.getByTestId('active-users').innerText()).toBe(String(dashboard.body.activeUsers));
    expect(await page.getByTestId('queue-engine').innerText()).toBe('Redis');
    expect(await page.getByTestId('current-user').innerText()).toContain('Ada Admin');
    await screenshot(page, '02-dashboard');
  });

  it('creates a user from the Admin area, who then appears in the list', async () => {
    await page.locator('[data-nav="Admin"]').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('new-user').click();
    await page.getByTestId('user-save').click();
    expect(await page.locator('mat-error').allInnerTexts()).toEqual(
      expect.arrayContaining(['Email is required.', 'Display name is required.', 'Pick at least one role.', 'A password is required.']),
    );
    await page.getByTestId('user-email').fill('casey.closer@example.com');
    await page.getByTestId('user-name').fill('Casey Closer');
    await page.getByTestId('user-roles').click();
    await page.getByRole('option', { name: /^Sales/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-password').fill('a-strong-password');
    await screenshot(page, '03-new-user-form');
    await page.getByTestId('user-save').click();
    await page.getByText('Created casey.closer@example.com').waitFor();
    await page.getByRole('cell', { name: 'casey.closer@example.com', exact: true }).waitFor();
    await screenshot(page, '04-user-created');
    const users = await stack.admin.get<{ items: { email: string; roles: string[] }[] }>('/api/users?search=casey');
    expect(users.body.items).toEqual([expect.objectContaining({ email: 'casey.closer@example.com', roles: ['sales'] })]);
  });

  it('sends a test event to the webhook connector and shows it succeeded in the sync ledger', async () => {
    await page.locator('[data-nav="Integrations"]').click();
    await page.getByTestId('ping-webhook').click();
    await page.getByTestId('ledger').getByText('succeeded').first().waitFor({ timeout: 20_000 });
    await screenshot(page, '05-integrations');
  });
});
