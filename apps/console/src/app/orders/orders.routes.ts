import type { Route } from '@angular/router';
import { roleGuard } from '../core/guards';

export const ordersRoutes: Route[] = [
  {
    path: '',
    title: 'Orders · Signet',
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'new',
    title: 'Create orders · Signet',
    canActivate: [roleGuard('admin', 'sales')],
    loadComponent: () =>
      import('./create-orders-wizard').then((m) => m.CreateOrdersWizard),
  },
  {
    path: 'board/:quoteId',
    title: 'Orders of a quote · Signet',
    loadComponent: () => import('./draft-board').then((m) => m.DraftBoard),
  },
  {
    path: ':id',
    title: 'Order · Signet',
    loadComponent: () => import('./order-page').then((m) => m.OrderPage),
  },
];
