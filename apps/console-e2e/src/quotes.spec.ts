import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

const DEMO_PASSWORD = 'signet-demo';

describe('console: quote editor (issue 3 acceptance)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let quoteUrl = '';

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('console-quotes', { env: { SEED_DEMO: 'true', DEMO_PASSWORD, CONSOLE_DIR: consoleDir } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, stack.api.baseUrl, 'sales@demo.signet', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const previewNet = () => page.getByTestId('preview-net').innerText();
  const addProduct = async (sku: string) => {
    await page.getByTestId('product-search').fill(sku);
    await page.locator(`mat-option[data-sku="${sku}"]`).click();
    await page.locator(`tr[data-sku="${sku}"]`).last().waitFor();
  };
  const rowCount = (n: number) => page.waitForFunction((count) => document.querySelectorAll('tr[data-sku]').length === count, n, { timeout: 5000 });
  const row = (sku: string) => page.locator(`tr[data-sku="${sku}"]`).first();

  it('creates a quote for an account, adds 5 lines with the autocomplete (one a bundle) and sees totals update live', async () => {
    await page.goto(`${stack.api.baseUrl}/quotes`);
    await page.getByTestId('new-quote').click();
    await page.getByTestId('quote-name').fill('Initech expansion');
    await page.getByTestId('quote-account').click();
    await page.getByRole('option', { name: 'Initech' }).click();
    await page.getByTestId('quote-start').fill('2026-09-01');
    await page.getByTestId('quote-term').fill('12');
    await page.getByTestId('quote-save').click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    quoteUrl = page.url();
    await page.getByTestId('no-lines').waitFor();

    await addProduct('HW-X1');
    expect(await previewNet()).toBe('4800.00');
    await addProduct('SUB-SEAT');
    await addProduct('SVC-ONBOARD');
    await addProduct('BDL-STARTER');
    await addProduct('SUP-PREMIUM');
    expect(await page.locator('tr[data-sku]').count()).toBe(5);
    // 4800 + 1200 + 7500 + 0 + 2400
    expect(await previewNet()).toBe('15900.00');
    await row('SUB-SEAT').getByTestId('cell-quantity').fill('10');
    expect(await previewNet()).toBe('26700.00');
    await row('HW-X1').getByTestId('cell-discount').fill('150');
    expect(await row('HW-X1').locator('.cell-error').innerText()).toBe('From 0 to 100.');
    expect(await page.getByTestId('save-lines').isDisabled()).toBe(true);
    await screenshot(page, 'quotes-01-cell-validation');
    await row('HW-X1').getByTestId('cell-discount').fill('10');
    expect(await previewNet()).toBe('26220.00');
    await screenshot(page, 'quotes-02-live-totals');
  });

  it('stops navigation away while there are unsaved edits', async () => {
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.locator('[data-nav="Quotes"]').click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(quoteUrl);
    expect(await page.getByTestId('unsaved').isVisible()).toBe(true);
  });

  it('saves in one request, the server expands the bundle, and a reload shows the same quote', async () => {
    await page.getByTestId('save-lines').click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    await page.locator('tr.component').first().waitFor();
    // The bundle brings HW-X1, HW-RACK, 10 SUB-SEAT and SVC-ONBOARD: 4800 + 350 + 12000 + 7500.
    await page.getByTestId('net-total').filter({ hasText: '50,870.00' }).waitFor();
    expect(await page.locator('tr[data-sku]').count()).toBe(9);
    await screenshot(page, 'quotes-03-saved-with-bundle');

    await page.getByRole('button', { name: 'Collapse bundle BDL-STARTER' }).click();
    await rowCount(5);
    await screenshot(page, 'quotes-04-bundle-collapsed');
    await page.getByRole('button', { name: 'Expand bundle BDL-STARTER' }).click();
    await rowCount(9);

    await page.reload();
    await page.getByTestId('net-total').filter({ hasText: '50,870.00' }).waitFor();
    expect(await page.locator('tr[data-sku]').count()).toBe(9);
    expect(await row('SUB-SEAT').getByTestId('cell-quantity').inputValue()).toBe('10');
    expect(await row('HW-X1').getByTestId('cell-discount').inputValue()).toBe('10');
    expect(await page.getByTestId('preview-net').innerText()).toBe('50870.00');
    await screenshot(page, 'quotes-05-reloaded');
  });

  it('edits the header (currency from the account, a dated group, the orders split) and a line group and ship-to inline', async () => {
    expect(await page.getByTestId('quote-currency').innerText()).toBe('GBP');
    await page.getByTestId('edit-quote').click();
    await page.getByTestId('add-group').click();
    await page.getByTestId('group-name-0').fill('Phase 2');
    await page.getByTestId('group-start-0').fill('2027-01-01');
    await page.getByTestId('quote-order-by').click();
    await page.getByRole('option', { name: 'group', exact: true }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'quotes-06-header-editor');
    await page.getByTestId('quote-save').click();
    await page.getByTestId('groups').filter({ hasText: 'Phase 2 from 2027-01-01' }).waitFor();
    await row('SUP-PREMIUM').getByTestId('cell-group').fill('Phase 2');
    await row('SUP-PREMIUM').getByTestId('cell-group').press('Tab');
    await row('SUP-PREMIUM').getByTestId('cell-ship-to').selectOption({ label: 'Manchester' });
    await page.getByTestId('save-lines').click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    await page.getByTestId('group-section').filter({ hasText: 'Phase 2' }).waitFor();
    const id = quoteUrl.split('/').pop() as string;
    const saved = await stack.admin.get<{ orderBy: string[]; lines: { sku: string; startsOn: string; shipToLocationId: string | null }[] }>(`/api/quotes/${id}`);
    expect(saved.body.orderBy).toEqual(['group']);
    const premium = saved.body.lines.find((l) => l.sku === 'SUP-PREMIUM');
    expect(premium?.startsOn).toBe('2027-01-01');
    const locations = await stack.admin.get<{ id: string; name: string }[]>(`/api/accounts/${(await stack.admin.get<{ accountId: string }>(`/api/quotes/${id}`)).body.accountId}/locations`);
    expect(locations.body.find((l) => l.id === premium?.shipToLocationId)?.name).toBe('Manchester');
  });

  it('keeps edits and explains a conflict when someone else saved first', async () => {
    const id = quoteUrl.split('/').pop() as string;
    await row('SUB-SEAT').getByTestId('cell-quantity').fill('12');
    const current = await stack.admin.get<{ version: number }>(`/api/quotes/${id}`);
    await stack.admin.patch(`/api/quotes/${id}`, { name: 'Initech expansion (renamed)', version: current.body.version });
    await page.getByTestId('save-lines').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').innerText()).toContain('Someone else changed this quote');
    expect(await row('SUB-SEAT').getByTestId('cell-quantity').inputValue()).toBe('12');
    await screenshot(page, 'quotes-07-conflict');
  });

  it('seeded the richer demo data (timings from the database clock)', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: stack.db.url });
    await db.connect();
    try {
      const span = await db.query(
        `SELECT extract(epoch FROM (SELECT max(h.at) FROM quote_history h) - (SELECT min(created_at) FROM products)) * 1000 AS ms,
                (SELECT count(*) FROM product_components) AS components, (SELECT count(*) FROM account_locations) AS locations,
                (SELECT max(line_count) FROM quotes) AS biggest`,
      );
      const { ms, components, locations, biggest } = span.rows[0];
      console.log(`demo seed: products → last quote history row in ${Math.round(Number(ms))} ms; ${components} bundle components, ${locations} locations, biggest quote ${biggest} lines`);
      expect(Number(components)).toBeGreaterThanOrEqual(4);
      expect(Number(locations)).toBeGreaterThanOrEqual(11);
      expect(Number(biggest)).toBeGreaterThanOrEqual(2000);
    } finally {
      await db.end();
    }
  });

  it('opens the 2,100-line demo quote and pages its grid', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-nav="Quotes"]').click();
    await page.waitForURL(/\/quotes$/);
    await page.getByTestId('quote-search').fill('fleet refresh');
    await page.locator('[data-testid=quotes-table] tr', { hasText: 'fleet refresh' }).locator('a').first().click();
    await page.getByTestId('lines').waitFor();
    expect(await page.locator('tr[data-sku]').count()).toBe(100);
    expect(await page.getByTestId('group-section').first().innerText()).toBe('AMER North');
    await screenshot(page, 'quotes-08-large-quote');
  });
});
