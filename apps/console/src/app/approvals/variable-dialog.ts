import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Api, approvalVariablesCreate, type Problem, toProblem, type VariableFunction } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** The variable editor: an aggregate over the quote lines that pass a filter. */
@Component({
  selector: 'sg-variable-dialog',
  imports: [FormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.form { display: flex; flex-direction: column; min-width: min(440px, 85vw); } .row { display: flex; gap: 8px; } .row mat-form-field { flex: 1; }`,
  template: `
    <h2 mat-dialog-title>New variable</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <div class="form">
        <mat-form-field appearance="outline"><mat-label>Name (used as var.name)</mat-label><input matInput [(ngModel)]="name" data-testid="variable-name" /></mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Function</mat-label>
            <mat-select [(ngModel)]="fn" data-testid="variable-function">
              @for (f of functions; track f) { <mat-option [value]="f">{{ f }}</mat-option> }
            </mat-select>
          </mat-form-field>
          @if (fn !== 'discount') {
            <mat-form-field appearance="outline"><mat-label>Line field{{ fn === 'count' ? ' (optional)' : '' }}</mat-label><input matInput [(ngModel)]="field" placeholder="netTotal" data-testid="variable-field" /></mat-form-field>
          }
        </div>
        <div class="row">
          <mat-form-field appearance="outline"><mat-label>Only lines whose field</mat-label><input matInput [(ngModel)]="whereField" placeholder="family" /></mat-form-field>
          <mat-form-field appearance="outline"><mat-label>equals</mat-label><input matInput [(ngModel)]="whereValue" placeholder="License" /></mat-form-field>
        </div>
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Cancel</button>
      <button mat-flat-button (click)="save()" [disabled]="busy() || !name.trim()" data-testid="variable-save">Save</button>
    </mat-dialog-actions>
  `,
})
export class VariableDialog {
  private readonly api = inject(Api);
  private readonly ref = inject(MatDialogRef<VariableDialog, boolean>);
  protected readonly functions: VariableFunction[] = ['sum', 'avg', 'min', 'max', 'count', 'discount'];
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected name = '';
  protected fn: VariableFunction = 'sum';
  protected field = 'netTotal';
  protected whereField = '';
  protected whereValue = '';

  async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.api.invoke(approvalVariablesCreate, {
        body: {
          name: this.name.trim(),
          function: this.fn,
          ...(this.fn !== 'discount' && this.field.trim() ? { field: this.field.trim() } : {}),
          where: this.whereField.trim() ? [{ field: this.whereField.trim(), op: 'eq', value: this.whereValue }] : [],
        },
      });
      this.ref.close(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
