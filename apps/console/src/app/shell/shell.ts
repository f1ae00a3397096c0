import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthStore } from '@signet/console-data-access';
import { NAV_ITEMS } from './nav-items';

@Component({
  selector: 'sg-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatSidenavModule, MatToolbarModule, MatListModule, MatButtonModule, MatMenuModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; height: 100vh; }
    mat-sidenav-container { height: 100%; }
    mat-sidenav { width: 220px; border-right: 1px solid var(--mat-sys-outline-variant); }
    .brand { font: var(--mat-sys-title-large); padding: 20px 16px 12px; letter-spacing: 0.02em; }
    .brand span { color: var(--mat-sys-primary); }
    mat-toolbar { position: sticky; top: 0; z-index: 2; background: var(--mat-sys-surface); border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .spacer { flex: 1; }
    .who { text-align: right; line-height: 1.2; margin-right: 8px; }
    .who small { display: block; color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .compact .who { display: none; }
    a.active { background: var(--mat-sys-secondary-container); }
  `,
  template: `
    <mat-sidenav-container>
      <mat-sidenav #nav [mode]="compact() ? 'over' : 'side'" [opened]="!compact()">
        <div class="brand"><span>◆</span> Signet</div>
        <mat-nav-list aria-label="Main navigation">
          @for (item of items(); track item.path) {
            <a mat-list-item [routerLink]="item.path" routerLinkActive="active" [attr.data-nav]="item.label" (click)="compact() && nav.close()">{{ item.label }}</a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content>
        <mat-toolbar [class.compact]="compact()">
          @if (compact()) {
            <button mat-button (click)="nav.toggle()" aria-label="Open navigation" data-testid="menu">☰ Menu</button>
          }
          <span class="spacer"></span>
          @if (auth.me(); as me) {
            <div class="who" data-testid="current-user">
              {{ me.displayName ?? me.email }}
              <small>{{ me.roles.join(', ') }}</small>
            </div>
          }
          <button mat-stroked-button [matMenuTriggerFor]="menu" aria-label="Account menu">Account</button>
          <mat-menu #menu="matMenu">
            <button mat-menu-item (click)="signOut()">Sign out</button>
          </mat-menu>
        </mat-toolbar>
        <main><router-outlet /></main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  /** Phones and narrow windows: the navigation slides over the page instead of taking a column. */
  protected readonly compact = toSignal(inject(BreakpointObserver).observe('(max-width: 840px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly items = computed(() => NAV_ITEMS.filter((item) => item.roles.length === 0 || this.auth.hasRole(...item.roles)));

  signOut(): void {
    this.auth.logout();
    void this.router.navigate(['/login']);
  }
}
