import { createActivatedOrders, type OrderBatch, type Stack, simFaults } from '@signet/testing';
import {
  describeOutcome,
  erpConnectorsUnderTest,
  startAcceptanceStack,
  settled,
  TEST_EXTERNAL_IDS,
  waitUntilSynced,
} from './support/sync-acceptance';

/**
 * Issue 7 acceptance: 1,000 activated orders through real Redis, the outbox, the relay, the
 * connectors and a simulated ERP that fails 10 % of writes with a server error, answers 5 % with
 * 429 and stores 2 % without ever answering (timeout after commit) → every order exists exactly
 * once in the ERP and the ledger says `succeeded` for each.
 */
const ORDERS = 1_000;
const FAULTS = { errorRate: 0.1, rateLimitRate: 0.05, timeoutAfterCommitRate: 0.02, retryAfterSeconds: 1, seed: 20261128 };
const SYNC_WAIT_MS = 6 * 60_000;
const connectors = erpConnectorsUnderTest();
const log = (line: string) => process.stdout.write(`[sync-faults] ${line}\n`);

describe(`ERP sync acceptance: ${ORDERS} orders through faults (${connectors.join(', ')})`, () => {
  let stack: Stack;
  let batch: OrderBatch;

  beforeAll(async () => {
    stack = await startAcceptanceStack('sync_faults', connectors, FAULTS);
  }, 120_000);
  afterAll(() => stack?.stop(), 60_000);

  it(
    'every order exists exactly once in each simulated ERP and the ledger says succeeded for every one',
    async () => {
      const started = Date.now();
      batch = await createActivatedOrders(stack, { count: ORDERS, label: 'faults', externalIds: TEST_EXTERNAL_IDS, concurrency: 6 });
      log(`made ${ORDERS} activated orders in ${Date.now() - started} ms ${JSON.stringify(batch.timings)}`);

      const results = await waitUntilSynced(stack, connectors, batch.orders, SYNC_WAIT_MS, log);
      log(`settled after ${Date.now() - started} ms: ${results.map(describeOutcome).join(' | ')}`);

      // The faults really happened: otherwise this test would prove nothing about them.
      const injected = await simFaults(stack.erpSimUrl);
      log(`faults injected: ${JSON.stringify(injected.counts)}`);
      expect(injected.counts.error).toBeGreaterThan(0);
      expect(injected.counts['rate-limit']).toBeGreaterThan(0);
      expect(injected.counts['timeout-after-commit']).toBeGreaterThan(0);

      for (const result of results) {
        expect(settled(result) ? `${result.connector} settled` : describeOutcome(result)).toBe(`${result.connector} settled`);
        expect(result.erp.stored).toBe(ORDERS);
        expect(result.erp.duplicated).toEqual({});
        expect(result.erp.missing).toEqual([]);
        expect(result.ledger.notSucceeded).toEqual([]);
      }
    },
    SYNC_WAIT_MS + 4 * 60_000,
  );
});
