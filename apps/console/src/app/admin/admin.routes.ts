import type { Route } from '@angular/router';

export const adminRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./admin-layout').then((m) => m.AdminLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'users', title: 'Users · Signet', loadComponent: () => import('./users-page').then((m) => m.UsersPage) },
      { path: 'api-keys', title: 'API keys · Signet', loadComponent: () => import('./api-keys-page').then((m) => m.ApiKeysPage) },
      { path: 'notifications', title: 'Email templates · Signet', loadComponent: () => import('./notification-templates-page').then((m) => m.NotificationTemplatesPage) },
      { path: 'calendar', title: 'Business calendar · Signet', loadComponent: () => import('./business-calendar-page').then((m) => m.BusinessCalendarPage) },
      { path: 'audit', title: 'Audit log · Signet', loadComponent: () => import('./audit-page').then((m) => m.AuditPage) },
    ],
  },
];
