import type { Route } from '@angular/router';

export const contractsRoutes: Route[] = [
  {
    path: '',
    title: 'Contracts · Signet',
    loadComponent: () =>
      import('./contracts-page').then((m) => m.ContractsPage),
  },
  {
    path: ':id',
    title: 'Contract · Signet',
    loadComponent: () => import('./contract-page').then((m) => m.ContractPage),
  },
];

export const account360Routes: Route[] = [
  {
    path: '',
    title: 'Account 360 · Signet',
    loadComponent: () =>
      import('./account-360-page').then((m) => m.Account360Page),
  },
  {
    path: ':id',
    title: 'Account 360 · Signet',
    loadComponent: () =>
      import('./account-360-page').then((m) => m.Account360Page),
  },
];
