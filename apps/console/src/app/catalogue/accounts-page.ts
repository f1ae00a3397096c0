import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type AccountDto, accountsList, Api, AuthStore } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { AccountDialog } from './account-dialog';

@Component({
  selector: 'sg-accounts-page',
  imports: [FormsModule, RouterLink, MatTableModule, MatPaginatorModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.inactive { opacity: 0.55; } mat-form-field { width: 260px; }`,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Accounts</h1>
        @if (canWrite) { <button mat-flat-button (click)="open(null)" data-testid="new-account">New account</button> }
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search name or number</mat-label>
          <input matInput [ngModel]="search()" (ngModelChange)="onSearch($event)" />
        </mat-form-field>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No accounts yet.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="accounts-table">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let a"><a [routerLink]="[a.id]" [attr.data-testid]="'account-link-' + a.name">{{ a.name }}</a></td></ng-container>
            <ng-container matColumnDef="number"><th mat-header-cell *matHeaderCellDef>Number</th><td mat-cell *matCellDef="let a">{{ a.accountNumber ?? '' }}</td></ng-container>
            <ng-container matColumnDef="country"><th mat-header-cell *matHeaderCellDef>Country</th><td mat-cell *matCellDef="let a">{{ a.country ?? '' }}</td></ng-container>
            <ng-container matColumnDef="currency"><th mat-header-cell *matHeaderCellDef>Currency</th><td mat-cell *matCellDef="let a">{{ a.currency }}</td></ng-container>
            <ng-container matColumnDef="erp">
              <th mat-header-cell *matHeaderCellDef>ERP ids</th>
              <td mat-cell *matCellDef="let a">{{ erpIds(a) }}</td>
            </ng-container>
            <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>Status</th><td mat-cell *matCellDef="let a">{{ a.active ? 'Active' : 'Inactive' }}</td></ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let a">@if (canWrite) { <button mat-button (click)="open(a)" [attr.aria-label]="'Edit ' + a.name">Edit</button> }</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let a; columns: columns" [class.inactive]="!a.active"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="25" [hidePageSize]="true" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class AccountsPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly columns = ['name', 'number', 'country', 'currency', 'erp', 'status', 'actions'];
  protected readonly search = signal('');
  protected readonly pageIndex = signal(0);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly state = createLoader(() => this.api.invoke(accountsList, { page: this.pageIndex() + 1, pageSize: 25, ...(this.search() ? { search: this.search() } : {}) }));

  ngOnInit(): void {
    void this.state.reload();
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.pageIndex.set(0);
      void this.state.reload();
    }, 300);
  }

  protected erpIds(account: AccountDto): string {
    const ids = account.externalIds;
    return [ids.sap && `SAP ${ids.sap}`, ids.netsuite && `NetSuite ${ids.netsuite}`, ids.webhook && `Webhook ${ids.webhook}`].filter(Boolean).join(' · ');
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.state.reload();
  }

  protected open(account: AccountDto | null): void {
    this.dialog
      .open<AccountDialog, AccountDto | null, AccountDto>(AccountDialog, { data: account })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open(`Saved ${saved.name}`, 'OK', { duration: 4000 });
        void this.state.reload();
      });
  }
}
