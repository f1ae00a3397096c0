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
