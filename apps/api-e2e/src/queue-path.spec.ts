import { eventually, type QueueEngine, type Stack, startStack } from '@signet/testing';

interface LedgerPage {
  items: { objectId: string; status: string; attempts: number; detail: { targets: { ok: boolean; status: number }[] } }[];
}

interface SimEvents {
  events: { webhookId: string; event: { id: string; type: string; specversion: string; data: { pingId: string } } }[];
  duplicates: number;
}

describe.each<QueueEngine>(['redis', 'postgres'])('queue path on %s', (engine) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(`queue_${engine}`, { engine });
  });
  afterAll(() => stack?.stop());

  it('reports its queue engine in health and on the dashboard', async () => {
    expect((await stack.api.get('/api/health')).body).toMatchObject({ details: { queue: { status: 'up', engine } } });
    expect((await stack.admin.get('/api/dashboard')).body).toMatchObject({ queueEngine: engine });
  });

  it('API enqueues → connector delivers a signed CloudEvent to the ERP simulator → result lands in the sync ledger', async () => {
    const accepted = await stack.admin.post<{ pingId: string; jobId: string }>('/api/sync/connectors/webhook/ping');
    expect(accepted.status).toBe(202);
    const entry = await eventually(async () => {
      const ledger = await stack.admin.get<LedgerPage>('/api/sync/ledger?connector=webhook');
      const row = ledger.body.items.find((r) => r.objectId === accepted.body.pingId);
      return row?.status === 'succeeded' ? row : undefined;
    });
    expect(entry.attempts).toBe(1);
    expect(entry.detail.targets).toEqual([expect.objectContaining({ ok: true, status: 204 })]);
    const received = (await (await fetch(`${stack.erpSimUrl}/webhooks/events`)).json()) as SimEvents;
    const event = received.events.find((e) => e.event.id === accepted.body.pingId);
    expect(event).toMatchObject({ webhookId: accepted.body.pingId, event: { specversion: '1.0', type: 'dev.signet.connector.ping', data: { pingId: accepted.body.pingId } } });
  });

  it('refuses to ping a connector whose settings are absent (409 problem+json)', async () => {
    const response = await stack.admin.post('/api/sync/connectors/sap/ping');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'connector_disabled' });
    const connectors = await stack.admin.get<{ id: string; enabled: boolean; reason: string | null }[]>('/api/sync/connectors');
    expect(connectors.body.find((c) => c.id === 'sap')).toMatchObject({ enabled: false, reason: 'Set SAP_BASE_URL to enable it.' });
  });
});
