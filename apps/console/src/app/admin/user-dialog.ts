import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Api, fieldErrors, type Problem, type Role, toProblem, type UserDto, usersCreate, usersUpdate } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';
import { ROLE_OPTIONS } from './roles';

export interface UserDialogData {
  user: UserDto | null;
}

/** Creates a user, or edits one: name, roles, active flag, optional new password. */
@Component({
  selector: 'sg-user-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(420px, 80vw); }`,
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit ' + data.user?.email : 'New user' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="user-form" (ngSubmit)="save()" novalidate>
        @if (!editing) {
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" data-testid="user-email" />
            @if (form.controls.email.hasError('required')) { <mat-error>Email is required.</mat-error> }
            @else if (form.controls.email.hasError('email')) { <mat-error>That is not an email address.</mat-error> }
            @else if (form.controls.email.hasError('server')) { <mat-error>{{ form.controls.email.getError('server') }}</mat-error> }
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>Display name</mat-label>
          <input matInput formControlName="displayName" data-testid="user-name" />
          @if (form.controls.displayName.hasError('required')) { <mat-error>Display name is required.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Roles</mat-label>
          <mat-select formControlName="roles" multiple data-testid="user-roles">
            @for (r of roles; track r.value) {
              <mat-option [value]="r.value">{{ r.label }} — {{ r.hint }}</mat-option>
            }
          </mat-select>
          @if (form.controls.roles.hasError('required')) { <mat-error>Pick at least one role.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ editing ? 'New password (leave empty to keep)' : 'Initial password' }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="user-password" />
          @if (form.controls.password.hasError('required')) { <mat-error>A password is required.</mat-error> }
          @else if (form.controls.password.hasError('minlength')) { <mat-error>At least 8 characters.</mat-error> }
        </mat-form-field>
        @if (editing) {
          <mat-slide-toggle formControlName="active">Active — inactive users cannot sign in</mat-slide-toggle>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="user-form" [disabled]="busy()" data-testid="user-save">{{ editing ? 'Save' : 'Create user' }}</button>
    </mat-dialog-actions>
  `,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<UserDialog, UserDto>);
  private readonly api = inject(Api);
  protected readonly roles = ROLE_OPTIONS;
  protected readonly editing = this.data.user !== null;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.data.user?.email ?? '', this.editing ? [] : [Validators.required, Validators.email]],
    displayName: [this.data.user?.displayName ?? '', [Validators.required, Validators.maxLength(120)]],
    roles: [(this.data.user?.roles ?? []) as Role[], [Validators.required]],
    password: ['', this.editing ? [Validators.minLength(8)] : [Validators.required, Validators.minLength(8)]],
    active: [this.data.user?.active ?? true],
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    try {
      const saved = this.data.user
        ? await this.api.invoke(usersUpdate, {
            id: this.data.user.id,
            body: { displayName: v.displayName, roles: v.roles, active: v.active, version: this.data.user.version, ...(v.password ? { password: v.password } : {}) },
          })
        : await this.api.invoke(usersCreate, { body: { email: v.email, displayName: v.displayName, roles: v.roles, password: v.password } });
      this.ref.close(saved);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      const byField = fieldErrors(problem);
      if (byField['email']) this.form.controls.email.setErrors({ server: byField['email'] });
    } finally {
      this.busy.set(false);
    }
  }
}
