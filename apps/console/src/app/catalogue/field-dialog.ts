import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Api, type CreateFieldDto, type FieldDto, fieldsCreate, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

@Component({
  selector: 'sg-field-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(420px, 80vw); }`,
  template: `
    <h2 mat-dialog-title>New custom field</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="field-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>On</mat-label>
          <mat-select formControlName="object">
            <mat-option value="quote">Quotes</mat-option>
            <mat-option value="line">Quote lines</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Label</mat-label>
          <input matInput formControlName="label" data-testid="field-label" />
          @if (form.controls.label.invalid) { <mat-error>A label is required.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>API name (e.g. shipTo)</mat-label>
          <input matInput formControlName="name" data-testid="field-name" />
          @if (form.controls.name.invalid) { <mat-error>Lower camel case: a letter, then letters and digits.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Type</mat-label>
          <mat-select formControlName="type" data-testid="field-type">
            @for (t of types; track t) { <mat-option [value]="t">{{ t }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (form.controls.type.value === 'picklist') {
          <mat-form-field appearance="outline">
            <mat-label>Options, comma-separated</mat-label>
            <input matInput formControlName="options" data-testid="field-options" />
          </mat-form-field>
          <mat-slide-toggle formControlName="multiple">Several values at once</mat-slide-toggle>
        }
        @if (form.controls.type.value === 'decimal') {
          <mat-form-field appearance="outline">
            <mat-label>Decimals allowed (0–6, empty: any)</mat-label>
            <input matInput type="number" min="0" max="6" formControlName="scale" data-testid="field-scale" />
            @if (form.controls.scale.invalid) { <mat-error>A whole number from 0 to 6.</mat-error> }
          </mat-form-field>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="field-form" [disabled]="busy()" data-testid="field-save">Create field</button>
    </mat-dialog-actions>
  `,
})
export class FieldDialog {
  private readonly ref = inject(MatDialogRef<FieldDialog, FieldDto>);
  private readonly api = inject(Api);
  protected readonly types: CreateFieldDto['type'][] = ['text', 'number', 'decimal', 'date', 'boolean', 'picklist'];
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    object: ['quote' as CreateFieldDto['object']],
    label: ['', [Validators.required, Validators.maxLength(120)]],
    name: ['', [Validators.required, Validators.pattern(/^[a-z][A-Za-z0-9]{0,39}$/)]],
    type: ['text' as CreateFieldDto['type']],
    options: [''],
    multiple: [false],
    scale: [null as number | null, [Validators.min(0), Validators.max(6), Validators.pattern(/^\d$/)]],
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const picklist = v.type === 'picklist';
    const scale = v.type === 'decimal' && v.scale !== null && String(v.scale) !== '' ? Number(v.scale) : undefined;
    const options = v.options.split(',').map((o) => o.trim()).filter(Boolean);
    try {
      const body: CreateFieldDto = { object: v.object, label: v.label, name: v.name, type: v.type, ...(picklist ? { options, multiple: v.multiple } : {}), ...(scale !== undefined ? { scale } : {}) };
      this.ref.close(await this.api.invoke(fieldsCreate, { body }));
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
