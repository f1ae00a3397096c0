import { inject } from '@angular/core';
import type { Route } from '@angular/router';
import { AuthStore } from '@signet/console-data-access';
import { roleGuard } from '../core/guards';

export const approvalsRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./approvals-layout').then((m) => m.ApprovalsLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => (inject(AuthStore).hasRole('admin', 'approver') ? 'inbox' : 'rules') },
      { path: 'inbox', title: 'Approvals inbox · Signet', canActivate: [roleGuard('admin', 'approver')], loadComponent: () => import('./inbox-page').then((m) => m.InboxPage) },
      { path: 'rules', title: 'Approval rules · Signet', loadComponent: () => import('./rules-page').then((m) => m.RulesPage) },
      { path: 'rules/new', title: 'New approval rule · Signet', canActivate: [roleGuard('admin')], loadComponent: () => import('./rule-editor-page').then((m) => m.RuleEditorPage) },
      { path: 'rules/:id', title: 'Approval rule · Signet', canActivate: [roleGuard('admin')], loadComponent: () => import('./rule-editor-page').then((m) => m.RuleEditorPage) },
      { path: 'groups', title: 'Approver groups · Signet', canActivate: [roleGuard('admin')], loadComponent: () => import('./groups-page').then((m) => m.GroupsPage) },
      { path: 'delegations', title: 'Delegations · Signet', canActivate: [roleGuard('admin', 'approver')], loadComponent: () => import('./delegations-page').then((m) => m.DelegationsPage) },
      { path: 'substitute', title: 'Substitute an approver · Signet', canActivate: [roleGuard('admin')], loadComponent: () => import('./substitute-page').then((m) => m.SubstitutePage) },
    ],
  },
];
