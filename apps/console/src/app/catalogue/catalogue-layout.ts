import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

@Component({
  selector: 'sg-catalogue-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `nav { padding: 0 24px; }`,
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Catalogue">
      @for (tab of tabs; track tab.path) {
        <a mat-tab-link [routerLink]="tab.path" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive">{{ tab.label }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
  `,
})
export class CatalogueLayout {
  protected readonly tabs = [
    { path: 'products', label: 'Products' },
    { path: 'accounts', label: 'Accounts' },
    { path: 'fields', label: 'Custom fields' },
  ];
}
