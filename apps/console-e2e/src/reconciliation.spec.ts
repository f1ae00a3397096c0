import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, type Stack, startStack } from '@signet/testing';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { launchBrowser, screenshot, signIn } from './browser';

const SECRET = `whsec_${Buffer.from('signet-console-facts-e2e-secret').toString('base64')}`;
const today = new Date().toISOString().slice(0, 10);

interface Order {
  id: string;
  number: string;
  lines: { lineId: string; quantity: string }[];
}

describe('console: an ERP reports fulfilment → the order page shows it; the reconciliation view shows the day and its breaks', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let order: Order;

  async function sendFact(fact: Record<string, unknown>) {
    const body = JSON.stringify(fact);
    const id = `msg_${fact['factId']}`;
    const at = new Date();
    return stack.api.request<{ outcome: string }>('POST', '/api/integrations/sap/events', body, {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(SECRET).sign(id, at, body),
    });
  }

  beforeAll(async () => {
    const consoleDir = join(REPO_ROOT, 'dist/apps/console/browser');
    if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first: npx nx build console');
    stack = await startStack('console_facts', { connector: false, env: { CONSOLE_DIR: consoleDir, INBOUND_WEBHOOK_SECRETS: `sap|${SECRET}` } });
    const admin = stack.admin;
    const accountId = (await admin.post<{ id: string }>('/api/accounts', { name: 'Initech' })).body.id;
    await admin.post('/api/products', { sku: 'HW', name: 'Gateway', chargeType: 'one-time', listPrice: '900.00', assetConversion: 'per-unit' });
    const quote = await admin.post<{ id: string }>('/api/quotes', { name: 'Initech gateways', accountId, startDate: today, lines: [{ sku: 'HW', quantity: '4' }] });
    await admin.post(`/api/quotes/${quote.body.id}/approvals/submit`, {});
    const made = await admin.post<{ orders: { id: string }[] }>(`/api/quotes/${quote.body.id}/orders`, {});
    const id = made.body.orders[0].id;
    await admin.post(`/api/orders/${id}/activate`, {});
    order = (await admin.get<Order>(`/api/orders/${id}`)).body;
    const shipped = await sendFact({
      version: 1,
      factId: 'DLV-1',
      kind: 'fulfilment',
      orderNumber: order.number,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      fulfilment: { lines: [{ lineId: order.lines[0].lineId, quantity: '4', status: 'shipped', date: today }] },
    });
    expect(shipped.body.outcome).toBe('applied');
    const delivered = await sendFact({
      version: 1,
      factId: 'DLV-2',
      kind: 'fulfilment',
      orderNumber: order.number,
      occurredAt: new Date().toISOString(),
      fulfilment: { lines: [{ lineId: order.lines[0].lineId, quantity: '1', status: 'delivered', date: today }] },
    });
    expect(delivered.body.outcome).toBe('applied');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
    await signIn(page, stack.api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/dashboard');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the order page shows ordered / shipped / delivered per line and the facts', async () => {
    await page.goto(`${stack.api.baseUrl}/orders/${order.id}`);
    const table = page.getByTestId('fulfilment-table');
    await table.waitFor();
    const row = table.locator('tr').nth(1);
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(2, 5)).toEqual(['4', `4 on ${today}`, `1 on ${today}`]);
    const facts = page.getByTestId('facts-table');
    await facts.waitFor();
    expect(await facts.locator('tr').count()).toBe(3);
    expect(await facts.innerText()).toContain('DLV-1');
    expect(await facts.innerText()).toContain('applied');
    await screenshot(page, 'facts-order-fulfilment');
  });

  it('the reconciliation view shows the day with the order activated but not synced, and downloads CSV', async () => {
    await page.goto(`${stack.api.baseUrl}/integrations/reconciliation`);
    await page.getByTestId('recon-form').waitFor();
    await page.getByTestId('recon-from').fill(today);
    await page.getByTestId('recon-to').fill(today);
    await page.getByTestId('recon-connector').click();
    await page.getByRole('option', { name: 'SAP S/4HANA' }).click();
    await page.getByRole('button', { name: 'Show' }).click();
    const dayRow = page.locator(`[data-testid="recon-days"] tr[data-day="${today}"][data-connector="sap"]`);
    await dayRow.waitFor();
    const cells = (await dayRow.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells[0]).toBe(today);
    expect(cells[2]).toMatch(/^1 · /);
    expect(cells[3]).toBe('0');
    expect(cells[7]).toBe('1');
    const breaks = page.getByTestId('recon-breaks');
    expect(await breaks.innerText()).toContain('Not synced');
    expect(await breaks.innerText()).toContain(order.number);
    await screenshot(page, 'facts-reconciliation');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recon-csv').click()]);
    const path = await download.path();
    const csv = readFileSync(path as string, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('day,connector,activated_count');
    expect(csv).toContain(`not_synced,${today},sap,${order.number}`);
    expect(download.suggestedFilename()).toBe(`reconciliation-${today}-${today}.csv`);
  });

  it('an empty period says so', async () => {
    await page.getByTestId('recon-from').fill('2001-01-01');
    await page.getByTestId('recon-to').fill('2001-01-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('recon-empty').waitFor();
    await page.getByTestId('recon-no-breaks').waitFor();
    await page.getByTestId('recon-from').fill('2001-02-01');
    await page.getByText('The first day must not be after the last day.').waitFor();
    await screenshot(page, 'facts-reconciliation-empty');
  });
});
