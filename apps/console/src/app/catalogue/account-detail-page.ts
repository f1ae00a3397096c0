import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { type AccountDetailDto, type AccountDto, type AccountLocationDto, accountLocationsRemove, accountsGet, Api, AuthStore, toProblem } from '@signet/console-data-access';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm-dialog';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { AccountDetailsForm } from './account-details-form';
import { AccountDialog } from './account-dialog';
import { LocationDialog, type LocationDialogData } from './location-dialog';

/** One account: currency, billing address, ERP ids per connector and ship-to locations. */
@Component({
  selector: 'sg-account-detail-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule, ProblemBanner, AccountDetailsForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .meta { color: rgba(0, 0, 0, 0.6); margin: -8px 0 16px; }
    h2 { font-size: 18px; margin: 24px 0 8px; }
    .links { display: flex; gap: 8px; }
    table { max-width: 960px; }
  `,
  template: `
    <div class="page">
      <a routerLink="/catalogue/accounts">← Accounts</a>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as account) {
        <div class="page-header">
          <h1 data-testid="account-title">{{ account.name }}</h1>
          <div class="links">
            <a mat-stroked-button [routerLink]="['/account-360', account.id]" data-testid="account-360-link">Account 360</a>
            @if (canWrite) { <button mat-button (click)="edit(account)">Edit name and number</button> }
          </div>
        </div>
        <div class="meta">{{ account.accountNumber ?? 'No account number' }} · {{ account.country ?? 'no country' }} · {{ account.active ? 'Active' : 'Inactive' }} · version {{ account.version }}</div>

        <sg-account-details-form [account]="account" [canWrite]="canWrite" (saved)="onSaved($event)" />

        <div class="page-header">
          <h2>Ship-to locations</h2>
          @if (canWrite) { <button mat-flat-button (click)="openLocation(account, null)" data-testid="add-location">Add location</button> }
        </div>
        @if (account.locations.length === 0) {
          <div class="empty-state">No ship-to locations yet.</div>
        } @else {
          <table mat-table [dataSource]="account.locations" data-testid="locations-table">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let l">{{ l.name }}</td></ng-container>
            <ng-container matColumnDef="address">
              <th mat-header-cell *matHeaderCellDef>Address</th>
              <td mat-cell *matCellDef="let l">{{ addressOf(l) }}</td>
            </ng-container>
            <ng-container matColumnDef="country"><th mat-header-cell *matHeaderCellDef>Country</th><td mat-cell *matCellDef="let l">{{ l.country ?? '' }}</td></ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let l">
                @if (canWrite) {
                  <button mat-button (click)="openLocation(account, l)" [attr.aria-label]="'Edit ' + l.name">Edit</button>
                  <button mat-button (click)="remove(account, l)" [attr.aria-label]="'Delete ' + l.name">Delete</button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let l; columns: columns"></tr>
          </table>
        }
      }
    </div>
  `,
})
export class AccountDetailPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly columns = ['name', 'address', 'country', 'actions'];
  protected readonly state = createLoader(() => this.api.invoke(accountsGet, { id: this.id }));

  ngOnInit(): void {
    void this.state.reload();
  }

  protected addressOf(l: AccountLocationDto): string {
    return [l.street, [l.postalCode, l.city].filter(Boolean).join(' '), l.region].filter(Boolean).join(', ');
  }

  protected onSaved(account: AccountDetailDto): void {
    this.snack.open(`Saved ${account.name}`, 'OK', { duration: 4000 });
    void this.state.reload();
  }

  protected edit(account: AccountDetailDto): void {
    this.dialog
      .open<AccountDialog, AccountDto, AccountDto>(AccountDialog, { data: account })
      .afterClosed()
      .subscribe((saved) => saved && this.onSaved({ ...account, ...saved }));
  }

  protected openLocation(account: AccountDetailDto, location: AccountLocationDto | null): void {
    this.dialog
      .open<LocationDialog, LocationDialogData, AccountLocationDto>(LocationDialog, { data: { accountId: account.id, location } })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open(`Saved location ${saved.name}`, 'OK', { duration: 4000 });
        void this.state.reload();
      });
  }

  protected remove(account: AccountDetailDto, location: AccountLocationDto): void {
    const data: ConfirmData = { title: `Delete ${location.name}?`, message: 'Quotes can no longer ship to this location.', confirm: 'Delete' };
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe(async (confirmed) => {
        if (!confirmed) return;
        try {
          await this.api.invoke(accountLocationsRemove, { id: account.id, locationId: location.id });
          this.snack.open(`Deleted ${location.name}`, 'OK', { duration: 4000 });
          void this.state.reload();
        } catch (error) {
          // A location used by a quote line is refused with 409; the detail names the quote.
          this.snack.open(toProblem(error).detail, 'OK', { duration: 8000 });
        }
      });
  }
}
