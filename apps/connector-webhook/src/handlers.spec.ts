import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { HANDLERS, assertHandlers } from './handlers';
import type { ConnectorSettings } from './settings';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** A real loopback receiver that verifies signatures and answers with the status we choose. */
function receiver(status: number): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const verifier = new Webhook(SECRET);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(verifier.verify(body, req.headers as Record<string, string>));
      res.writeHead(status).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies })));
}

/** A receiver that verifies like a subscriber does and answers 401 when the signature fails. */
function verifyingReceiver(): Promise<{ server: Server; url: string; accepted: Array<{ headers: Record<string, string>; event: unknown }>; rejected: string[] }> {
  const accepted: Array<{ headers: Record<string, string>; event: unknown }> = [];
  const rejected: string[] = [];
  const verifier = new Webhook(SECRET);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const headers = req.headers as Record<string, string>;
      try {
        accepted.push({ headers, event: verifier.verify(body, headers) });
        res.writeHead(204).end();
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(401).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, accepted, rejected })));
}

function settings(url: string): ConnectorSettings {
  return { redisUrl: undefined, databaseUrl: 'postgres://x', queuePrefix: 'p', targets: [{ url, secret: SECRET }], concurrency: 1, requestTimeoutMs: 2000 };
}

const ping = { version: 1, pingId: 'p-1', connector: 'webhook', requestedBy: 'u', requestedAt: '2026-01-01T00:00:00Z' };
const ctx = (attempt: number) => ({ jobId: 'job-1', attempt, maxAttempts: 3, now: () => new Date('2026-01-01T00:00:05Z') });

describe('webhook connector ping handler', () => {
  it('has exactly one handler per job name', () => expect(() => assertHandlers()).not.toThrow());

  it('delivers a signed CloudEvent and reports success', async () => {
    const r = await receiver(204);
    try {
      const outcome = await HANDLERS['connector.ping'](ping, { ...ctx(1), now: () => new Date() }, settings(r.url));
      expect(outcome.retry).toBe(false);
      expect(outcome.result).toMatchObject({ status: 'succeeded', objectId: 'p-1', attempts: 1 });
      expect(r.bodies).toEqual([expect.objectContaining({ specversion: '1.0', id: 'p-1', type: 'dev.signet.connector.ping' })]);
    } finally {
      r.server.close();
    }
  });

  it.each([
    ['a 503 before the last attempt is retried', 503, 1, true, 'delivery_failed'],
    ['a 503 on the last attempt is reported failed', 503, 3, false, 'delivery_failed'],
    ['a 400 is not retried', 400, 1, false, 'delivery_rejected'],
  ])('%s', async (_label, status, attempt, retry, code) => {
    const r = await receiver(status);
    try {
      const outcome = await HANDLERS['connector.ping'](ping, { ...ctx(attempt), now: () => new Date() }, settings(r.url));
      expect(outcome.retry).toBe(retry);
      expect(outcome.result).toMatchObject({ status: 'failed', error: { code } });
    } finally {
      r.server.close();
    }
  });

  it('treats an unreachable target as retryable', async () => {
    const outcome = await HANDLERS['connector.ping'](ping, ctx(1), settings('http://127.0.0.1:1/hook'));
    expect(outcome.retry).toBe(true);
  });
});

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

describe('webhook connector sync events', () => {
  it.each(['order.activated', 'order.changed', 'order.cancelled'])('posts %s as a signed CloudEvent with the event id as webhook-id', async (type) => {
    const r = await verifyingReceiver();
    try {
      const outcome = await HANDLERS['sync.event'](syncEvent(type), { ...ctx(1), now: () => new Date() }, settings(r.url));
      expect(outcome.retry).toBe(false);
      expect(outcome.result).toMatchObject({ status: 'succeeded', objectType: 'order', objectId: 'o-1', eventId: syncEvent(type).eventId, payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(r.accepted).toHaveLength(1);
      expect(r.accepted[0].headers['webhook-id']).toBe(syncEvent(type).eventId);
      expect(r.accepted[0].headers['content-type']).toBe('application/cloudevents+json');
      expect(r.accepted[0].event).toEqual({
        specversion: '1.0',
        id: syncEvent(type).eventId,
        source: '/signet',
        type: `com.signet.${type}.v1`,
        time: '2026-01-01T09:00:00.000Z',
        datacontenttype: 'application/json',
        subject: 'SO-00042',
        data: order,
      });
    } finally {
      r.server.close();
    }
  });

  it('keeps the same webhook-id on a retry, so a receiver can drop the repeat', async () => {
    const r = await verifyingReceiver();
    try {
      await HANDLERS['sync.event'](syncEvent('order.activated'), { ...ctx(1), now: () => new Date() }, settings(r.url));
      await HANDLERS['sync.event'](syncEvent('order.activated'), { ...ctx(2), now: () => new Date() }, settings(r.url));
      expect(r.accepted.map((a) => a.headers['webhook-id'])).toEqual([syncEvent('order.activated').eventId, syncEvent('order.activated').eventId]);
      expect(r.accepted[0].headers['webhook-signature']).not.toBe('');
    } finally {
      r.server.close();
    }
  });

  it('a signature older than five minutes is rejected by the receiver and not retried', async () => {
    const r = await verifyingReceiver();
    try {
      const stale = new Date(Date.now() - 6 * 60_000);
      const outcome = await HANDLERS['sync.event'](syncEvent('order.activated'), { ...ctx(1), now: () => stale }, settings(r.url));
      expect(r.accepted).toHaveLength(0);
      expect(r.rejected).toEqual([expect.stringMatching(/too old/i)]);
      expect(outcome).toMatchObject({ retry: false, result: { status: 'failed', error: { code: 'delivery_rejected' } } });
    } finally {
      r.server.close();
    }
  });

  it('reports an unreadable event as failed without retrying', async () => {
    const outcome = await HANDLERS['sync.event']({ version: 1, objectType: 'order', objectId: 'o-9' }, ctx(1), settings('http://127.0.0.1:1/hook'));
    expect(outcome).toMatchObject({ retry: false, result: { status: 'failed', objectId: 'o-9', error: { code: 'invalid_payload' } } });
  });
});
