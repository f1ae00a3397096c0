/**
 * Every queue Signet uses, in one place. Connector queues are named per connector so that a
 * slow ERP never holds back another one; all connectors report on the one results queue.
 */
export enum QueueName {
  ConnectorWebhook = 'connector-webhook',
  ConnectorSap = 'connector-sap',
  ConnectorNetsuite = 'connector-netsuite',
  SyncResults = 'sync-results',
  /** Facts from ERPs (fulfilment, invoices) that connectors poll, consumed by the API. */
  SyncInbound = 'sync-inbound',
  /** Approval notifications: email deliveries, digests, chat posts, reminder and escalation timers. */
  Notifications = 'notifications',
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
  /** One canonical ERP event for one connector (data: SyncEventPayload). */
  SyncEvent = 'sync.event',
  /** One fulfilment or invoice fact from an ERP (data: InboundFactPayload). */
  InboundFact = 'sync.inbound-fact',
  /** A connector's periodic look at its ERP for new facts (repeatable job). */
  InboundPoll = 'sync.inbound-poll',
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
