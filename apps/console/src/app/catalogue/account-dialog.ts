import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { type AccountDto, accountsCreate, accountsUpdate, Api, fieldErrors, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

@Component({
  selector: 'sg-account-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(420px, 80vw); }`,
  template: `
    <h2 mat-dialog-title>{{ account ? 'Edit ' + account.name : 'New account' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="account-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" data-testid="account-name" />
          @if (form.controls.name.invalid) { <mat-error>A name is required.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Account number (CRM or ERP)</mat-label>
          <input matInput formControlName="accountNumber" data-testid="account-number" />
          @if (form.controls.accountNumber.hasError('server')) { <mat-error>{{ form.controls.accountNumber.getError('server') }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Country (ISO code, e.g. DE)</mat-label>
          <input matInput formControlName="country" maxlength="2" />
          @if (form.controls.country.invalid) { <mat-error>Two capital letters.</mat-error> }
        </mat-form-field>
        @if (account) { <mat-slide-toggle formControlName="active">Active — inactive accounts get no new quotes</mat-slide-toggle> }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="account-form" [disabled]="busy()" data-testid="account-save">Save</button>
    </mat-dialog-actions>
  `,
})
export class AccountDialog {
  protected readonly account = inject<AccountDto | null>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<AccountDialog, AccountDto>);
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.account?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    accountNumber: [this.account?.accountNumber ?? ''],
    country: [this.account?.country ?? '', [Validators.pattern(/^[A-Z]{2}$/)]],
    active: [this.account?.active ?? true],
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const body = { name: v.name, accountNumber: v.accountNumber.trim() || null, country: v.country || null };
    try {
      const saved = this.account
        ? await this.api.invoke(accountsUpdate, { id: this.account.id, body: { ...body, active: v.active, version: this.account.version } })
        : await this.api.invoke(accountsCreate, { body });
      this.ref.close(saved);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      const byField = fieldErrors(problem);
      if (byField['accountNumber']) this.form.controls.accountNumber.setErrors({ server: byField['accountNumber'] });
    } finally {
      this.busy.set(false);
    }
  }
}
