import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  Api,
  AuthStore,
  type OrderDto,
  ordersList,
} from '@signet/console-data-access';
import { createPagedList } from '../shared/paged-list';
import { ProblemBanner } from '../shared/problem-banner';
import { StateChip } from './order-status-chip';

type Status = OrderDto['status'];

/** All orders, filterable by status and by whether an activation is scheduled. */
@Component({
  selector: 'sg-orders-page',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatTableModule,
    MatPaginatorModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatProgressBarModule,
    ProblemBanner,
    StateChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-form-field {
      width: 240px;
    }
    .num {
      text-align: right;
    }
    a {
      color: inherit;
      font-weight: 500;
    }
  `,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Orders</h1>
        @if (canWrite) {
          <a mat-flat-button routerLink="/orders/new" data-testid="new-orders"
            >Create orders</a
          >
        }
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search order, key, quote or account</mat-label>
          <input
            matInput
            [ngModel]="state.search()"
            (ngModelChange)="state.onSearch($event)"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select
            [ngModel]="status()"
            (ngModelChange)="status.set($event); state.first()"
          >
            <mat-option [value]="null">Any status</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ s }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle
          [ngModel]="scheduled()"
          (ngModelChange)="scheduled.set($event); state.first()"
          data-testid="only-scheduled"
          >Only scheduled activations</mat-slide-toggle
        >
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">
            No orders match. Orders are created from approved quotes with
            “Create orders”.
          </div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="orders-table">
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>Order</th>
              <td mat-cell *matCellDef="let o">
                <a [routerLink]="['/orders', o.id]">{{ o.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="key">
              <th mat-header-cell *matHeaderCellDef>Split key</th>
              <td mat-cell *matCellDef="let o">{{ o.key }}</td>
            </ng-container>
            <ng-container matColumnDef="quote">
              <th mat-header-cell *matHeaderCellDef>Quote</th>
              <td mat-cell *matCellDef="let o">
                <a [routerLink]="['/orders/board', o.quoteId]">{{
                  o.quoteNumber
                }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="account">
              <th mat-header-cell *matHeaderCellDef>Account</th>
              <td mat-cell *matCellDef="let o">
                <a [routerLink]="['/account-360', o.accountId]">{{
                  o.accountName
                }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let o">
                <sg-state-chip
                  [state]="o.activationScheduledOn ? 'scheduled' : o.status"
                />
              </td>
            </ng-container>
            <ng-container matColumnDef="dates">
              <th mat-header-cell *matHeaderCellDef>Effective · activation</th>
              <td mat-cell *matCellDef="let o">
                {{ o.effectiveDate }} ·
                {{ o.activatedOn ?? o.activationScheduledOn ?? '—' }}
              </td>
            </ng-container>
            <ng-container matColumnDef="sync">
              <th mat-header-cell *matHeaderCellDef>ERP sync</th>
              <td mat-cell *matCellDef="let o">{{ o.syncStatus ?? '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="net">
              <th mat-header-cell *matHeaderCellDef class="num">Net total</th>
              <td mat-cell *matCellDef="let o" class="num">
                {{ o.netTotal | number: '1.2-2' }}
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let o; columns: columns"></tr>
          </table>
          <mat-paginator
            [length]="page.total"
            [pageIndex]="state.pageIndex()"
            [pageSize]="state.pageSize()"
            [pageSizeOptions]="[10, 25, 50, 100]"
            (page)="state.onPage($event)"
          />
        }
      }
    </div>
  `,
})
export class OrdersPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly statuses: Status[] = [
    'draft',
    'activated',
    'fulfilled',
    'cancelled',
  ];
  protected readonly columns = [
    'number',
    'key',
    'quote',
    'account',
    'status',
    'dates',
    'sync',
    'net',
  ];
  protected readonly status = signal<Status | null>(null);
  protected readonly scheduled = signal(false);

  protected readonly state = createPagedList((page) =>
    this.api.invoke(ordersList, {
      ...page,
      ...(this.status() ? { status: this.status() as Status } : {}),
      ...(this.scheduled() ? { scheduled: true } : {}),
    }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }
}
