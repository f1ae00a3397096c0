/**
 * Every queue Signet uses, in one place. Connector queues are named per connector so that a
 * slow ERP never holds back another one; all connectors report on the one results queue.
 */
export enum QueueName {
  ConnectorWebhook = 'connector-webhook',
  ConnectorSap = 'connector-sap',
  ConnectorNetsuite = 'connector-netsuite',
  SyncResults = 'sync-results',
  /** Approval notifications: email deliveries, digests, chat posts, reminder and escalation timers. */
  Notifications = 'notifications',
}

/** Job names. A worker must have exactly one handler for every job name of its queue. */
export enum JobName {
  /** Connectivity check: the connector proves it can reach its targets. */
  ConnectorPing = 'connector.ping',
  /** A connector's report on a job it processed. */
  SyncResult = 'sync.result',
  /** Send one notification email (immediate mode), at its due time. */
  NotificationDeliver = 'notification.deliver',
  /** Send a user's digest of everything due by now. */
  NotificationDigest = 'notification.digest',
  /** Post an approval message to a rule's chat webhook. */
  NotificationChat = 'notification.chat',
  /** Remind a request's assignees after the rule's business hours. */
  ApprovalReminder = 'approval.reminder',
  /** Add the rule's escalation approver to a request still open after its business hours. */
  ApprovalEscalation = 'approval.escalation',
}

/** Job names handled on the notifications queue. */
export const NOTIFICATION_JOBS: readonly JobName[] = [
  JobName.NotificationDeliver,
  JobName.NotificationDigest,
  JobName.NotificationChat,
  JobName.ApprovalReminder,
  JobName.ApprovalEscalation,
];

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
