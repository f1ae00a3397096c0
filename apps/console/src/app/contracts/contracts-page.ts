import {
  ChangeDetectionStrategy,
  Component,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Api, contractsList } from '@signet/console-data-access';
import { StateChip } from '../orders/order-status-chip';
import { createPagedList } from '../shared/paged-list';
import { ProblemBanner } from '../shared/problem-banner';

type Status = 'draft' | 'activated' | 'expired' | 'terminated';

/** Contracts by end date, with their renewal quote when one exists. */
@Component({
  selector: 'sg-contracts-page',
  imports: [
    FormsModule,
    RouterLink,
    MatTableModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
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
      <div class="page-header"><h1>Contracts</h1></div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search contract, quote or account</mat-label>
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
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">
            No contracts. Contract activated orders from their quote's orders
            board.
          </div>
        } @else {
          <table
            mat-table
            [dataSource]="page.items"
            data-testid="contracts-table"
          >
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>Contract</th>
              <td mat-cell *matCellDef="let c">
                <a [routerLink]="['/contracts', c.id]">{{ c.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="account">
              <th mat-header-cell *matHeaderCellDef>Account</th>
              <td mat-cell *matCellDef="let c">
                <a [routerLink]="['/account-360', c.accountId]">{{
                  c.accountName
                }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let c">
                <sg-state-chip [state]="c.status" />
              </td>
            </ng-container>
            <ng-container matColumnDef="term">
              <th mat-header-cell *matHeaderCellDef>Term</th>
              <td mat-cell *matCellDef="let c">
                {{ c.startDate }} – {{ c.endDate }}
              </td>
            </ng-container>
            <ng-container matColumnDef="items">
              <th mat-header-cell *matHeaderCellDef class="num">
                Subscriptions · assets
              </th>
              <td mat-cell *matCellDef="let c" class="num">
                {{ c.subscriptionCount }} · {{ c.assetCount }}
              </td>
            </ng-container>
            <ng-container matColumnDef="renewal">
              <th mat-header-cell *matHeaderCellDef>Renewal</th>
              <td mat-cell *matCellDef="let c">
                @if (c.renewalQuoteId) {
                  <a [routerLink]="['/quotes', c.renewalQuoteId]">{{
                    c.renewalQuoteNumber
                  }}</a>
                } @else {
                  {{ c.renewalPricing }}
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns"></tr>
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
export class ContractsPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly statuses: Status[] = [
    'draft',
    'activated',
    'expired',
    'terminated',
  ];
  protected readonly columns = [
    'number',
    'account',
    'status',
    'term',
    'items',
    'renewal',
  ];
  protected readonly status = signal<Status | null>(null);
  protected readonly state = createPagedList((page) =>
    this.api.invoke(contractsList, {
      ...page,
      ...(this.status() ? { status: this.status() as Status } : {}),
    }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }
}
