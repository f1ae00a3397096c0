import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Api, AuthStore, type ConnectorDto, type Problem, syncConnectors, syncLedger, syncPing, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

const REFRESH_MS = 3_000;

@Component({
  selector: 'sg-integrations-page',
  imports: [DatePipe, RouterLink, MatCardModule, MatButtonModule, MatTableModule, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; margin-bottom: 24px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; }
    .counts { display: flex; gap: 12px; margin: 8px 0; font-size: 13px; }
    .status-succeeded { color: #1b7f3b; }
    .status-failed { color: var(--mat-sys-error); }
    h3 { font: var(--mat-sys-title-medium); }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Integrations</h1>@if (canPing) {<a mat-stroked-button routerLink="/integrations/mail" data-testid="open-mail">Mail</a>}</div>
      <sg-problem-banner [problem]="problem() ?? connectors.problem()" />
      <div class="grid">
        @for (c of connectors.data() ?? []; track c.id) {
          <mat-card appearance="outlined" [attr.data-connector]="c.id"><mat-card-content>
            <h2>{{ c.name }}</h2>
            @if (c.enabled) {
              <div class="counts">
                <span>{{ c.queue.waiting }} waiting</span><span>{{ c.queue.active }} active</span>
                <span>{{ c.queue.delayed }} delayed</span><span>{{ c.queue.failed }} failed</span>
              </div>
              @if (canPing) {
                <button mat-stroked-button (click)="ping(c)" [disabled]="busy()" [attr.data-testid]="'ping-' + c.id">Send test event</button>
              }
            } @else {
              <p class="muted">Disabled. {{ c.reason }}</p>
            }
          </mat-card-content></mat-card>
        }
      </div>
      <h3>Sync ledger</h3>
      @if (ledger.loading() && !ledger.data()) { <mat-progress-bar mode="indeterminate" /> }
      @if (ledger.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">Nothing has been sent to an ERP yet.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="ledger">
            <ng-container matColumnDef="connector"><th mat-header-cell *matHeaderCellDef>Connector</th><td mat-cell *matCellDef="let r">{{ r.connector }}</td></ng-container>
            <ng-container matColumnDef="object"><th mat-header-cell *matHeaderCellDef>Object</th><td mat-cell *matCellDef="let r">{{ r.objectType }} {{ r.objectId.slice(0, 8) }}</td></ng-container>
            <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>Status</th><td mat-cell *matCellDef="let r" [class]="'status-' + r.status">{{ r.status }}</td></ng-container>
            <ng-container matColumnDef="attempts"><th mat-header-cell *matHeaderCellDef>Attempts</th><td mat-cell *matCellDef="let r">{{ r.attempts }}</td></ng-container>
            <ng-container matColumnDef="error"><th mat-header-cell *matHeaderCellDef>Error</th><td mat-cell *matCellDef="let r">{{ r.errorMessage ?? '' }}</td></ng-container>
            <ng-container matColumnDef="updated"><th mat-header-cell *matHeaderCellDef>Finished</th><td mat-cell *matCellDef="let r">{{ r.finishedAt ? (r.finishedAt | date: 'medium') : '…' }}</td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let r; columns: columns"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="25" [pageSizeOptions]="[25]" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class IntegrationsPage implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly canPing = inject(AuthStore).hasRole('admin');
  protected readonly columns = ['connector', 'object', 'status', 'attempts', 'error', 'updated'];
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly connectors = createLoader(() => this.api.invoke(syncConnectors));
  protected readonly ledger = createLoader(() => this.api.invoke(syncLedger, { page: this.pageIndex() + 1, pageSize: 25 }));
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected async ping(connector: ConnectorDto): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.api.invoke(syncPing, { connector: connector.id });
      this.refresh();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.ledger.reload();
  }

  private refresh(): void {
    void this.connectors.reload();
    void this.ledger.reload();
  }
}
