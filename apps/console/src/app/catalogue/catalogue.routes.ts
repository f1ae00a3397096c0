import type { Route } from '@angular/router';

export const catalogueRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./catalogue-layout').then((m) => m.CatalogueLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'products' },
      { path: 'products', title: 'Products · Signet', loadComponent: () => import('./products-page').then((m) => m.ProductsPage) },
      { path: 'accounts', title: 'Accounts · Signet', loadComponent: () => import('./accounts-page').then((m) => m.AccountsPage) },
      { path: 'accounts/:id', title: 'Account · Signet', loadComponent: () => import('./account-detail-page').then((m) => m.AccountDetailPage) },
      { path: 'fields', title: 'Custom fields · Signet', loadComponent: () => import('./fields-page').then((m) => m.FieldsPage) },
    ],
  },
];
