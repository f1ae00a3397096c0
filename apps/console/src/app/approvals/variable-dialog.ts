import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Api, approvalVariablesCreate, approvalVariablesUpdate, type ApprovalVariableDto, type Problem, toProblem, type VariableFunction } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** The variable editor (new, or an existing one passed as data): an aggregate over the quote lines that pass a filter. */
@Component({
  selector: 'sg-variable-dialog',
  imports: [FormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.form { display: flex; flex-direction: column; min-width: min(440px, 85vw); } .row { display: flex; gap: 8px; } .row mat-form-field { flex: 1; } .hint { color: var(--mat-sys-on-surface-variant); margin: 0 0 12px; }`,
  template: `
    <h2 mat-dialog-title>{{ existing ? 'Edit variable' : 'New variable' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <div class="form">
        @if (existing && existing.usedBy > 0) {
          <p class="hint" data-testid="variable-used-hint">Used by {{ existing.usedBy }} rule(s): it can't be renamed while rules test it; other changes apply to them at once.</p>
        }
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
  protected readonly existing = inject<ApprovalVariableDto | null>(MAT_DIALOG_DATA, { optional: true });
  protected name = this.existing?.name ?? '';
  protected fn: VariableFunction = this.existing?.function ?? 'sum';
  protected field = this.existing ? (this.existing.field ?? '') : 'netTotal';
  protected whereField = this.existing?.where[0]?.field ?? '';
  protected whereValue = this.existing?.where[0]?.value === undefined || this.existing?.where[0]?.value === null ? '' : String(this.existing.where[0].value);

  async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const body = {
        name: this.name.trim(),
        function: this.fn,
        ...(this.fn !== 'discount' && this.field.trim() ? { field: this.field.trim() } : {}),
        // Keeps filters the dialog does not show (a second and later filter) as they were.
        where: [
          ...(this.whereField.trim() ? [{ field: this.whereField.trim(), op: 'eq' as const, value: this.whereValue }] : []),
          ...(this.existing?.where.slice(1) ?? []),
        ],
      };
      if (this.existing) {
        await this.api.invoke(approvalVariablesUpdate, {
          id: this.existing.id,
          body: { ...body, field: this.fn !== 'discount' && this.field.trim() ? this.field.trim() : null, version: this.existing.version },
        });
      } else {
        await this.api.invoke(approvalVariablesCreate, { body });
      }
      this.ref.close(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
