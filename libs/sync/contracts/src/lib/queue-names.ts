/**
 * Every queue Signet uses, in one place. Connector queues are named per connector so that a
 * slow ERP never holds back another one; all connectors report on the one results queue.
 */
export enum QueueName {
  ConnectorWebhook = 'connector-webhook',
  ConnectorSap = 'connector-sap',
  ConnectorNetsuite = 'connector-netsuite',
  SyncResults = 'sync-results',
  /** Future-dated order activations: one delayed job per order, id derived from the order id. */
  OrderActivation = 'order-activation',
  /** Contract housekeeping: renewal quotes N days before the end, expiry after it. */
  ContractRenewals = 'contract-renewals',
}

/** Job names. A worker must have exactly one handler for every job name of its queue. */
export enum JobName {
  /** Connectivity check: the connector proves it can reach its targets. */
  ConnectorPing = 'connector.ping',
  /** A connector's report on a job it processed. */
  SyncResult = 'sync.result',
  /** Activates one draft order on its scheduled date (data: OrderActivationJob). */
  OrderActivate = 'order.activate',
  /** Generates due renewal quotes and expires ended contracts. */
  ContractRenewalSweep = 'contract.renewal-sweep',
}

/** Deterministic job ids: one activation job per order, so scheduling twice never duplicates it. */
export function orderActivationJobId(orderId: string): string {
  return `activate-${orderId}`;
}

export interface OrderActivationJob {
  readonly orderId: string;
  /** The business date the order activates on (YYYY-MM-DD). */
  readonly on: string;
}

export type ConnectorId = 'webhook' | 'sap' | 'netsuite';

export const CONNECTOR_QUEUES: Readonly<Record<ConnectorId, QueueName>> = {
  webhook: QueueName.ConnectorWebhook,
  sap: QueueName.ConnectorSap,
  netsuite: QueueName.ConnectorNetsuite,
};

export const CONNECTOR_IDS: readonly ConnectorId[] = ['webhook', 'sap', 'netsuite'];

export function isConnectorId(value: string): value is ConnectorId {
  return (CONNECTOR_IDS as readonly string[]).includes(value);
}
