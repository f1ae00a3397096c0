import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

interface Account { id: string; version: number }
interface LedgerPage { items: { status: string; errorCode: string | null; erpId: string | null }[] }

const today = new Date().toISOString().slice(0, 10);

/**
 * The SAP connector refuses an order whose account has no SAP customer id (an unrecoverable
 * `missing_erp_id`, so a dead letter at once); the admin fixes the id and re-drives it from the console.
 */
describe('console: dead letter → fix the account ERP id → re-drive → synced', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let accountId: string;
  let order: { id: string; number: string };

  const ledgerOf = async () => (await stack.admin.get<LedgerPage>(`/api/sync/ledger?objectType=order&objectId=${order.id}&connector=sap`)).body.items[0];

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    if (!existsSync(join(REPO_ROOT, 'dist/apps/connector-sap/main.js'))) throw new Error('Build the SAP connector first: npx nx build connector-sap');
    stack = await startStack('console_integrations', { connectors: ['sap'], env: { CONSOLE_DIR: consoleDir, SYNC_RELAY_POLL_MS: '500' } });
    const admin = stack.admin;
    accountId = (await admin.post<Account>('/api/accounts', { name: 'Initech', accountNumber: 'INI-1' })).body.id;
    expect((await admin.post('/api/products', { sku: 'HW-100', name: 'Gateway', chargeType: 'one-time', listPrice: '900.00' })).status).toBe(201);
    const quote = await admin.post<{ id: string }>('/api/quotes', { name: 'Initech gateways', accountId, startDate: today, lines: [{ sku: 'HW-100', quantity: '3' }] });
    expect(quote.status).toBe(201);
    expect((await admin.post(`/api/quotes/${quote.body.id}/approvals/submit`, {})).status).toBe(200);
    const plan = await admin.post<{ orders: { id: string; number: string }[] }>(`/api/quotes/${quote.body.id}/orders`, { by: [] });
    expect(plan.status).toBe(200);
    order = plan.body.orders[0];
    expect((await admin.post(`/api/orders/${order.id}/activate`, {})).status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the dead letter with its payload and normalised error, and the degraded connector', async () => {
    await eventually(async () => ((await ledgerOf())?.status === 'failed' ? true : undefined), 30_000);
    await signIn(page, stack.api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/dashboard');
    await page.goto(`${stack.api.baseUrl}/integrations`);
    const deadLetter = page.locator(`[data-testid="dead-letters"] li[data-object="${order.number}"]`);
    await deadLetter.waitFor();
    expect(await deadLetter.getByTestId('dead-error').innerText()).toContain('missing_erp_id');
    expect(await page.getByTestId('health-sap').innerText()).toBe('degraded');
    await deadLetter.getByTestId(`payload-${order.number}`).click();
    const payload = await deadLetter.getByTestId('payload-json').innerText();
    expect(payload).toContain(order.number);
    expect(payload).toContain('"externalIds": {}');
    await screenshot(page, 'integrations-01-dead-letter');
  });

  it('re-drives after the ERP id is fixed, asking for a reason, and the order is synced', async () => {
    // The admin fixes the account on its page: the SAP customer id (sold-to party).
    await page.goto(`${stack.api.baseUrl}/catalogue/accounts/${accountId}`);
    await page.getByTestId('erp-sap').fill('17100001');
    await page.getByTestId('account-details-save').click();
    await page.getByText('Saved Initech').waitFor();
    await screenshot(page, 'integrations-02-account-erp-id');
    expect((await stack.admin.get<Account & { externalIds: Record<string, string> }>(`/api/accounts/${accountId}`)).body.externalIds).toEqual({ sap: '17100001' });

    await page.goto(`${stack.api.baseUrl}/integrations`);
    const deadLetter = page.locator(`[data-testid="dead-letters"] li[data-object="${order.number}"]`);
    await deadLetter.waitFor();
    await deadLetter.getByTestId(`select-${order.number}`).locator('input').check();
    await page.getByTestId('redrive-selected').click();
    await page.getByTestId('redrive-confirm').click();
    await page.getByText('A reason is required.').waitFor();
    await screenshot(page, 'integrations-03-redrive-reason-required');
    await page.getByTestId('redrive-reason').fill('SAP customer id 17100001 added to Initech');
    await page.getByTestId('redrive-confirm').click();
    await page.getByTestId('redrive-message').waitFor();
    await deadLetter.waitFor({ state: 'detached' });

    await page.getByTestId('ledger-number').fill(order.number);
    const row = page.locator(`[data-testid="ledger"] tr[data-object="${order.number}"]`);
    await eventually(async () => ((await row.getByTestId('ledger-status-cell').innerText().catch(() => '')).trim() === 'succeeded' ? true : undefined), 30_000, 500);
    expect(await row.innerText()).toContain('1 re-drive(s)');
    await eventually(async () => ((await page.getByTestId('health-sap').innerText()).trim() === 'ok' ? true : undefined), 15_000, 500);
    await screenshot(page, 'integrations-04-synced');

    const synced = await ledgerOf();
    expect(synced).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(synced.erpId).toBeTruthy();

    await page.goto(`${stack.api.baseUrl}/orders/${order.id}`);
    const panel = page.locator('[data-testid="erp-sync"] tr[data-connector="sap"]');
    await panel.waitFor();
    expect((await panel.getByTestId('erp-sync-status').innerText()).trim()).toBe('succeeded');
    expect(await panel.innerText()).toContain(synced.erpId as string);
    await screenshot(page, 'integrations-05-order-erp-sync');
  });
});
