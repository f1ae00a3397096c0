import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Api, syncLedger } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

const REFRESH_MS = 3_000;
type Connector = 'webhook' | 'sap' | 'netsuite';
type Status = 'queued' | 'pending' | 'succeeded' | 'failed' | 'skipped';

/** The sync ledger: one row per object and connector with its latest event, and every event under it. */
@Component({
  selector: 'sg-sync-ledger-table',
  imports: [DatePipe, FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters { display: flex; gap: 12px; flex-wrap: wrap; }
    .status-succeeded { color: #1b7f3b; }
    .status-failed { color: var(--mat-sys-error); }
    .events { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <div class="filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Connector</mat-label>
        <mat-select [ngModel]="connector()" (ngModelChange)="filter(connector, $event)" data-testid="ledger-connector">
          <mat-option [value]="null">All</mat-option>
          @for (c of connectorOptions; track c) { <mat-option [value]="c">{{ c }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [ngModel]="status()" (ngModelChange)="filter(status, $event)" data-testid="ledger-status">
          <mat-option [value]="null">All</mat-option>
          @for (s of statusOptions; track s) { <mat-option [value]="s">{{ s }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Order or contract number</mat-label>
        <input matInput [ngModel]="number()" (ngModelChange)="filter(number, $event.trim() || null)" maxlength="100" data-testid="ledger-number" />
      </mat-form-field>
    </div>
    <sg-problem-banner [problem]="ledger.problem()" />
    @if (ledger.loading() && !ledger.data()) { <mat-progress-bar mode="indeterminate" /> }
    @if (ledger.data(); as page) {
      @if (page.total === 0) {
        <div class="empty-state" data-testid="ledger-empty">No ledger entries{{ filtered() ? ' match these filters' : ' yet: nothing has been sent to an ERP' }}.</div>
      } @else {
        <table mat-table [dataSource]="page.items" data-testid="ledger">
          <ng-container matColumnDef="connector"><th mat-header-cell *matHeaderCellDef>Connector</th><td mat-cell *matCellDef="let r">{{ r.connector }}</td></ng-container>
          <ng-container matColumnDef="object"><th mat-header-cell *matHeaderCellDef>Object</th><td mat-cell *matCellDef="let r">{{ r.objectType }} {{ r.objectNumber ?? r.objectId.slice(0, 8) }}</td></ng-container>
          <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>Status</th><td mat-cell *matCellDef="let r" [class]="'status-' + r.status" data-testid="ledger-status-cell">{{ r.status }}</td></ng-container>
          <ng-container matColumnDef="erp"><th mat-header-cell *matHeaderCellDef>ERP document</th><td mat-cell *matCellDef="let r">{{ r.erpId ?? '—' }}</td></ng-container>
          <ng-container matColumnDef="attempts"><th mat-header-cell *matHeaderCellDef>Attempts</th><td mat-cell *matCellDef="let r">{{ r.attempts }}@if (r.redrives) { · {{ r.redrives }} re-drive(s) }</td></ng-container>
          <ng-container matColumnDef="events">
            <th mat-header-cell *matHeaderCellDef>Events</th>
            <td mat-cell *matCellDef="let r" class="events">
              @for (e of r.events; track e.eventId) { <div>#{{ e.sequence }} {{ e.type }} — {{ e.status }}</div> } @empty { — }
            </td>
          </ng-container>
          <ng-container matColumnDef="error"><th mat-header-cell *matHeaderCellDef>Error</th><td mat-cell *matCellDef="let r">{{ r.errorCode ? r.errorCode + ': ' + r.errorMessage : '' }}</td></ng-container>
          <ng-container matColumnDef="updated"><th mat-header-cell *matHeaderCellDef>Updated</th><td mat-cell *matCellDef="let r">{{ r.updatedAt | date: 'medium' }}</td></ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let r; columns: columns" [attr.data-object]="r.objectNumber"></tr>
        </table>
        <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="pageSize" [pageSizeOptions]="[pageSize]" (page)="onPage($event)" />
      }
    }
  `,
})
export class SyncLedgerTable implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly pageSize = 25;
  protected readonly columns = ['connector', 'object', 'status', 'erp', 'attempts', 'events', 'error', 'updated'];
  protected readonly connectorOptions: Connector[] = ['webhook', 'sap', 'netsuite'];
  protected readonly statusOptions: Status[] = ['pending', 'succeeded', 'failed', 'skipped', 'queued'];
  protected readonly connector = signal<Connector | null>(null);
  protected readonly status = signal<Status | null>(null);
  protected readonly number = signal<string | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly ledger = createLoader(() =>
    this.api.invoke(syncLedger, {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize,
      connector: this.connector() ?? undefined,
      status: this.status() ?? undefined,
      objectNumber: this.number() ?? undefined,
    }),
  );
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    void this.ledger.reload();
    this.timer = setInterval(() => void this.ledger.reload(), REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  refresh(): void {
    void this.ledger.reload();
  }

  protected filtered(): boolean {
    return this.connector() !== null || this.status() !== null || this.number() !== null;
  }

  protected filter<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.pageIndex.set(0);
    void this.ledger.reload();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.ledger.reload();
  }
}
