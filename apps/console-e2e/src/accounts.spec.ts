import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

interface Account {
  id: string;
  externalIds: Record<string, string>;
  locations: { name: string; city: string | null; country: string | null }[];
}

describe('console: account detail with ERP ids and ship-to locations; bundles in the catalogue', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('console-accounts', { connector: false, env: { CONSOLE_DIR: consoleDir } });
    accountId = (await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Globex Industries', accountNumber: 'C-77', country: 'DE' })).body.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(page, stack.api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/dashboard');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('opens an account, adds a ship-to location, sets the SAP id, saves, reloads and sees both', async () => {
    await page.goto(`${stack.api.baseUrl}/catalogue/accounts`);
    await page.getByTestId('account-link-Globex Industries').click();
    await page.waitForURL(`**/catalogue/accounts/${accountId}`);
    await page.getByTestId('account-title').waitFor();
    expect(await page.getByTestId('account-360-link').getAttribute('href')).toBe(`/account-360/${accountId}`);

    // A wrong SAP id is caught with a message and nothing is sent.
    await page.getByTestId('erp-sap').fill('NOT-A-SAP-ID');
    await page.getByTestId('account-details-save').click();
    expect(await page.locator('mat-error').allInnerTexts()).toContain('Up to 10 letters or digits.');
    expect((await stack.admin.get<Account>(`/api/accounts/${accountId}`)).body.externalIds).toEqual({});

    await page.getByTestId('erp-sap').fill('17100001');
    await page.getByTestId('account-details-save').click();
    await page.getByText('Saved Globex Industries').waitFor();

    await page.getByTestId('add-location').click();
    await page.getByTestId('location-save').click();
    expect(await page.locator('mat-error').allInnerTexts()).toContain('A name is required.');
    await page.getByTestId('location-name').fill('Hamburg warehouse');
    await page.getByTestId('location-street').fill('Am Hafen 1');
    await page.getByTestId('location-postal-code').fill('20457');
    await page.getByTestId('location-city').fill('Hamburg');
    await page.getByTestId('location-country').fill('DE');
    await page.getByTestId('location-save').click();
    await page.getByTestId('locations-table').getByText('Hamburg warehouse').waitFor();

    await page.reload();
    await page.getByTestId('locations-table').waitFor();
    expect(await page.getByTestId('erp-sap').inputValue()).toBe('17100001');
    expect(await page.getByTestId('locations-table').innerText()).toContain('Am Hafen 1, 20457 Hamburg');
    await screenshot(page, 'accounts-01-detail-with-location-and-sap-id');

    const stored = (await stack.admin.get<Account>(`/api/accounts/${accountId}`)).body;
    expect(stored.externalIds).toEqual({ sap: '17100001' });
    expect(stored.locations).toMatchObject([{ name: 'Hamburg warehouse', city: 'Hamburg', country: 'DE' }]);

    await page.goto(`${stack.api.baseUrl}/catalogue/accounts`);
    await page.getByTestId('accounts-table').waitFor();
    expect(await page.getByTestId('accounts-table').innerText()).toContain('SAP 17100001');
  });

  it('makes a product a bundle with the components editor and marks it in the list', async () => {
    for (const sku of ['DOCK', 'CABLE']) {
      await stack.admin.post('/api/products', { sku, name: `${sku} part`, chargeType: 'one-time', listPrice: '10' });
    }
    await stack.admin.post('/api/products', { sku: 'STARTER', name: 'Starter kit', chargeType: 'one-time', listPrice: '99' });
    await page.goto(`${stack.api.baseUrl}/catalogue/products`);
    await page.getByTestId('products-table').waitFor();
    await page.getByRole('button', { name: 'Edit STARTER' }).click();
    await page.getByTestId('component-search').fill('DOCK');
    await page.getByRole('option', { name: /DOCK/ }).click();
    await page.getByTestId('component-search').fill('CAB');
    await page.getByRole('option', { name: /CABLE/ }).click();
    await page.getByRole('textbox', { name: 'Quantity of CABLE' }).fill('2');
    await screenshot(page, 'accounts-02-bundle-editor');
    await page.getByTestId('product-save').click();
    await page.getByTestId('bundle-badge').waitFor();
    expect(await page.getByTestId('bundle-badge').innerText()).toBe('Bundle · 2');
    await page.getByTestId('bundles-only').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="products-table"] tr.mat-mdc-row').length === 1);
    await screenshot(page, 'accounts-03-bundles-only');
    const product = (await stack.admin.get<{ items: { components: { sku: string; quantity: string }[] }[] }>('/api/products?bundle=true')).body.items[0];
    expect(product.components.map((c) => [c.sku, c.quantity])).toEqual([['DOCK', '1'], ['CABLE', '2']]);
  });

  it('declares a decimal custom field with a scale', async () => {
    await page.goto(`${stack.api.baseUrl}/catalogue/fields`);
    await page.getByTestId('new-field').click();
    await page.getByTestId('field-label').fill('FX rate');
    await page.getByTestId('field-name').fill('fxRate');
    await page.getByTestId('field-type').click();
    await page.getByRole('option', { name: 'decimal' }).click();
    await page.getByTestId('field-scale').fill('9');
    await page.getByTestId('field-save').click();
    expect(await page.locator('mat-error').allInnerTexts()).toContain('A whole number from 0 to 6.');
    await page.getByTestId('field-scale').fill('4');
    await page.getByTestId('field-save').click();
    await page.getByTestId('fields-table').getByText('decimal (4 decimals)').waitFor();
    await screenshot(page, 'accounts-04-decimal-field');
    const fields = (await stack.admin.get<{ items: { name: string; type: string; scale: number | null }[] }>('/api/fields')).body.items;
    expect(fields).toEqual([expect.objectContaining({ name: 'fxRate', type: 'decimal', scale: 4 })]);
  });
});
