import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { Api, dashboardGet } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { Loading } from '../shared/loading';
import { ProblemBanner } from '../shared/problem-banner';

const REFRESH_MS = 15_000;

@Component({
  selector: 'sg-dashboard-page',
  imports: [DatePipe, MatCardModule, MatButtonModule, MatChipsModule, Loading, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
    .figure { font: var(--mat-sys-display-small); margin: 8px 0 0; }
    .label { color: var(--mat-sys-on-surface-variant); }
    .wide { grid-column: 1 / -1; }
    .connector { display: flex; justify-content: space-between; padding: 6px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Dashboard</h1>
        @if (state.data(); as d) {
          <span class="muted">as of {{ d.asOf | date: 'mediumTime' }}</span>
        }
        <button mat-stroked-button (click)="state.reload()" [disabled]="state.loading()">Refresh</button>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.data(); as d) {
        <div class="grid">
          <mat-card appearance="outlined"><mat-card-content>
            <div class="label">Active users</div><div class="figure" data-testid="active-users">{{ d.activeUsers }}</div>
          </mat-card-content></mat-card>
          <mat-card appearance="outlined"><mat-card-content>
            <div class="label">Sign-ins, last 24 h</div><div class="figure" data-testid="logins">{{ d.logins24h }}</div>
          </mat-card-content></mat-card>
          <mat-card appearance="outlined"><mat-card-content>
            <div class="label">Failed sign-ins, last 24 h</div><div class="figure">{{ d.failedLogins24h }}</div>
          </mat-card-content></mat-card>
          <mat-card appearance="outlined"><mat-card-content>
            <div class="label">Queue engine</div><div class="figure" data-testid="queue-engine">{{ d.queueEngine === 'redis' ? 'Redis' : 'PostgreSQL' }}</div>
            <div class="muted">{{ d.queueDescription }}</div>
          </mat-card-content></mat-card>
          <mat-card appearance="outlined" class="wide"><mat-card-content>
            <div class="label">Users by role</div>
            <mat-chip-set aria-label="Users by role">
              @for (entry of roleEntries(d.usersByRole); track entry[0]) {
                <mat-chip>{{ entry[0] }}: {{ entry[1] }}</mat-chip>
              } @empty {
                <span class="muted">No active users.</span>
              }
            </mat-chip-set>
          </mat-card-content></mat-card>
          <mat-card appearance="outlined" class="wide"><mat-card-content>
            <div class="label">ERP connectors</div>
            @for (c of d.connectors; track c.id) {
              <div class="connector">
                <span>{{ c.name }}</span>
                <span [class.muted]="!c.enabled">{{ c.enabled ? c.waiting + ' waiting · ' + c.failed + ' failed' : 'disabled' }}</span>
              </div>
            }
            <div class="muted" style="margin-top: 8px">
              Sync results: {{ syncSummary(d.syncByStatus) }}
            </div>
          </mat-card-content></mat-card>
        </div>
      } @else if (state.loading()) {
        <sg-loading />
      }
    </div>
  `,
})
export class DashboardPage implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly state = createLoader(() => this.api.invoke(dashboardGet));
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    void this.state.reload();
    this.timer = setInterval(() => void this.state.reload(), REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected roleEntries(byRole: Record<string, number>): [string, number][] {
    return Object.entries(byRole).sort(([a], [b]) => a.localeCompare(b));
  }

  protected syncSummary(byStatus: Record<string, number>): string {
    const entries = Object.entries(byStatus);
    return entries.length ? entries.map(([k, v]) => `${v} ${k}`).join(', ') : 'none yet';
  }
}
