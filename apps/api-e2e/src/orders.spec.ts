import {
  eventually,
  queuePrefix,
  redisUrl,
  type RunningProcess,
  type Stack,
  startApp,
  startStack,
  userWithRoles,
} from '@signet/testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';

type User = Awaited<ReturnType<typeof userWithRoles>>;
interface Problem {
  code: string;
  detail: string;
  status: number;
  errors?: { field: string; message: string }[];
}
interface PlannedOrder {
  id: string | null;
  number: string | null;
  key: string;
  effectiveDate: string;
  lineCount: number;
  netTotal: string;
  lines: { lineId: string; sku: string; quantity: string; netTotal: string }[];
}
interface Plan {
  dryRun: boolean;
  replayed: boolean;
  by: string[];
  orderCount: number;
  lineCount: number;
  netTotal: string;
  orders: PlannedOrder[];
}
interface Order {
  id: string;
  number: string;
  key: string;
  status: string;
  version: number;
  effectiveDate: string;
  activatedOn: string | null;
  activationScheduledOn: string | null;
  lineCount: number;
  netTotal: string;
  contractId: string | null;
  allowedActions: string[];
  lines?: { lineId: string; sku: string; quantity: string; netTotal: string }[];
}
interface Segment {
  kind: string;
  quantity: string;
  startDate: string;
  endDate: string;
  netTotal: string;
}
interface Contract {
  id: string;
  number: string;
  status: string;
  startDate: string;
  endDate: string;
  version: number;
  orderIds: string[];
  renewalQuoteId: string | null;
  subscriptions: {
    sku: string;
    quantity: string;
    currentQuantity: string;
    serviceLevel: string | null;
    segments: Segment[];
  }[];
  assets: { sku: string; quantity: string }[];
  amendments: {
    id: string;
    status: string;
    quoteId: string;
    deltas: Segment[];
  }[];
  allowedActions: string[];
}
interface Entitlements {
  asOf: string;
  items: {
    sku: string;
    quantity: string;
    serviceLevels: string[];
    contracts: string[];
  }[];
}
interface QuoteLine {
  id: string;
  sku: string;
  quantity: string;
}
interface Quote {
  id: string;
  number: string;
  status: string;
  version: number;
  lines: QuoteLine[];
  netTotal: string;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const entitled = (e: Entitlements) =>
  Object.fromEntries(e.items.map((i) => [i.sku, Number(i.quantity)]));

describe('orders and contracts on real PostgreSQL and Redis', () => {
  let stack: Stack;
  let rep: User;
  let reader: User;
  let accountId: string;
  let restartedApi: RunningProcess | undefined;

  async function approvedQuote(
    name: string,
    lines: Record<string, unknown>[],
    startDate = today,
  ): Promise<Quote> {
    const created = await rep.client.post<Quote>('/api/quotes', {
      name,
      accountId,
      startDate,
      lines,
    });
    if (created.status !== 201)
      throw new Error(
        `quote: ${created.status} ${JSON.stringify(created.body)}`,
      );
    const submitted = await rep.client.post(
      `/api/quotes/${created.body.id}/approvals/submit`,
      {},
    );
    if (submitted.status !== 200)
      throw new Error(
        `submit: ${submitted.status} ${JSON.stringify(submitted.body)}`,
      );
    const quote = await rep.client.get<Quote>(`/api/quotes/${created.body.id}`);
    expect(quote.body.status).toBe('approved');
    return quote.body;
  }

  const orders = (quoteId: string) =>
    rep.client.get<{ items: Order[]; total: number }>(
      `/api/orders?quoteId=${quoteId}&pageSize=200`,
    );
  const split = (
    quoteId: string,
    body: Record<string, unknown>,
    dryRun = false,
  ) =>
    rep.client.post<Plan>(
      `/api/quotes/${quoteId}/orders${dryRun ? '?dryRun=true' : ''}`,
      body,
    );
  const lineId = (q: Quote, sku: string, index = 0) =>
    q.lines.filter((l) => l.sku === sku)[index].id;

  beforeAll(async () => {
    stack = await startStack('orders', {
      connector: false,
      env: { RENEWAL_LEAD_DAYS: '400' },
    });
    rep = await userWithRoles(stack, ['sales']);
    reader = await userWithRoles(stack, ['finance']);
    accountId = (
      await stack.admin.post<{ id: string }>('/api/accounts', { name: 'Acme' })
    ).body.id;
    for (const product of [
      {
        sku: 'HW',
        name: 'Appliance',
        chargeType: 'one-time',
        listPrice: '1000.00',
        ssp: '1000.00',
        assetConversion: 'per-unit',
      },
      {
        sku: 'SUB',
        name: 'Seat',
        chargeType: 'recurring',
        revenueMethod: 'ratable',
        listPrice: '1200.00',
        ssp: '1200.00',
        termMonths: 12,
      },
      {
        sku: 'SUP',
        name: 'Support',
        chargeType: 'recurring',
        revenueMethod: 'ratable',
        listPrice: '600.00',
        termMonths: 6,
      },
    ]) {
      const saved = await stack.admin.post('/api/products', product);
      if (saved.status !== 201)
        throw new Error(`product: ${JSON.stringify(saved.body)}`);
    }
    await stack.admin.post('/api/fields', {
      object: 'line',
      name: 'shipTo',
      label: 'Ship to',
      type: 'text',
    });
    await stack.admin.post('/api/fields', {
      object: 'line',
      name: 'serviceLevel',
      label: 'Service level',
      type: 'picklist',
      options: ['Gold', 'Silver'],
    });
  });

  afterAll(async () => {
    await restartedApi?.stop();
    await stack?.stop();
  });

  describe('splitting an approved quote', () => {
    let quote: Quote;

    beforeAll(async () => {
      const created = await rep.client.post<Quote>('/api/quotes', {
        name: 'Three sites',
        accountId,
        startDate: today,
        lines: [
          { sku: 'HW', quantity: '3', fields: { shipTo: 'Berlin' } },
          {
            sku: 'SUB',
            quantity: '10',
            fields: { shipTo: 'Paris', serviceLevel: 'Gold' },
          },
          {
            sku: 'SUB',
            quantity: '4',
            fields: { shipTo: 'Berlin', serviceLevel: 'Silver' },
          },
          { sku: 'SUP', quantity: '2', fields: { shipTo: 'Rome' } },
        ],
      });
      quote = created.body;
    });

    it('refuses to order a quote that is not approved, and an unknown split field, changing nothing', async () => {
      const draft = await split(quote.id, { by: ['fields.shipTo'] });
      expect(draft.status).toBe(409);
      expect(draft.contentType).toContain('application/problem+json');
      expect((draft.body as unknown as Problem).code).toBe(
        'quote_not_approved',
      );
      await rep.client.post(`/api/quotes/${quote.id}/approvals/submit`, {});
      const unknown = await split(quote.id, { by: ['fields.shipToo'] });
      expect(unknown.status).toBe(400);
      expect((unknown.body as unknown as Problem).code).toBe(
        'unknown_split_field',
      );
      expect((unknown.body as unknown as Problem).errors?.[0].field).toBe(
        'by[0]',
      );
      expect((await orders(quote.id)).body.total).toBe(0);
    });

    it('previews the split without writing, and executing the same request creates exactly the preview', async () => {
      const preview = await split(quote.id, { by: ['fields.shipTo'] }, true);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        dryRun: true,
        orderCount: 3,
        lineCount: 4,
        netTotal: '20400.00',
      });
      expect(
        preview.body.orders.map((o) => [o.key, o.lineCount, o.netTotal, o.id]),
      ).toEqual([
        ['Berlin', 2, '7800.00', null],
        ['Paris', 1, '12000.00', null],
        ['Rome', 1, '600.00', null],
      ]);
      expect((await orders(quote.id)).body.total).toBe(0);

      const executed = await split(quote.id, {
        by: ['fields.shipTo'],
        idempotencyKey: 'split-three-sites',
      });
      expect(executed.status).toBe(200);
      const strip = (p: Plan) =>
        p.orders.map((o) => ({ ...o, id: null, number: null }));
      expect(strip(executed.body)).toEqual(strip(preview.body));
      expect(
        executed.body.orders.every((o) => o.id && o.number?.startsWith('O-')),
      ).toBe(true);
      const listed = await orders(quote.id);
      expect(
        listed.body.items.map((o) => [o.key, o.status, o.netTotal]).sort(),
      ).toEqual([
        ['Berlin', 'draft', '7800.00'],
        ['Paris', 'draft', '12000.00'],
        ['Rome', 'draft', '600.00'],
      ]);
    });

    it('never creates duplicates: the same key replays, and a plain repeat finds nothing left', async () => {
      const first = (await orders(quote.id)).body.items.map((o) => o.id).sort();
      const replay = await split(quote.id, {
        by: ['fields.shipTo'],
        idempotencyKey: 'split-three-sites',
      });
      expect(replay.status).toBe(200);
      expect(replay.body.replayed).toBe(true);
      expect(replay.body.orders.map((o) => o.id).sort()).toEqual(first);
      const misuse = await split(quote.id, {
        by: ['group'],
        idempotencyKey: 'split-three-sites',
      });
      expect(misuse.status).toBe(409);
      expect((misuse.body as unknown as Problem).code).toBe(
        'idempotency_key_reused',
      );
      const again = await split(quote.id, { by: ['fields.shipTo'] });
      expect(again.body).toMatchObject({ orderCount: 0, orders: [] });
      expect((await orders(quote.id)).body.total).toBe(3);
    });

    it('refuses a quantity above what remains with 409, changing nothing', async () => {
      const over = await split(quote.id, {
        quantities: [{ lineId: lineId(quote, 'HW'), quantity: '1' }],
      });
      expect(over.status).toBe(409);
      expect((over.body as unknown as Problem).code).toBe(
        'quantity_exceeds_remaining',
      );
      expect((await orders(quote.id)).body.total).toBe(3);
    });

    it('changes drafts point and click: quantities within what remains, moving lines, merging, cancelling releases', async () => {
      const all = (await orders(quote.id)).body.items;
      const byKey = (k: string) => all.find((o) => o.key === k) as Order;
      const paris10 = lineId(quote, 'SUB', 0);
      const lower = await rep.client.patch<Order>(
        `/api/orders/${byKey('Paris').id}`,
        {
          version: byKey('Paris').version,
          lines: [{ lineId: paris10, quantity: '6' }],
        },
      );
      expect(lower.status).toBe(200);
      expect(lower.body).toMatchObject({
        netTotal: '7200.00',
        version: byKey('Paris').version + 1,
      });
      const stale = await rep.client.patch(`/api/orders/${byKey('Paris').id}`, {
        version: byKey('Paris').version,
        lines: [{ lineId: paris10, quantity: '7' }],
      });
      expect(stale.status).toBe(409);
      const tooMuch = await rep.client.patch<Problem>(
        `/api/orders/${byKey('Paris').id}`,
        { lines: [{ lineId: paris10, quantity: '11' }] },
      );
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.code).toBe('quantity_exceeds_remaining');
      const back = await rep.client.patch<Order>(
        `/api/orders/${byKey('Paris').id}`,
        { lines: [{ lineId: paris10, quantity: '10' }] },
      );
      expect(back.body.netTotal).toBe('12000.00');

      const moved = await rep.client.post<{ source: Order; target: Order }>(
        `/api/orders/${byKey('Rome').id}/move-lines`,
        {
          to: byKey('Berlin').id,
          lines: [{ lineId: lineId(quote, 'SUP') }],
        },
      );
      expect(moved.status).toBe(200);
      expect(moved.body.source.status).toBe('cancelled');
      expect(moved.body.target.lineCount).toBe(3);
      const movedBack = await split(
        quote.id,
        { by: ['fields.shipTo'], lines: [lineId(quote, 'SUP')] },
        true,
      );
      expect(movedBack.body.orderCount).toBe(0);
      const history = await rep.client.get<{
        items: { event: string; reason: string | null }[];
      }>(`/api/orders/${byKey('Rome').id}/history`);
      expect(history.body.items.map((h) => h.event)).toEqual([
        'create',
        'move-lines',
        'cancel',
      ]);

      // Give Rome its own order back so the rest of the suite has three orders.
      const romeAgain = await rep.client.post<{ source: Order; target: Order }>(
        `/api/orders/${byKey('Berlin').id}/move-lines`,
        {
          to: byKey('Paris').id,
          lines: [{ lineId: lineId(quote, 'SUP') }],
        },
      );
      expect(romeAgain.body.target.lineCount).toBe(2);
      const reader403 = await reader.client.post(
        `/api/orders/${byKey('Berlin').id}/cancel`,
        {},
      );
      expect(reader403.status).toBe(403);
    });

    it('activates now, schedules a future activation that survives an API restart, and refuses activating a cancelled order', async () => {
      const all = (await orders(quote.id)).body.items;
      const berlin = all.find((o) => o.key === 'Berlin') as Order;
      const paris = all.find(
        (o) => o.key === 'Paris' && o.status === 'draft',
      ) as Order;
      const rome = all.find((o) => o.key === 'Rome') as Order;
      const cancelled = await rep.client.post<Problem>(
        `/api/orders/${rome.id}/activate`,
        {},
      );
      expect(cancelled.status).toBe(409);
      expect(cancelled.body.code).toBe('invalid_state');

      const now = await rep.client.post<Order>(
        `/api/orders/${berlin.id}/activate`,
        { version: berlin.version },
      );
      expect(now.body).toMatchObject({
        status: 'activated',
        activatedOn: today,
      });
      const twice = await rep.client.post<Problem>(
        `/api/orders/${berlin.id}/activate`,
        {},
      );
      expect(twice.body.code).toBe('invalid_state');
      const cancelActive = await rep.client.post<Problem>(
        `/api/orders/${berlin.id}/cancel`,
        {},
      );
      expect(cancelActive.status).toBe(409);

      const tomorrow = day(1);
      const scheduled = await rep.client.post<Order>(
        `/api/orders/${paris.id}/activate`,
        { on: tomorrow },
      );
      expect(scheduled.body).toMatchObject({
        status: 'draft',
        activationScheduledOn: tomorrow,
      });
      expect(scheduled.body.allowedActions).toContain('unschedule');
      const listed = await rep.client.get<{ items: Order[] }>(
        `/api/orders?scheduled=true`,
      );
      expect(listed.body.items.map((o) => o.id)).toEqual([paris.id]);

      const queue = new Queue('order-activation', {
        connection: { url: redisUrl() } as never,
        prefix: queuePrefix('orders'),
      });
      try {
        expect(
          await (await queue.getJob(`activate-${paris.id}`))?.getState(),
        ).toBe('delayed');
        // Restart the API (the worker): the delayed job lives in Redis, not in the process.
        const old = stack.processes.find(
          (p) => p.name === 'api',
        ) as RunningProcess;
        const port = new URL(old.baseUrl).port;
        await old.stop();
        // The stack must not stop it again: a process ended by a signal has no exit code to check.
        stack.processes.splice(stack.processes.indexOf(old), 1);
        restartedApi = await startApp(
          'api',
          {
            DATABASE_URL: stack.db.url,
            REDIS_URL: redisUrl(),
            QUEUE_PREFIX: queuePrefix('orders'),
            LOG_LEVEL: 'warn',
            RENEWAL_LEAD_DAYS: '400',
          },
          { port: Number(port), readyPath: '/api/health' },
        );
        const job = await queue.getJob(`activate-${paris.id}`);
        expect(await job?.getState()).toBe('delayed');
        // Time passes: the job comes due and the restarted worker activates the order on its date.
        await job?.promote();
        const activated = await eventually(async () => {
          const o = await rep.client.get<Order>(`/api/orders/${paris.id}`);
          return o.body.status === 'activated' ? o.body : undefined;
        });
        expect(activated).toMatchObject({
          activatedOn: tomorrow,
          activationScheduledOn: null,
        });
      } finally {
        await queue.close();
      }
    });

    it('contracts activated orders by end date, refuses drafts and double contracting', async () => {
      const all = (await orders(quote.id)).body.items.filter(
        (o) => o.status === 'activated',
      );
      expect(all).toHaveLength(2);
      const made = await rep.client.post<{ contracts: Contract[] }>(
        '/api/contracts',
        { orderIds: all.map((o) => o.id), method: 'by-end-date' },
      );
      expect(made.status).toBe(201);
      const contracts = made.body.contracts;
      expect(
        contracts.map((c) => [
          c.status,
          c.subscriptions.map((s) => `${s.sku}×${s.quantity}`).sort(),
          c.assets.length,
        ]),
      ).toEqual([
        ['activated', ['SUP×2'], 0],
        ['activated', ['SUB×10', 'SUB×4'], 3],
      ]);
      const twice = await rep.client.post<Problem>('/api/contracts', {
        orderIds: [all[0].id],
        method: 'single',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('invalid_state');
      const gold = contracts[1].subscriptions.find((s) => s.quantity === '10');
      expect(gold?.serviceLevel).toBe('Gold');
    });
  });

  describe('amendments and renewals', () => {
    let contract: Contract;

    beforeAll(async () => {
      const quote = await approvedQuote(
        'Seats',
        [{ sku: 'SUB', quantity: '10', fields: { serviceLevel: 'Gold' } }],
        day(-30),
      );
      const planned = await split(quote.id, {});
      const order = planned.body.orders[0];
      await rep.client.post(`/api/orders/${order.id}/activate`, {});
      contract = (
        await rep.client.post<{ contracts: Contract[] }>('/api/contracts', {
          orderIds: [order.id],
          method: 'single',
        })
      ).body.contracts[0];
    });

    it('refuses an amendment before the contract starts, changing nothing', async () => {
      const early = await rep.client.post<Problem>(
        `/api/contracts/${contract.id}/amend`,
        { effective: day(-31), changes: [{ sku: 'SUB', quantityDelta: '5' }] },
      );
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('invalid_state');
      const bad = await rep.client.post<Problem>(
        `/api/contracts/${contract.id}/amend`,
        { effective: 'tomorrow', changes: [] },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).sort()).toEqual([
        'changes',
        'effective',
      ]);
      const after = await rep.client.get<Contract>(
        `/api/contracts/${contract.id}`,
      );
      expect(after.body.amendments).toHaveLength(0);
      expect(after.body.version).toBe(contract.version);
    });

    it('takes an amendment through approval and ordering into the contract, and entitlements follow', async () => {
      const before = await rep.client.get<Entitlements>(
        `/api/accounts/${accountId}/entitlements?asOf=${day(10)}`,
      );
      const amendEffective = day(5);
      const amended = await rep.client.post<{
        quoteId: string;
        amendment: { deltas: Segment[] };
      }>(`/api/contracts/${contract.id}/amend`, {
        effective: amendEffective,
        changes: [{ sku: 'SUB', quantityDelta: '5' }],
      });
      expect(amended.status).toBe(201);
      expect(amended.body.amendment.deltas[0]).toMatchObject({
        quantity: '5',
        startDate: amendEffective,
        endDate: contract.endDate,
      });
      const q = await rep.client.get<Quote>(
        `/api/quotes/${amended.body.quoteId}`,
      );
      expect(q.body).toMatchObject({
        status: 'draft',
        netTotal: amended.body.amendment.deltas[0].netTotal,
      });
      // Nothing changes on the contract until the amendment is approved, ordered and activated.
      expect(
        entitled(
          (
            await rep.client.get<Entitlements>(
              `/api/accounts/${accountId}/entitlements?asOf=${day(10)}`,
            )
          ).body,
        ),
      ).toEqual(entitled(before.body));
      await rep.client.post(
        `/api/quotes/${amended.body.quoteId}/approvals/submit`,
        {},
      );
      const splitAmendment = await split(amended.body.quoteId, {
        by: ['sku'],
        quantities: [{ lineId: q.body.lines[0].id, quantity: '1' }],
      });
      expect(splitAmendment.status).toBe(400);
      const ordered = await split(amended.body.quoteId, {});
      expect(ordered.body.orderCount).toBe(1);
      await rep.client.post(
        `/api/orders/${ordered.body.orders[0].id}/activate`,
        {},
      );
      const after = await rep.client.get<Contract>(
        `/api/contracts/${contract.id}`,
      );
      expect(after.body.amendments[0].status).toBe('applied');
      expect(
        after.body.subscriptions[0].segments.map((s) => [
          s.kind,
          s.quantity,
          s.startDate,
        ]),
      ).toEqual([
        ['original', '10', contract.startDate],
        ['amendment', '5', amendEffective],
      ]);
      const entitlementsBefore = entitled(
        (
          await rep.client.get<Entitlements>(
            `/api/accounts/${accountId}/entitlements?asOf=${day(4)}`,
          )
        ).body,
      );
      const entitlementsAfter = (
        await rep.client.get<Entitlements>(
          `/api/accounts/${accountId}/entitlements?asOf=${day(10)}`,
        )
      ).body;
      expect(entitled(entitlementsAfter).SUB - entitlementsBefore.SUB).toBe(5);
      expect(
        entitlementsAfter.items.find((i) => i.sku === 'SUB')?.serviceLevels,
      ).toContain('Gold');
    });

    it('generates a renewal quote on request once, and the sweep renews contracts ending within the lead time', async () => {
      const renewed = await rep.client.post<{
        quoteId: string;
        quoteNumber: string;
      }>(`/api/contracts/${contract.id}/renew`, {
        pricing: 'uplift',
        upliftPercent: '10',
      });
      expect(renewed.status).toBe(201);
      const q = await rep.client.get<
        Quote & {
          lines: (QuoteLine & { netTotal: string; startDate: string | null })[];
        }
      >(`/api/quotes/${renewed.body.quoteId}`);
      expect(q.body.lines.map((l) => [l.sku, l.quantity])).toEqual([
        ['SUB', '15'],
      ]);
      // same price per unit and month (12000 / 10 / 12) × 15 × 12 × 1.1
      expect(q.body.lines[0].netTotal).toBe('19800.00');
      const again = await rep.client.post<Problem>(
        `/api/contracts/${contract.id}/renew`,
        {},
      );
      expect(again.body.code).toBe('renewal_exists');

      const other = await approvedQuote('More seats', [
        { sku: 'SUB', quantity: '2' },
      ]);
      const order = (await split(other.id, {})).body.orders[0];
      await rep.client.post(`/api/orders/${order.id}/activate`, {});
      const second = (
        await rep.client.post<{ contracts: Contract[] }>('/api/contracts', {
          orderIds: [order.id],
          method: 'single',
          renewalPricing: 'list',
        })
      ).body.contracts[0];
      const sweep = await stack.admin.post<{
        leadDays: number;
        renewals: { quoteId: string }[];
      }>('/api/contracts/renewals/run', {});
      expect(sweep.body.leadDays).toBe(400);
      // Every activated contract without a renewal ends within 400 days: the two of the split above and this one.
      expect(sweep.body.renewals).toHaveLength(3);
      const secondAfter = await rep.client.get<Contract>(
        `/api/contracts/${second.id}`,
      );
      expect(sweep.body.renewals.map((r) => r.quoteId)).toContain(
        secondAfter.body.renewalQuoteId,
      );
      const sweepAgain = await stack.admin.post<{ renewals: unknown[] }>(
        '/api/contracts/renewals/run',
        {},
      );
      expect(sweepAgain.body.renewals).toHaveLength(0);
    });

    it('shows the account 360: contracts, subscriptions with segments, assets, orders and a timeline', async () => {
      const overview = await reader.client.get<{
        contracts: unknown[];
        subscriptions: { segments: Segment[] }[];
        assets: unknown[];
        orders: Order[];
        entitlements: unknown[];
        timeline: { kind: string }[];
      }>(`/api/accounts/${accountId}/overview?asOf=${day(10)}`);
      expect(overview.status).toBe(200);
      expect(overview.body.contracts).toHaveLength(4);
      expect(overview.body.assets).toHaveLength(3);
      expect(
        overview.body.subscriptions.some((s) => s.segments.length === 2),
      ).toBe(true);
      expect(overview.body.orders.length).toBeGreaterThanOrEqual(5);
      expect(new Set(overview.body.timeline.map((t) => t.kind))).toEqual(
        new Set([
          'order-activated',
          'contract-start',
          'contract-end',
          'amendment',
        ]),
      );
    });
  });

