import type { Role } from '@signet/console-data-access';

export interface NavItem {
  path: string;
  label: string;
  /** Who sees the entry; empty means everyone signed in. */
  roles: Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: 'Dashboard', roles: [] },
  { path: '/quotes', label: 'Quotes', roles: ['admin', 'sales', 'approver', 'finance'] },
  { path: '/catalogue', label: 'Catalogue', roles: ['admin', 'sales', 'approver', 'finance'] },
  { path: '/approvals', label: 'Approvals', roles: ['admin', 'sales', 'approver'] },
  { path: '/orders', label: 'Orders', roles: ['admin', 'sales', 'finance'] },
  { path: '/contracts', label: 'Contracts', roles: ['admin', 'sales', 'finance'] },
  { path: '/account-360', label: 'Account 360', roles: ['admin', 'sales', 'finance'] },
  { path: '/revenue', label: 'Revenue', roles: ['admin', 'finance'] },
  { path: '/integrations', label: 'Integrations', roles: ['admin', 'integration'] },
  { path: '/integrations/reconciliation', label: 'Reconciliation', roles: ['admin', 'finance', 'integration'] },
  { path: '/admin/users', label: 'Admin', roles: ['admin'] },
];
