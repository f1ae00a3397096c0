import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AccountLocationDto, accountLocationsCreate, accountLocationsUpdate, Api, fieldErrors, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

export interface LocationDialogData {
  accountId: string;
  location: AccountLocationDto | null;
}

/** Adds or edits one ship-to location of an account. */
@Component({
  selector: 'sg-location-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(420px, 80vw); } .row { display: flex; gap: 12px; } .row mat-form-field { flex: 1; }`,
  template: `
    <h2 mat-dialog-title>{{ data.location ? 'Edit ' + data.location.name : 'New ship-to location' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="location-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" data-testid="location-name" />
          @if (form.controls.name.hasError('required')) { <mat-error>A name is required.</mat-error> }
          @if (form.controls.name.hasError('server')) { <mat-error>{{ form.controls.name.getError('server') }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Street</mat-label>
          <input matInput formControlName="street" data-testid="location-street" />
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Postal code</mat-label>
            <input matInput formControlName="postalCode" data-testid="location-postal-code" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>City</mat-label>
            <input matInput formControlName="city" data-testid="location-city" />
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Region</mat-label>
            <input matInput formControlName="region" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Country (e.g. DE)</mat-label>
            <input matInput formControlName="country" maxlength="2" data-testid="location-country" />
            @if (form.controls.country.invalid) { <mat-error>Two capital letters (ISO 3166-1).</mat-error> }
          </mat-form-field>
        </div>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="location-form" [disabled]="busy()" data-testid="location-save">Save</button>
    </mat-dialog-actions>
  `,
})
export class LocationDialog {
  protected readonly data = inject<LocationDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<LocationDialog, AccountLocationDto>);
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly l = this.data.location;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.l?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    street: [this.l?.street ?? '', [Validators.maxLength(200)]],
    postalCode: [this.l?.postalCode ?? '', [Validators.maxLength(20)]],
    city: [this.l?.city ?? '', [Validators.maxLength(100)]],
    region: [this.l?.region ?? '', [Validators.maxLength(100)]],
    country: [this.l?.country ?? '', [Validators.pattern(/^[A-Z]{2}$/)]],
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const body = { name: v.name.trim(), street: v.street.trim() || null, postalCode: v.postalCode.trim() || null, city: v.city.trim() || null, region: v.region.trim() || null, country: v.country || null };
    try {
      const saved = this.l
        ? await this.api.invoke(accountLocationsUpdate, { id: this.data.accountId, locationId: this.l.id, body })
        : await this.api.invoke(accountLocationsCreate, { id: this.data.accountId, body });
      this.ref.close(saved);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      const byField = fieldErrors(problem);
      for (const [field, message] of Object.entries(byField)) this.form.get(field)?.setErrors({ server: message });
    } finally {
      this.busy.set(false);
    }
  }
}
