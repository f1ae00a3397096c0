import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertHandlers, ConnectorError, ConnectorMetrics, createErpHttp, createLogger, type JobContext, type JobHandler } from '@signet/connector-core';
import { Webhook } from 'standardwebhooks';
import { JOB_NAMES, webhookHandlers } from './handlers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

interface Receiver {
  server: Server;
  url: string;
  accepted: Array<{ headers: Record<string, string>; event: unknown }>;
  rejected: string[];
}

/** A real loopback subscriber: verifies the signature (401 when it fails), else answers `status`. */
function receiver(status = 204): Promise<Receiver> {
  const accepted: Receiver['accepted'] = [];
  const rejected: string[] = [];
  const verifier = new Webhook(SECRET);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const headers = req.headers as Record<string, string>;
      try {
        accepted.push({ headers, event: verifier.verify(body, headers) });
        res.writeHead(status).end();
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(401).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, accepted, rejected })));
}

function context(now: () => Date = () => new Date()): JobContext & { hashes: string[] } {
  const hashes: string[] = [];
  return {
    connector: 'webhook',
    jobId: 'job-1',
    attempt: 1,
    maxAttempts: 3,
    now,
    log: createLogger('test', 'silent'),
    http: createErpHttp({ connector: 'webhook', timeoutMs: 2_000, metrics: new ConnectorMetrics() }),
    sent: (body) => hashes.push(body),
    hashes,
  };
}

async function run<T>(handler: JobHandler<T>, data: unknown, ctx: JobContext) {
  return handler.run(handler.parse(data), ctx);
}

const handlersFor = (...urls: string[]) => webhookHandlers(urls.map((url) => ({ url, secret: SECRET })));

const ping = { version: 1, pingId: 'p-1', connector: 'webhook', requestedBy: 'u', requestedAt: '2026-01-01T00:00:00Z' };
const order = {
  kind: 'order',
  id: 'o-1',
  number: 'SO-00042',
  quoteId: 'q-1',
  status: 'activated',
  currency: 'EUR',
  effectiveDate: '2026-01-01',
  activatedOn: '2026-01-01',
  netTotal: '100.00',
  account: { id: 'a-1', name: 'Acme', accountNumber: 'ACC-1', externalIds: {} },
  lines: [],
};
const syncEvent = (type: string) => ({
  version: 1,
  eventId: '2b5f7a1e-0000-4000-8000-000000000001',
  type,
  objectType: 'order',
  objectId: 'o-1',
  objectNumber: 'SO-00042',
  occurredAt: '2026-01-01T09:00:00.000Z',
  connector: 'webhook',
  sequence: 1,
  document: order,
});

describe('webhook connector ping', () => {
  it('has exactly one handler per job name', () => expect(() => assertHandlers(JOB_NAMES, handlersFor('http://x'))).not.toThrow());

  it('delivers a signed CloudEvent and succeeds', async () => {
    const r = await receiver();
    try {
      const outcome = await run(handlersFor(r.url)['connector.ping'], ping, context());
      expect(outcome).toMatchObject({ status: 'succeeded', detail: { targets: [{ url: r.url, ok: true, status: 204 }] } });
      expect(r.accepted.map((a) => a.event)).toEqual([expect.objectContaining({ specversion: '1.0', id: 'p-1', type: 'dev.signet.connector.ping' })]);
    } finally {
      r.server.close();
    }
  });

  it.each([
    ['a 503 is retryable', 503, 'retryable', 'delivery_failed'],
    ['a 429 is retryable', 429, 'retryable', 'delivery_failed'],
    ['a 400 is a refusal', 400, 'unrecoverable', 'delivery_rejected'],
  ])('%s', async (_label, status, kind, code) => {
    const r = await receiver(status);
    try {
      await expect(run(handlersFor(r.url)['connector.ping'], ping, context())).rejects.toMatchObject({ kind, code });
    } finally {
      r.server.close();
    }
  });

  it('treats an unreachable target as retryable, even when another target took the event', async () => {
    const r = await receiver();
    try {
      const attempt = run(handlersFor(r.url, 'http://127.0.0.1:1/hook')['connector.ping'], ping, context());
      await expect(attempt).rejects.toBeInstanceOf(ConnectorError);
      await expect(attempt).rejects.toMatchObject({ kind: 'retryable', message: expect.stringContaining('1 of 2 target(s) failed') });
      expect(r.accepted).toHaveLength(1);
    } finally {
      r.server.close();
    }
  });
});

describe('webhook connector sync events', () => {
  it.each(['order.activated', 'order.changed', 'order.cancelled', 'contract.activated'])('posts %s as a signed CloudEvent with the event id as webhook-id', async (type) => {
    const r = await receiver();
    const event = syncEvent(type);
    const data = type.startsWith('contract') ? { ...event, objectType: 'contract', document: { ...order, kind: 'contract' } } : event;
    try {
      const ctx = context();
      expect(await run(handlersFor(r.url)['sync.event'], data, ctx)).toMatchObject({ status: 'succeeded' });
      expect(r.accepted).toHaveLength(1);
      expect(r.accepted[0].headers['webhook-id']).toBe(event.eventId);
      expect(r.accepted[0].headers['content-type']).toBe('application/cloudevents+json');
      expect(r.accepted[0].event).toEqual({
        specversion: '1.0',
        id: event.eventId,
        source: '/signet',
        type: `com.signet.${type}.v1`,
        time: '2026-01-01T09:00:00.000Z',
        datacontenttype: 'application/json',
        subject: 'SO-00042',
        data: data.document,
      });
      // The exact bytes posted are what the payload hash is taken of.
      expect(ctx.hashes).toEqual([JSON.stringify(r.accepted[0].event)]);
    } finally {
      r.server.close();
    }
  });

  it('keeps the same webhook-id on a retry, so a receiver can drop the repeat', async () => {
    const r = await receiver();
    try {
      await run(handlersFor(r.url)['sync.event'], syncEvent('order.activated'), context());
      await run(handlersFor(r.url)['sync.event'], syncEvent('order.activated'), { ...context(), attempt: 2 });
      expect(r.accepted.map((a) => a.headers['webhook-id'])).toEqual([syncEvent('order.activated').eventId, syncEvent('order.activated').eventId]);
    } finally {
      r.server.close();
    }
  });

  it('a signature older than five minutes is rejected by the receiver and not retried', async () => {
    const r = await receiver();
    try {
      const stale = new Date(Date.now() - 6 * 60_000);
      await expect(run(handlersFor(r.url)['sync.event'], syncEvent('order.activated'), context(() => stale))).rejects.toMatchObject({ kind: 'unrecoverable', code: 'delivery_rejected' });
      expect(r.accepted).toHaveLength(0);
      expect(r.rejected).toEqual([expect.stringMatching(/too old/i)]);
    } finally {
      r.server.close();
    }
  });

  it('refuses an unreadable event before sending anything', () => {
    expect(() => handlersFor('http://x')['sync.event'].parse({ version: 1, objectType: 'order', objectId: 'o-9' })).toThrow('type must be a non-empty string');
  });
});
