import { exactlyOnce, freePort, type ErpDocument, isExactlyOnce, judgeLedger, type LedgerRow, startApp, startPrivateRedis, WEBHOOK_SECRET } from '@signet/testing';
import IORedis from 'ioredis';

/** The tooling the ERP sync acceptance tests stand on: if it lied, they would prove nothing. */
describe('sync acceptance tooling', () => {
  const doc = (key: string): ErpDocument => ({ key, erpId: `E-${key}`, raw: {} });

  it.each([
    ['all once', ['A', 'B'], ['A', 'B'], { missing: [], duplicated: {}, unexpected: [] }, true],
    ['one missing', ['A', 'B'], ['A'], { missing: ['B'], duplicated: {}, unexpected: [] }, false],
    ['one twice', ['A', 'B'], ['A', 'B', 'B'], { missing: [], duplicated: { B: 2 }, unexpected: [] }, false],
    ['a stranger', ['A'], ['A', 'Z'], { missing: [], duplicated: {}, unexpected: ['Z'] }, false],
  ])('exactlyOnce: %s', (_name, expected, stored, report, ok) => {
    const result = exactlyOnce(expected, stored.map(doc));
    expect(result).toMatchObject(report);
    expect(isExactlyOnce(result)).toBe(ok);
  });

  it('judgeLedger names orders without a row, with a failed row and with two rows', () => {
    const row = (objectId: string, status: string): LedgerRow => ({
      id: `${objectId}-${status}`,
      connector: 'sap',
      objectType: 'order',
      objectId,
      status,
      attempts: 1,
      erpId: null,
      errorCode: status === 'failed' ? 'missing_erp_id' : null,
      errorMessage: status === 'failed' ? 'no SAP id' : null,
    });
    const verdict = judgeLedger(['a', 'b', 'c', 'd'], [row('a', 'succeeded'), row('b', 'failed'), row('d', 'succeeded'), row('d', 'succeeded')]);
    expect(verdict).toEqual({
      missing: ['c'],
      notSucceeded: [{ objectId: 'b', status: 'failed', error: 'missing_erp_id: no SAP id' }],
      repeated: ['d'],
    });
  });

  it('a private redis-server comes back empty after a restart, on the same port', async () => {
    const redis = await startPrivateRedis();
    const client = new IORedis(redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.set('k', 'v');
      expect(await redis.dbsize()).toBe(1);
      await redis.stop();
      expect(redis.running).toBe(false);
      await redis.start();
      expect(redis.running).toBe(true);
      expect(await redis.dbsize()).toBe(0);
      // A client that lived through the outage reconnects by itself (as BullMQ's connections do).
      expect(await client.get('k')).toBeNull();
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it('kill(SIGKILL) ends a process at once; the same app starts again on its port', async () => {
    const port = await freePort();
    const sim = await startApp('erp-sim', { ERP_SIM_PORT: String(port), ERP_SIM_WEBHOOK_SECRET: WEBHOOK_SECRET }, { port, readyPath: '/health', timeoutMs: 20_000 });
    await sim.kill('SIGKILL');
    expect(sim.exited).toBe(true);
    await expect(fetch(`${sim.baseUrl}/health`)).rejects.toThrow();
    await sim.stop(); // a no-op on a dead process, never a hang
    const again = await startApp(sim.started.app, sim.started.env, { port: sim.started.port, readyPath: '/health' });
    try {
      expect(again.baseUrl).toBe(sim.baseUrl);
      expect((await fetch(`${again.baseUrl}/health`)).status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 60_000);
});
