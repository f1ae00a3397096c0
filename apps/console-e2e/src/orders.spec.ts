import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  REPO_ROOT,
  type Stack,
  startStack,
} from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './browser';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Quote {
  id: string;
  lines: { id: string }[];
}

describe('console: approved quote → three orders by ship-to → one future-dated → contract → account 360 before and after an amendment', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let quote: Quote;
  let accountId: string;
  let contractUrl: string;

  const entitledSub = async () =>
    (
      await page
        .locator('[data-sku="SUB"] [data-testid="entitled-quantity"]')
        .innerText()
    ).trim();

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html')))
      throw new Error('Build the console first: npx nx build console');
    stack = await startStack('console_orders', {
      connector: false,
      env: { CONSOLE_DIR: consoleDir },
    });
    const admin = stack.admin;
    accountId = (
      await admin.post<{ id: string }>('/api/accounts', { name: 'Globex' })
    ).body.id;
    await admin.post('/api/products', {
      sku: 'HW',
      name: 'Gateway',
      chargeType: 'one-time',
      listPrice: '900.00',
      assetConversion: 'per-unit',
    });
    await admin.post('/api/products', {
      sku: 'SUB',
      name: 'Seat licence',
      chargeType: 'recurring',
      listPrice: '1200.00',
      termMonths: 12,
    });
    await admin.post('/api/fields', {
      object: 'line',
      name: 'shipTo',
      label: 'Ship to',
      type: 'text',
    });
    await admin.post('/api/fields', {
      object: 'line',
      name: 'serviceLevel',
      label: 'Service level',
      type: 'picklist',
      options: ['Gold', 'Silver'],
    });
    const created = await admin.post<Quote>('/api/quotes', {
      name: 'Globex rollout',
      accountId,
      startDate: day(0),
      lines: [
        { sku: 'HW', quantity: '2', fields: { shipTo: 'Berlin' } },
        {
          sku: 'SUB',
          quantity: '5',
          fields: { shipTo: 'Berlin', serviceLevel: 'Gold' },
        },
        {
          sku: 'SUB',
          quantity: '10',
          fields: { shipTo: 'Paris', serviceLevel: 'Gold' },
        },
        {
          sku: 'SUB',
          quantity: '3',
          fields: { shipTo: 'Rome', serviceLevel: 'Silver' },
        },
      ],
    });
    if (created.status !== 201)
      throw new Error(`quote: ${JSON.stringify(created.body)}`);
    quote = created.body;
    // The real approvals path: with no matching rule the quote is approved on submit.
    const submitted = await admin.post(
      `/api/quotes/${quote.id}/approvals/submit`,
      {},
    );
    if (submitted.status !== 200)
      throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await signIn(page, stack.api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/dashboard');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('previews the split by ship-to live, then creates the three orders', async () => {
    await page.goto(`${stack.api.baseUrl}/orders/new?quote=${quote.id}`);
    await page.getByTestId('mode-fields').click();
    await page.locator('[data-path="fields.shipTo"]').click();
    await page.getByTestId('preview-count').waitFor();
    expect(await page.getByTestId('preview-count').innerText()).toBe(
      '3 orders',
    );
    expect(await page.getByTestId('preview-order').count()).toBe(3);
    expect(
      (
        await stack.admin.get<{ total: number }>(
          `/api/orders?quoteId=${quote.id}`,
        )
      ).body.total,
    ).toBe(0);
    await screenshot(page, 'orders-01-split-preview');
    await page.getByTestId('wizard-confirm').click();
    await page.waitForURL(`**/orders/board/${quote.id}`);
    await page.getByTestId('draft-Rome').waitFor();
    expect(
      (
        await stack.admin.get<{ total: number }>(
          `/api/orders?quoteId=${quote.id}`,
        )
      ).body.total,
    ).toBe(3);
    await screenshot(page, 'orders-02-drafts-board');
  });

  it('schedules Rome for a future date and activates Berlin and Paris now', async () => {
    const rome = page.getByTestId('draft-Rome');
    await rome.getByTestId('schedule-date').fill(day(30));
    await rome.getByTestId('schedule').click();
    await rome.getByTestId('scheduled-on').waitFor();
    expect(await rome.getByTestId('scheduled-on').innerText()).toContain(
      day(30),
    );
    await page.getByTestId('draft-Berlin').getByTestId('activate-now').click();
    await page.getByTestId('draft-Berlin').waitFor({ state: 'detached' });
    await page.getByTestId('draft-Paris').getByTestId('activate-now').click();
    await page.getByTestId('draft-Paris').waitFor({ state: 'detached' });
    await page.getByTestId('live-orders').waitFor();
    await screenshot(page, 'orders-03-one-future-dated');
    const scheduled = await stack.admin.get<{
      items: { key: string; activationScheduledOn: string }[];
    }>(`/api/orders?scheduled=true`);
    expect(
      scheduled.body.items.map((o) => [o.key, o.activationScheduledOn]),
    ).toEqual([['Rome', day(30)]]);
  });

  it('contracts the two activated orders', async () => {
    const boxes = page.getByTestId('live-orders').locator('mat-checkbox');
    expect(await boxes.count()).toBe(2);
    for (const box of await boxes.all()) await box.click();
    await page.getByTestId('create-contract').click();
    await page.waitForURL('**/contracts/*');
    await page.getByTestId('subscriptions').waitFor();
    contractUrl = page.url();
    expect(await page.getByTestId('subscriptions').locator('tr').count()).toBe(
      3,
    );
    await screenshot(page, 'orders-04-contract');
  });

  it('shows entitlements as of a date in the account 360, before the amendment', async () => {
    await page.getByTestId('contract-account').click();
    await page.waitForURL(`**/account-360/${accountId}*`);
    await page.getByTestId('as-of').fill(day(20));
    await page.locator('[data-sku="SUB"]').waitFor();
    await page
      .getByRole('heading', { name: `Entitled on ${day(20)}` })
      .waitFor();
    expect(await entitledSub()).toBe('15');
    expect(await page.getByTestId('timeline').innerText()).toContain(
      'scheduled to activate',
    );
    await screenshot(page, 'orders-05-account-360-before');
  });

  it('amends the contract (+5 seats from a later date), which takes effect once its quote is approved, ordered and activated', async () => {
    await page.goto(contractUrl);
    await page.getByTestId('amend').click();
    await page.getByTestId('amend-save').click();
    expect(await page.locator('mat-error').allInnerTexts()).toContain(
      'When does the change take effect?',
    );
    await page.getByTestId('amend-effective').fill(day(10));
    await page.getByTestId('amend-SUB').fill('5');
    await screenshot(page, 'orders-06-amend-dialog');
    await page.getByTestId('amend-save').click();
    await page.getByTestId('contract-notice').waitFor();
    await screenshot(page, 'orders-07-amendment-quoted');
    const contractId = contractUrl.split('/').pop() as string;
    const contract = await stack.admin.get<{
      amendments: { quoteId: string; status: string }[];
    }>(`/api/contracts/${contractId}`);
    const amendmentQuote = contract.body.amendments[0].quoteId;
    expect(contract.body.amendments[0].status).toBe('quoted');
    // The amendment quote goes through approvals like any quote, then is ordered and activated.
    expect(
      (
        await stack.admin.post(
          `/api/quotes/${amendmentQuote}/approvals/submit`,
          {},
        )
      ).status,
    ).toBe(200);
    const ordered = await stack.admin.post<{ orders: { id: string }[] }>(
      `/api/quotes/${amendmentQuote}/orders`,
      {},
    );
    expect(
      (
        await stack.admin.post(
          `/api/orders/${ordered.body.orders[0].id}/activate`,
          {},
        )
      ).status,
    ).toBe(200);
  });

  it('shows the entitlements after the amendment from its effective date, and unchanged before it', async () => {
    await page.goto(
      `${stack.api.baseUrl}/account-360/${accountId}?asOf=${day(20)}`,
    );
    await page.locator('[data-sku="SUB"]').waitFor();
    expect(await entitledSub()).toBe('20');
    expect(await page.getByTestId('timeline').innerText()).toContain('SUB +5');
    await screenshot(page, 'orders-08-account-360-after');
    await page.getByTestId('as-of').fill(day(5));
    await page
      .getByRole('heading', { name: `Entitled on ${day(5)}` })
      .waitFor();
    expect(await entitledSub()).toBe('15');
    await screenshot(page, 'orders-09-account-360-before-effective-date');
  });

  it('moves a line between draft orders by dragging it on the orders board', async () => {
    const created = await stack.admin.post<Quote>('/api/quotes', {
      name: 'Globex extension',
      accountId,
      startDate: day(0),
      lines: [
        { sku: 'SUB', quantity: '2', fields: { shipTo: 'Lyon' } },
        { sku: 'HW', quantity: '1', fields: { shipTo: 'Oslo' } },
        { sku: 'SUB', quantity: '4', fields: { shipTo: 'Oslo' } },
      ],
    });
    await stack.admin.post(
      `/api/quotes/${created.body.id}/approvals/submit`,
      {},
    );
    await stack.admin.post(`/api/quotes/${created.body.id}/orders`, {
      by: ['fields.shipTo'],
    });
    await page.goto(`${stack.api.baseUrl}/orders/board/${created.body.id}`);
    const source = page.getByTestId('drop-Oslo').getByTestId('line-HW');
    const target = page.getByTestId('drop-Lyon');
    await source.waitFor();
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('board not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(
      from.x + from.width / 2 + 10,
      from.y + from.height / 2,
      { steps: 5 },
    );
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, {
      steps: 20,
    });
    await page.mouse.up();
    await page.getByTestId('drop-Lyon').getByTestId('line-HW').waitFor();
    const orders = await stack.admin.get<{
      items: { key: string; lineCount: number; status: string }[];
    }>(`/api/orders?quoteId=${created.body.id}`);
    expect(
      orders.body.items.map((o) => [o.key, o.status, o.lineCount]).sort(),
    ).toEqual([
      ['Lyon', 'draft', 2],
      ['Oslo', 'draft', 1],
    ]);
    await screenshot(page, 'orders-10-line-dragged');
  });
});
