import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Api, syncLedger } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

/** The order's rows of the sync ledger: one per connector, with every event sent for it. */
@Component({
  selector: 'sg-order-erp-sync-panel',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    table { width: 100%; border-collapse: collapse; margin: 8px 0 24px; }
    td, th { padding: 6px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    .status-succeeded { color: #1b7f3b; }
    .status-failed { color: var(--mat-sys-error); }
    .events { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .header { display: flex; align-items: center; gap: 12px; }
  `,
  template: `
    <div class="header">
      <h2>ERP sync</h2>
      <button mat-button (click)="ledger.reload()" data-testid="erp-sync-refresh">Refresh</button>
      <a mat-button routerLink="/integrations">Integrations</a>
    </div>
    <sg-problem-banner [problem]="ledger.problem()" />
    @if (ledger.loading() && !ledger.data()) { <mat-progress-bar mode="indeterminate" /> }
    @if (ledger.data(); as page) {
      @if (page.total === 0) {
        <p class="muted" data-testid="erp-sync-empty">Not sent to any ERP (yet): orders are sent when they are activated.</p>
      } @else {
        <table data-testid="erp-sync">
          <tr><th>Connector</th><th>Status</th><th>ERP document</th><th>Events</th><th>Error</th><th>Updated</th></tr>
          @for (r of page.items; track r.id) {
            <tr [attr.data-connector]="r.connector">
              <td>{{ r.connector }}</td>
              <td [class]="'status-' + r.status" data-testid="erp-sync-status">{{ r.status }}</td>
              <td>{{ r.erpId ?? '—' }}</td>
              <td class="events">@for (e of r.events; track e.eventId) { <div>#{{ e.sequence }} {{ e.type }} — {{ e.status }}</div> }</td>
              <td>{{ r.errorCode ? r.errorCode + ': ' + r.errorMessage : '' }}</td>
              <td>{{ r.updatedAt | date: 'short' }}</td>
            </tr>
          }
        </table>
      }
    }
  `,
})
export class OrderErpSyncPanel implements OnInit {
  private readonly api = inject(Api);
  readonly orderId = input.required<string>();
  protected readonly ledger = createLoader(() => this.api.invoke(syncLedger, { objectType: 'order', objectId: this.orderId(), pageSize: 50 }));

  ngOnInit(): void {
    void this.ledger.reload();
  }
}
