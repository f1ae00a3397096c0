import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, type Role } from '@signet/console-data-access';

const TABS: { path: string; label: string; roles: Role[] }[] = [
  { path: 'inbox', label: 'Inbox', roles: ['admin', 'approver'] },
  { path: 'rules', label: 'Rules', roles: ['admin', 'sales', 'approver'] },
  { path: 'groups', label: 'Groups', roles: ['admin'] },
  { path: 'delegations', label: 'Delegations', roles: ['admin', 'approver'] },
  { path: 'substitute', label: 'Substitution', roles: ['admin'] },
];

@Component({
  selector: 'sg-approvals-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `nav { padding: 0 12px; }`,
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Approvals">
      @for (tab of tabs(); track tab.path) {
        <a mat-tab-link [routerLink]="tab.path" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive" [attr.data-tab]="tab.label">{{ tab.label }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
  `,
})
export class ApprovalsLayout {
  private readonly auth = inject(AuthStore);
  protected readonly tabs = computed(() => TABS.filter((t) => this.auth.hasRole(...t.roles)));
}