  describe('the quantity ledger under concurrency', () => {
    it('lets one of two racing requests through and refuses the other with 409', async () => {
      const quote = await approvedQuote('Race', [
        { sku: 'HW', quantity: '10' },
      ]);
      const line = quote.lines[0].id;
      const [a, b] = await Promise.all([
        split(quote.id, { quantities: [{ lineId: line, quantity: '6' }] }),
        split(quote.id, { quantities: [{ lineId: line, quantity: '6' }] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = (a.status === 409 ? a : b).body as unknown as Problem;
      expect(loser.code).toBe('quantity_exceeds_remaining');
      const listed = await orders(quote.id);
      expect(listed.body.total).toBe(1);
    });

    it('is guarded by the database itself: ordered can never exceed quoted', async () => {
      const client = new Client({ connectionString: stack.db.url });
      await client.connect();
      try {
        await expect(
          client.query(`UPDATE quote_line_ledger SET ordered = quoted + 1`),
        ).rejects.toThrow(/quote_line_ledger_within_quoted/);
      } finally {
        await client.end();
      }
    });

    it('splits a 10,000-line quote in one request', async () => {
      const lines = Array.from({ length: 10_000 }, (_, i) => ({
        sku: i % 2 ? 'HW' : 'SUB',
        quantity: '1',
        fields: { shipTo: `Site ${i % 7}` },
      }));
      const quote = await approvedQuote('Huge', lines);
      const started = Date.now();
      const made = await split(quote.id, { by: ['fields.shipTo'] });
      const elapsed = Date.now() - started;
      expect(made.status).toBe(200);
      expect(made.body).toMatchObject({ orderCount: 7, lineCount: 10_000 });
      expect(elapsed).toBeLessThan(30_000);
      expect((await orders(quote.id)).body.total).toBe(7);
    }, 120_000);
  });
});
