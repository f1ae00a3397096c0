import type { Route } from '@angular/router';
import { roleGuard, signedInGuard } from './core/guards';

export const appRoutes: Route[] = [
  { path: 'login', title: 'Sign in · Signet', loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
  // One-tap links from approval emails: no sign-in, the signed link is the credential.
  { path: 'a/:token', title: 'Approval · Signet', loadComponent: () => import('./approval-link/approval-link-page').then((m) => m.ApprovalLinkPage) },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      { path: 'dashboard', title: 'Dashboard · Signet', loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage) },
      {
        path: 'quotes',
        canActivate: [roleGuard('admin', 'sales', 'approver', 'finance')],
        loadChildren: () => import('./quotes/quotes.routes').then((m) => m.quotesRoutes),
      },
      {
        path: 'catalogue',
        canActivate: [roleGuard('admin', 'sales', 'approver', 'finance')],
        loadChildren: () => import('./catalogue/catalogue.routes').then((m) => m.catalogueRoutes),
      },
      { path: 'notifications', title: 'Notifications · Signet', loadComponent: () => import('./notifications/notifications-page').then((m) => m.NotificationsPage) },
      {
        path: 'notifications/preferences',
        title: 'Email preferences · Signet',
        loadComponent: () => import('./notifications/preferences-page').then((m) => m.PreferencesPage),
      },
      {
        path: 'integrations/reconciliation',
        title: 'Reconciliation · Signet',
        canActivate: [roleGuard('admin', 'finance', 'integration')],
        loadComponent: () => import('./integrations/reconciliation-page').then((m) => m.ReconciliationPage),
      },
      {
        path: 'integrations/mail',
        title: 'Mail · Signet',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./integrations/mail-outbox-page').then((m) => m.MailOutboxPage),
      },
      {
        path: 'orders',
        canActivate: [roleGuard('admin', 'sales', 'finance')],
        loadChildren: () => import('./orders/orders.routes').then((m) => m.ordersRoutes),
      },
      {
        path: 'contracts',
        canActivate: [roleGuard('admin', 'sales', 'finance')],
        loadChildren: () => import('./contracts/contracts.routes').then((m) => m.contractsRoutes),
      },
      {
        path: 'account-360',
        canActivate: [roleGuard('admin', 'sales', 'finance')],
        loadChildren: () => import('./contracts/contracts.routes').then((m) => m.account360Routes),
      },
      {
        path: 'integrations',
        title: 'Integrations · Signet',
        canActivate: [roleGuard('admin', 'integration')],
        loadComponent: () => import('./integrations/integrations-page').then((m) => m.IntegrationsPage),
      },
      {
        path: 'admin',
        canActivate: [roleGuard('admin')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'approvals',
        canActivate: [roleGuard('admin', 'sales', 'approver')],
        loadChildren: () => import('./approvals/approvals.routes').then((m) => m.approvalsRoutes),
      },
      { path: 'forbidden', title: 'Not allowed · Signet', loadComponent: () => import('./areas/forbidden-page').then((m) => m.ForbiddenPage) },
      { path: ':area', loadComponent: () => import('./areas/area-page').then((m) => m.AreaPage) },
    ],
  },
];
