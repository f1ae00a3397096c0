import type { Route } from '@angular/router';
import type { QuotePage } from './quote-page';

/** Leaving a quote with unsaved line edits asks first. */
export const unsavedLinesGuard = (page: QuotePage) => !page.hasUnsavedChanges() || window.confirm('This quote has unsaved line changes. Leave and lose them?');

export const quotesRoutes: Route[] = [
  { path: '', title: 'Quotes · Signet', loadComponent: () => import('./quotes-page').then((m) => m.QuotesPage) },
  { path: ':id', title: 'Quote · Signet', loadComponent: () => import('./quote-page').then((m) => m.QuotePage), canDeactivate: [unsavedLinesGuard] },
];
