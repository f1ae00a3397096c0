import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Api, AuthStore, type QuoteDto, quotesList, type QuoteSummaryDto } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { StatusChip } from '../shared/status-chip';
import { QuoteDialog, type QuoteDialogData } from './quote-dialog';

type Status = QuoteSummaryDto['status'];

@Component({
  selector: 'sg-quotes-page',
  imports: [
    DecimalPipe,
    DatePipe,
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
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `mat-form-field { width: 240px; } .num { text-align: right; } a { color: inherit; font-weight: 500; }`,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Quotes</h1>
        @if (canWrite) { <button mat-flat-button (click)="create()" data-testid="new-quote">New quote</button> }
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search number, name or account</mat-label>
          <input matInput [ngModel]="search()" (ngModelChange)="onSearch($event)" data-testid="quote-search" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="status.set($event); first()">
            <mat-option [value]="null">Any status</mat-option>
            @for (s of statuses; track s) { <mat-option [value]="s">{{ s }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle [ngModel]="mine()" (ngModelChange)="mine.set($event); first()">Only my quotes</mat-slide-toggle>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No quotes match these filters.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="quotes-table">
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>Number</th>
              <td mat-cell *matCellDef="let q"><a [routerLink]="['/quotes', q.id]">{{ q.number }}</a></td>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>Name</th>
              <td mat-cell *matCellDef="let q">{{ q.name }}</td>
            </ng-container>
            <ng-container matColumnDef="account">
              <th mat-header-cell *matHeaderCellDef>Account</th>
              <td mat-cell *matCellDef="let q">{{ q.accountName }}</td>
            </ng-container>
            <ng-container matColumnDef="owner">
              <th mat-header-cell *matHeaderCellDef>Owner</th>
              <td mat-cell *matCellDef="let q">{{ q.ownerName }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let q"><sg-status-chip [status]="q.status" /></td>
            </ng-container>
            <ng-container matColumnDef="lines">
              <th mat-header-cell *matHeaderCellDef class="num">Lines</th>
              <td mat-cell *matCellDef="let q" class="num">{{ q.lineCount }}</td>
            </ng-container>
            <ng-container matColumnDef="discount">
              <th mat-header-cell *matHeaderCellDef class="num">Discount</th>
              <td mat-cell *matCellDef="let q" class="num">{{ q.discountPercent === null ? '—' : q.discountPercent + ' %' }}</td>
            </ng-container>
            <ng-container matColumnDef="net">
              <th mat-header-cell *matHeaderCellDef class="num">Net total</th>
              <td mat-cell *matCellDef="let q" class="num">{{ q.netTotal | number: '1.2-2' }}</td>
            </ng-container>
            <ng-container matColumnDef="updated">
              <th mat-header-cell *matHeaderCellDef>Updated</th>
              <td mat-cell *matCellDef="let q">{{ q.updatedAt | date: 'short' }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let q; columns: columns"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="pageSize()" [pageSizeOptions]="[10, 25, 50, 100]" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class QuotesPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly statuses: Status[] = ['draft', 'pending', 'approved', 'rejected', 'recalled'];
  protected readonly columns = ['number', 'name', 'account', 'owner', 'status', 'lines', 'discount', 'net', 'updated'];
  protected readonly search = signal('');
  protected readonly status = signal<Status | null>(null);
  protected readonly mine = signal(false);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly state = createLoader(() =>
    this.api.invoke(quotesList, {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      ...(this.search() ? { search: this.search() } : {}),
      ...(this.status() ? { status: this.status() as Status } : {}),
      ...(this.mine() ? { owner: 'me' } : {}),
    }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }

  protected first(): void {
    this.pageIndex.set(0);
    void this.state.reload();
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.first(), 300);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    void this.state.reload();
  }

  protected create(): void {
    this.dialog
      .open<QuoteDialog, QuoteDialogData, QuoteDto>(QuoteDialog, { data: { quote: null } })
      .afterClosed()
      .subscribe((created) => {
        if (created) void this.router.navigate(['/quotes', created.id]);
      });
  }
}
