import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { FieldDto } from '@signet/console-data-access';

export type CustomFieldsForm = FormGroup<Record<string, FormControl<unknown>>>;

/** One control per defined field, filled from the stored values. */
export function customFieldsForm(definitions: readonly FieldDto[], values: Record<string, unknown> = {}): CustomFieldsForm {
  const controls: Record<string, FormControl<unknown>> = {};
  for (const d of definitions) controls[d.name] = new FormControl<unknown>(values[d.name] ?? (d.type === 'boolean' ? false : d.multiple ? [] : null));
  return new FormGroup(controls);
}

/** The form's values as the API takes them: numbers as numbers, decimals as exact strings, empty as null (which clears a field). */
export function customFieldValues(definitions: readonly FieldDto[], form: CustomFieldsForm): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const d of definitions) {
    const raw = form.controls[d.name]?.value;
    const empty = raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    values[d.name] = empty ? null : d.type === 'number' ? Number(raw) : d.type === 'decimal' ? String(raw).trim() : raw;
  }
  return values;
}

/** Inputs for admin-defined fields: text, number, date, yes/no, pick-one and pick-several. */
@Component({
  selector: 'sg-custom-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `:host { display: contents; } mat-checkbox { margin: 4px 0 16px; }`,
  template: `
    @for (d of definitions(); track d.id) {
      @switch (d.type) {
        @case ('boolean') {
          <mat-checkbox [formControl]="form().controls[d.name]" [attr.data-field]="d.name">{{ d.label }}</mat-checkbox>
        }
        @case ('picklist') {
          <mat-form-field appearance="outline">
            <mat-label>{{ d.label }}</mat-label>
            <mat-select [formControl]="form().controls[d.name]" [multiple]="d.multiple" [attr.data-field]="d.name">
              @if (!d.multiple) { <mat-option [value]="null">—</mat-option> }
              @for (o of d.options ?? []; track o) { <mat-option [value]="o">{{ o }}</mat-option> }
            </mat-select>
          </mat-form-field>
        }
        @default {
          <mat-form-field appearance="outline">
            <mat-label>{{ d.label }}</mat-label>
            <input matInput [type]="d.type === 'number' ? 'number' : d.type === 'date' ? 'date' : 'text'" [attr.inputmode]="d.type === 'decimal' ? 'decimal' : null" [formControl]="form().controls[d.name]" [attr.data-field]="d.name" />
          </mat-form-field>
        }
      }
    }
  `,
})
export class CustomFields {
  readonly definitions = input.required<readonly FieldDto[]>();
  readonly form = input.required<CustomFieldsForm>();
}
