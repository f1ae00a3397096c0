import type { Role } from '@signet/console-data-access';

export const ROLE_OPTIONS: readonly { value: Role; label: string; hint: string }[] = [
  { value: 'admin', label: 'Admin', hint: 'Configures Signet and manages users' },
  { value: 'sales', label: 'Sales', hint: 'Builds and submits quotes' },
  { value: 'approver', label: 'Approver', hint: 'Approves or rejects requests' },
  { value: 'finance', label: 'Finance', hint: 'Revenue reports and reconciliation' },
  { value: 'integration', label: 'Integration', hint: 'ERP sync and connectors' },
];
