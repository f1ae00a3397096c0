import type { ConnectorId } from '@signet/sync-contracts';
import type { ConnectorSettings } from '../config/configuration';

export interface ConnectorStatus {
  id: ConnectorId;
  name: string;
  enabled: boolean;
  /** Why it is disabled, in words an admin can act on. */
  reason: string | null;
}

/** A connector is enabled when its settings are present (twelve-factor, see DESIGN.md §4). */
export function connectorStatuses(settings: ConnectorSettings): ConnectorStatus[] {
  const entry = (id: ConnectorId, name: string, setting: string, envName: string): ConnectorStatus => ({
    id,
    name,
    enabled: setting.trim().length > 0,
    reason: setting.trim().length > 0 ? null : `Set ${envName} to enable it.`,
  });
  return [
    entry('webhook', 'Webhooks (CloudEvents)', settings.webhookTargets, 'WEBHOOK_TARGETS'),
    entry('sap', 'SAP S/4HANA', settings.sapBaseUrl, 'SAP_BASE_URL'),
    entry('netsuite', 'NetSuite', settings.netsuiteBaseUrl, 'NETSUITE_BASE_URL'),
  ];
}

export type ConnectorHealthState = 'ok' | 'degraded' | 'paused' | 'disabled';

export interface HealthInputs {
  enabled: boolean;
  paused: boolean;
  deadLetters: number;
  failedJobs: number;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

/**
 * disabled (no settings) > paused (an admin paused its queue) > degraded (dead letters waiting,
 * failed jobs, or the latest outcome was a failure) > ok.
 */
export function connectorHealth(inputs: HealthInputs): ConnectorHealthState {
  if (!inputs.enabled) return 'disabled';
  if (inputs.paused) return 'paused';
  const failingLately = inputs.lastFailureAt !== null && (inputs.lastSuccessAt === null || inputs.lastFailureAt > inputs.lastSuccessAt);
  if (inputs.deadLetters > 0 || inputs.failedJobs > 0 || failingLately) return 'degraded';
  return 'ok';
}
