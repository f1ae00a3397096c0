import type { Route } from '@angular/router';

export const quotesRoutes: Route[] = [
  { path: '', title: 'Quotes · Signet', loadComponent: () => import('./quotes-page').then((m) => m.QuotesPage) },
  { path: ':id', title: 'Quote · Signet', loadComponent: () => import('./quote-page').then((m) => m.QuotePage) },
];
