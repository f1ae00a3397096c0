/**
 * Every queue Signet uses, in one place. Connector queues are named per connector so that a
 * slow ERP never holds back another one; all connectors report on the one results queue.
 */
export enum QueueName {
  ConnectorWebhook = 'connector-webhook',
  ConnectorSap = 'connector-sap',
  ConnectorNetsuite = 'connector-netsuite',
  SyncResults = 'sync-results',
}

/** Job names. A worker must have exactly one handler for every job name of its queue. */
export enum JobName {
  /** Connectivity check: the connector proves it can reach its targets. */
  ConnectorPing = 'connector.ping',
  /** A connector's report on a job it processed. */
  SyncResult = 'sync.result',
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
