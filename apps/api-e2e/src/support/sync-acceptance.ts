import {
  type ActivatedOrder,
  type ErpDocument,
  exactlyOnce,
  type ExactlyOnceReport,
  isExactlyOnce,
  judgeLedger,
  ledgerCount,
  ledgerRows,
  type LedgerVerdict,
  netsuiteDocuments,
  REPO_ROOT,
  sapDocuments,
  type Stack,
  startStack,
} from '@signet/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ErpConnector = 'sap' | 'netsuite';

/**
 * The ERP connectors under test: SAP always (the acceptance criterion names it), NetSuite when its
 * app exists. Decided by the source tree, not by what happens to be built, so a missing build
 * fails loudly in `startApp` instead of shrinking the test. `SYNC_ACCEPTANCE_CONNECTORS`
 * (comma-separated) narrows the run by hand, e.g. to reproduce a NetSuite-only failure.
 */
export function erpConnectorsUnderTest(): ErpConnector[] {
  const chosen = process.env['SYNC_ACCEPTANCE_CONNECTORS'];
  if (chosen) {
    const list = chosen.split(',').map((c) => c.trim());
    for (const c of list) if (c !== 'sap' && c !== 'netsuite') throw new Error(`SYNC_ACCEPTANCE_CONNECTORS: unknown ERP connector '${c}'`);
    return list as ErpConnector[];
  }
  return existsSync(join(REPO_ROOT, 'apps', 'connector-netsuite', 'project.json')) ? ['sap', 'netsuite'] : ['sap'];
}

/** ERP ids of the test account: the SAP sold-to party and the NetSuite customer the simulators accept. */
export const TEST_EXTERNAL_IDS = { sap: '17100001', netsuite: '4711' };

/**
 * API settings that make a test run fast: the relay polls often (NOTIFY wakes it anyway) and the
 * redelivery sweep looks for lost jobs after a few seconds instead of a minute.
 */
export const FAST_API_ENV = {
  SYNC_RELAY_POLL_MS: '500',
  SYNC_REDELIVERY_SECONDS: '5',
};

/**
 * Connector settings (connector-core's `<PREFIX>_CONCURRENCY` and `<PREFIX>_TIMEOUT_MS`) that keep
 * the run short: a write the simulator holds after committing (timeout after commit) is given up
 * after 2 s instead of 10–30 s. NetSuite stays under the simulator's concurrency limit of 5.
 * SAP's inbound poll is off: these tests are about outbound orders, and its repeatable job sits
 * in the queue as "delayed" forever, which would read as a sync job still in flight.
 */
export const FAST_CONNECTOR_ENV: Record<string, string> = {
  SAP_CONCURRENCY: '8',
  SAP_TIMEOUT_MS: '2000',
  SAP_POLL_INTERVAL_MS: '0',
  NETSUITE_CONCURRENCY: '4',
  NETSUITE_TIMEOUT_MS: '2000',
};

/**
 * The stack every acceptance suite runs: queues on Redis (the shared one, or `redisUrl`), the ERP
 * connectors under test as processes with fast timeouts, the simulator with the suite's faults.
 */
export function startAcceptanceStack(label: string, connectors: ErpConnector[], faults: Record<string, number>, redisUrl?: string): Promise<Stack> {
  return startStack(label, {
    engine: 'redis',
    ...(redisUrl ? { redisUrl } : {}),
    connectors,
    env: FAST_API_ENV,
    connectorEnv: FAST_CONNECTOR_ENV,
    simEnv: { ERP_SIM_FAULTS: JSON.stringify(faults) },
  });
}

export function documentsOf(connector: ErpConnector, simUrl: string): Promise<ErpDocument[]> {
  return connector === 'sap' ? sapDocuments(simUrl) : netsuiteDocuments(simUrl);
}

export interface ConnectorOutcome {
  connector: ErpConnector;
  erp: ExactlyOnceReport;
  ledger: LedgerVerdict;
  /** Jobs still waiting, active or delayed in the connector's queue. */
  inFlight: number;
}

interface ConnectorStatus {
  id: string;
  queue: { waiting: number; active: number; delayed: number };
}

async function inFlight(stack: Stack, connector: ErpConnector): Promise<number> {
  const response = await stack.admin.get<ConnectorStatus[]>('/api/sync/connectors');
  const status = Array.isArray(response.body) ? response.body.find((c) => c.id === connector) : undefined;
  if (!status) throw new Error(`GET /api/sync/connectors: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  return status.queue.waiting + status.queue.active + status.queue.delayed;
}

/** The whole verdict for one connector: what the ERP holds, what the ledger says, what is in flight. */
export async function outcome(stack: Stack, connector: ErpConnector, orders: readonly ActivatedOrder[]): Promise<ConnectorOutcome> {
  const documents = await documentsOf(connector, stack.erpSimUrl);
  const rows = await ledgerRows(stack.admin, connector);
  return {
    connector,
    erp: exactlyOnce(
      orders.map((o) => o.number),
      documents,
    ),
    ledger: judgeLedger(
      orders.map((o) => o.id),
      rows,
    ),
    inFlight: await inFlight(stack, connector),
  };
}

export function settled(result: ConnectorOutcome): boolean {
  return isExactlyOnce(result.erp) && result.ledger.missing.length === 0 && result.ledger.notSucceeded.length === 0 && result.inFlight === 0;
}

/** A short, readable summary for the failure message (never 1,000 ids). */
export function describeOutcome(result: ConnectorOutcome): string {
  const head = (list: readonly unknown[]) => `${list.length}${list.length ? ` e.g. ${JSON.stringify(list.slice(0, 5))}` : ''}`;
  return [
    `${result.connector}: ERP holds ${result.erp.stored} documents for ${result.erp.expected} orders`,
    `missing ${head(result.erp.missing)}`,
    `duplicated ${head(Object.entries(result.erp.duplicated))}`,
    `unexpected ${head(result.erp.unexpected)}`,
    `ledger missing ${head(result.ledger.missing)}`,
    `ledger not succeeded ${head(result.ledger.notSucceeded)}`,
    `in flight ${result.inFlight}`,
  ].join('; ');
}

/**
 * Waits until every connector has every order exactly once in its ERP, a `succeeded` ledger row
 * for each and nothing left in its queue — or the time is up. Duplicates never go away, so the
 * wait stops early when one appears. Returns the last outcome of each connector.
 */
export async function waitUntilSynced(
  stack: Stack,
  connectors: readonly ErpConnector[],
  orders: readonly ActivatedOrder[],
  timeoutMs: number,
  log: (line: string) => void = () => undefined,
): Promise<ConnectorOutcome[]> {
  const deadline = Date.now() + timeoutMs;
  let lastLog = 0;
  for (;;) {
    // Cheap progress first: the full comparison pages through the ledger.
    const succeeded = await Promise.all(connectors.map((c) => ledgerCount(stack.admin, c, 'succeeded')));
    const now = Date.now();
    if (now - lastLog > 10_000) {
      log(`progress: ${connectors.map((c, i) => `${c} ${succeeded[i]}/${orders.length} succeeded`).join(', ')}`);
      lastLog = now;
    }
    if (succeeded.every((n) => n >= orders.length) || now > deadline) {
      const results = await Promise.all(connectors.map((c) => outcome(stack, c, orders)));
      const duplicated = results.some((r) => Object.keys(r.erp.duplicated).length > 0);
      if (results.every(settled) || duplicated || Date.now() > deadline) return results;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The promise's value, or undefined when it has not settled within `ms` (the timer never outlives it). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
