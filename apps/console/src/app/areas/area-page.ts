import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';

interface Area {
  title: string;
  summary: string;
}

/** Areas whose screens arrive with later work; each says what it will hold. */
const AREAS: Record<string, Area> = {
  orders: { title: 'Orders', summary: 'Orders split from approved quotes, future-dated activation and changes.' },
  contracts: { title: 'Contracts', summary: 'Contracts with their subscriptions, assets, amendments and renewals.' },
  revenue: { title: 'Revenue', summary: 'Revenue schedules, waterfall, deferred balances and reconciliation.' },
};

@Component({
  selector: 'sg-area-page',
  imports: [MatCardModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      @if (info(); as a) {
        <div class="page-header"><h1>{{ a.title }}</h1></div>
        <mat-card appearance="outlined">
          <div class="empty-state" data-testid="empty-area">
            <p><strong>Nothing here yet.</strong></p>
            <p>{{ a.summary }}</p>
          </div>
        </mat-card>
      } @else {
        <div class="page-header"><h1>Page not found</h1></div>
        <p>There is no page at this address. <a routerLink="/dashboard">Go to the dashboard</a>.</p>
      }
    </div>
  `,
})
export class AreaPage {
  readonly area = input<string>('');
  protected readonly info = computed(() => AREAS[this.area()] ?? null);
}
