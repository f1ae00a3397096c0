import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Api, auditList } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

const ACTIONS = [
  'auth.login',
  'auth.login.failed',
  'user.created',
  'user.roles_changed',
  'user.deactivated',
  'user.reactivated',
  'user.password_changed',
  'api_key.created',
  'api_key.revoked',
  'sync.ping',
];

@Component({
  selector: 'sg-audit-page',
  imports: [DatePipe, JsonPipe, FormsModule, MatTableModule, MatPaginatorModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `code { font-size: 12px; }`,
  template: `
    <div class="page">
      <div class="page-header"><h1>Audit log</h1></div>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Action</mat-label>
        <mat-select [ngModel]="action()" (ngModelChange)="action.set($event); pageIndex.set(0); state.reload()">
          <mat-option [value]="null">All actions</mat-option>
          @for (a of actions; track a) { <mat-option [value]="a">{{ a }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No events recorded.</div>
        } @else {
          <table mat-table [dataSource]="page.items">
            <ng-container matColumnDef="at"><th mat-header-cell *matHeaderCellDef>When</th><td mat-cell *matCellDef="let e">{{ e.at | date: 'medium' }}</td></ng-container>
            <ng-container matColumnDef="action"><th mat-header-cell *matHeaderCellDef>Action</th><td mat-cell *matCellDef="let e">{{ e.action }}</td></ng-container>
            <ng-container matColumnDef="actor"><th mat-header-cell *matHeaderCellDef>Actor</th><td mat-cell *matCellDef="let e"><code>{{ e.actorId ?? '—' }}</code></td></ng-container>
            <ng-container matColumnDef="target"><th mat-header-cell *matHeaderCellDef>Target</th><td mat-cell *matCellDef="let e">{{ e.targetType ?? '' }} <code>{{ e.targetId ?? '' }}</code></td></ng-container>
            <ng-container matColumnDef="detail"><th mat-header-cell *matHeaderCellDef>Detail</th><td mat-cell *matCellDef="let e"><code>{{ e.detail | json }}</code></td></ng-container>
            <ng-container matColumnDef="ip"><th mat-header-cell *matHeaderCellDef>Address</th><td mat-cell *matCellDef="let e">{{ e.ip ?? '' }}</td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let e; columns: columns"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="50" [pageSizeOptions]="[50]" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class AuditPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly actions = ACTIONS;
  protected readonly columns = ['at', 'action', 'actor', 'target', 'detail', 'ip'];
  protected readonly action = signal<string | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly state = createLoader(() =>
    this.api.invoke(auditList, { page: this.pageIndex() + 1, pageSize: 50, ...(this.action() ? { action: this.action() as string } : {}) }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.state.reload();
  }
}
