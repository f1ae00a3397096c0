import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Api, AuthStore, type ProductDto, productsList } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { ProductDialog } from './product-dialog';

@Component({
  selector: 'sg-products-page',
  imports: [DecimalPipe, FormsModule, MatCheckboxModule, MatTableModule, MatPaginatorModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.bundle-badge { margin-left: 8px; padding: 1px 8px; border-radius: 10px; background: #e8eaf6; font-size: 12px; } .num { text-align: right; } .retired { opacity: 0.55; } mat-form-field { width: 260px; }`,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Products</h1>
        @if (isAdmin) { <button mat-flat-button (click)="open(null)" data-testid="new-product">New product</button> }
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search sku or name</mat-label>
          <input matInput [ngModel]="search()" (ngModelChange)="onSearch($event)" />
        </mat-form-field>
        <mat-checkbox [ngModel]="bundlesOnly()" (ngModelChange)="onBundlesOnly($event)" data-testid="bundles-only">Bundles only</mat-checkbox>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No products yet.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="products-table">
            <ng-container matColumnDef="sku"><th mat-header-cell *matHeaderCellDef>SKU</th><td mat-cell *matCellDef="let p">{{ p.sku }}@if (p.isBundle) { <span class="bundle-badge" [title]="componentsOf(p)" data-testid="bundle-badge">Bundle · {{ p.components.length }}</span> }</td></ng-container>
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let p">{{ p.name }}{{ p.active ? '' : ' (retired)' }}</td></ng-container>
            <ng-container matColumnDef="family"><th mat-header-cell *matHeaderCellDef>Family</th><td mat-cell *matCellDef="let p">{{ p.family ?? '' }}</td></ng-container>
            <ng-container matColumnDef="charge"><th mat-header-cell *matHeaderCellDef>Charge</th><td mat-cell *matCellDef="let p">{{ p.chargeType }}{{ p.termMonths ? ', ' + p.termMonths + ' months' : '' }}</td></ng-container>
            <ng-container matColumnDef="price">
              <th mat-header-cell *matHeaderCellDef class="num">List price</th>
              <td mat-cell *matCellDef="let p" class="num">{{ p.listPrice | number: '1.2-2' }}{{ p.chargeType === 'recurring' ? ' /yr' : '' }}</td>
            </ng-container>
            <ng-container matColumnDef="ssp"><th mat-header-cell *matHeaderCellDef class="num">SSP</th><td mat-cell *matCellDef="let p" class="num">{{ p.ssp === null ? '—' : (p.ssp | number: '1.2-2') }}</td></ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let p">@if (isAdmin) { <button mat-button (click)="open(p)" [attr.aria-label]="'Edit ' + p.sku">Edit</button> }</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let p; columns: columns" [class.retired]="!p.active"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="25" [hidePageSize]="true" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class ProductsPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly isAdmin = inject(AuthStore).hasRole('admin');
  protected readonly columns = ['sku', 'name', 'family', 'charge', 'price', 'ssp', 'actions'];
  protected readonly search = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly bundlesOnly = signal(false);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly state = createLoader(() => this.api.invoke(productsList, { page: this.pageIndex() + 1, pageSize: 25, ...(this.search() ? { search: this.search() } : {}), ...(this.bundlesOnly() ? { bundle: true } : {}) }));

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

  protected onBundlesOnly(value: boolean): void {
    this.bundlesOnly.set(value);
    this.pageIndex.set(0);
    void this.state.reload();
  }

  protected componentsOf(product: ProductDto): string {
    return product.components.map((c) => `${c.quantity} × ${c.sku}`).join(', ');
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.state.reload();
  }

  protected open(product: ProductDto | null): void {
    this.dialog
      .open<ProductDialog, ProductDto | null, ProductDto>(ProductDialog, { data: product })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open(`Saved ${saved.sku}`, 'OK', { duration: 4000 });
        void this.state.reload();
      });
  }
}
