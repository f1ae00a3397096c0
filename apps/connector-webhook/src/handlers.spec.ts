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
