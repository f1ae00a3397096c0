import { createActivatedOrders, eventually, type PrivateRedis, type Stack, startPrivateRedis, startStack } from '@signet/testing';
import {
  describeOutcome,
  documentsOf,
  erpConnectorsUnderTest,
  FAST_API_ENV,
  startAcceptanceStack,
  settled,
  TEST_EXTERNAL_IDS,
  settleWithin,
  waitUntilSynced,
} from './support/sync-acceptance';

/**
 * Issue 7 acceptance: Redis stopped mid-run and started again empty (every queued, delayed and
 * active job and every unconsumed result is gone) → the outbox's redelivery sweep publishes what
 * the ledger still has pending, and no order is lost or duplicated. Runs on a private
 * `redis-server` so the shared one is never touched.
 */
const ORDERS = 200;
const FAULTS = { latencyMs: 25, errorRate: 0.05, seed: 11 };
const STOP_AT = 50;
const OUTAGE_MS = 3_000;
const SYNC_WAIT_MS = 3 * 60_000;
const connectors = erpConnectorsUnderTest();
const log = (line: string) => process.stdout.write(`[sync-redis] ${line}\n`);

interface ConnectorQueue {
  id: string;
  queue: { waiting: number; active: number; delayed: number };
}

/**
 * The API's half on its own, with no connector consuming: what the queue lost, the outbox puts
 * back — both the jobs Redis held when it died and the events committed while it was away.
 */
describe('outbox redelivery across a Redis restart (API only)', () => {
  let redis: PrivateRedis;
  let stack: Stack;
  const waiting = async () => {
    const response = await stack.admin.get<ConnectorQueue[]>('/api/sync/connectors');
    return response.body.find((c) => c.id === 'webhook')?.queue.waiting;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stack = await startStack('sync_redis_api', { engine: 'redis', redisUrl: redis.url, connector: false, env: FAST_API_ENV });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  }, 60_000);

  it('re-publishes every pending job that an empty Redis lost, once', async () => {
    await createActivatedOrders(stack, { count: 50, label: 'lost' });
    await eventually(async () => ((await waiting()) === 50 ? true : undefined), 30_000);
    expect(await redis.dbsize()).toBeGreaterThan(0);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();
    expect(await redis.dbsize()).toBe(0);
    await eventually(async () => ((await waiting()) === 50 ? true : undefined), 60_000, 500);
    // The same job ids: a second sweep finds them queued and adds nothing.
    await new Promise((r) => setTimeout(r, Number(FAST_API_ENV.SYNC_REDELIVERY_SECONDS) * 1000 + 1500));
    expect(await waiting()).toBe(50);
  }, 120_000);

  it('publishes the events committed while Redis was down once it is back', async () => {
    await redis.stop();
    // Activations need no Redis: they commit the order and its outbox row, and answer.
    const made = createActivatedOrders(stack, { count: 10, label: 'outage' });
    const answered = await settleWithin(made, 20_000);
    expect(redis.running).toBe(false);
    await redis.start();
    expect(answered?.orders).toHaveLength(10);
    // The 10 new events, and again the 50 of the first test that this restart lost as well.
    let last: number | undefined;
    await eventually(async () => ((last = await waiting()) === 60 ? true : undefined), 60_000, 500).catch((error: Error) => {
      throw new Error(`${error.message}; ${last} jobs waiting`);
    });
    expect(stack.processes.filter((p) => p.exited).map((p) => p.name)).toEqual([]);
  }, 120_000);
});

describe(`ERP sync acceptance: Redis restarted empty mid-run (${connectors.join(', ')})`, () => {
  let redis: PrivateRedis;
  let stack: Stack;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stack = await startAcceptanceStack('sync_redis', connectors, FAULTS, redis.url);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  }, 60_000);

  it(
    'redelivers from the outbox after Redis comes back empty: nothing lost, nothing duplicated',
    async () => {
      const started = Date.now();
      let stopWatching = false;
      const restarted = (async () => {
        while (!stopWatching) {
          const held = (await documentsOf(connectors[0], stack.erpSimUrl).catch(() => [])).length;
          if (held >= STOP_AT) {
            const keysBefore = await redis.dbsize();
            await redis.stop();
            log(`Redis stopped with ${keysBefore} keys, ${held} of ${ORDERS} orders in ${connectors[0]}, after ${Date.now() - started} ms`);
            await new Promise((r) => setTimeout(r, OUTAGE_MS));
            await redis.start();
            log(`Redis started again on port ${redis.port}, empty`);
            return { held, keysBefore };
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return undefined;
      })();

      const batch = await createActivatedOrders(stack, { count: ORDERS, label: 'redis', externalIds: TEST_EXTERNAL_IDS, concurrency: 4 });
      log(`made ${ORDERS} activated orders in ${Date.now() - started} ms`);
      const outage = await settleWithin(restarted, 60_000);
      stopWatching = true;
      // Mid-run, and Redis really held the run's state when it went away.
      expect(outage).toBeDefined();
      expect(outage?.held).toBeLessThan(ORDERS);
      expect(outage?.keysBefore).toBeGreaterThan(0);

      const results = await waitUntilSynced(stack, connectors, batch.orders, SYNC_WAIT_MS, log);
      log(`settled after ${Date.now() - started} ms: ${results.map(describeOutcome).join(' | ')}`);
      for (const result of results) {
        expect(settled(result) ? `${result.connector} settled` : describeOutcome(result)).toBe(`${result.connector} settled`);
        expect(result.erp.stored).toBe(ORDERS);
        expect(result.erp.duplicated).toEqual({});
      }
      // The processes lived through the outage (they reconnect instead of dying).
      expect(stack.processes.filter((p) => p.exited).map((p) => p.name)).toEqual([]);
    },
    SYNC_WAIT_MS + 3 * 60_000,
  );
});
