import { createActivatedOrders, type Stack } from '@signet/testing';
import {
  describeOutcome,
  documentsOf,
  erpConnectorsUnderTest,
  startAcceptanceStack,
  settled,
  TEST_EXTERNAL_IDS,
  settleWithin,
  waitUntilSynced,
} from './support/sync-acceptance';

/**
 * Issue 7 acceptance: a connector process killed with SIGKILL mid-run (no graceful shutdown, jobs
 * active, requests in flight, some writes committed in the ERP but never acknowledged) and
 * started again → no order lost, none duplicated.
 */
const ORDERS = 200;
/** Latency keeps the run long enough to be cut in the middle; the faults put retries in flight. */
const FAULTS = { latencyMs: 25, errorRate: 0.05, timeoutAfterCommitRate: 0.02, seed: 7 };
const KILL_AT = 50;
// A killed worker's active jobs come back once BullMQ sees their lock expire (stalled check).
const SYNC_WAIT_MS = 3 * 60_000;
const connectors = erpConnectorsUnderTest();
const log = (line: string) => process.stdout.write(`[sync-kill] ${line}\n`);

describe(`ERP sync acceptance: SIGKILL of the connector mid-run (${connectors.join(', ')})`, () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startAcceptanceStack('sync_kill', connectors, FAULTS);
  }, 120_000);
  afterAll(() => stack?.stop(), 60_000);

  it(
    'loses no order and duplicates none when the connector dies with SIGKILL and is restarted',
    async () => {
      const started = Date.now();
      // Watch the ERP while the orders are being activated, and kill when it is partly synced.
      let stopWatching = false;
      const killed = (async () => {
        while (!stopWatching) {
          const held = (await documentsOf(connectors[0], stack.erpSimUrl).catch(() => [])).length;
          if (held >= KILL_AT) {
            const pids = connectors.map((c) => stack.process(`connector-${c}`).pid);
            await Promise.all(connectors.map((c) => stack.process(`connector-${c}`).kill('SIGKILL')));
            log(`SIGKILL to ${connectors.join(', ')} (pids ${pids.join(', ')}) with ${held} of ${ORDERS} orders in ${connectors[0]} after ${Date.now() - started} ms`);
            await new Promise((r) => setTimeout(r, 1000));
            for (const c of connectors) await stack.restart(`connector-${c}`);
            log(`restarted ${connectors.join(', ')}`);
            return held;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return undefined;
      })();

      const batch = await createActivatedOrders(stack, { count: ORDERS, label: 'kill', externalIds: TEST_EXTERNAL_IDS, concurrency: 4 });
      log(`made ${ORDERS} activated orders in ${Date.now() - started} ms`);
      const heldAtKill = await settleWithin(killed, 60_000);
      stopWatching = true;
      // Mid-run: the kill happened, and before the ERP had everything.
      expect(heldAtKill).toBeDefined();
      expect(heldAtKill).toBeLessThan(ORDERS);

      const results = await waitUntilSynced(stack, connectors, batch.orders, SYNC_WAIT_MS, log);
      log(`settled after ${Date.now() - started} ms: ${results.map(describeOutcome).join(' | ')}`);
      for (const result of results) {
        expect(settled(result) ? `${result.connector} settled` : describeOutcome(result)).toBe(`${result.connector} settled`);
        expect(result.erp.stored).toBe(ORDERS);
        expect(result.erp.duplicated).toEqual({});
      }
    },
    SYNC_WAIT_MS + 3 * 60_000,
  );
});
