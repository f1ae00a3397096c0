import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface RedriveDialogData {
  count: number;
}

/** Asks why dead letters are re-driven (the reason goes to the audit log); closes with the reason. */
@Component({
  selector: 'sg-redrive-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Re-drive {{ data.count }} dead letter{{ data.count === 1 ? '' : 's' }}</h2>
    <mat-dialog-content>
      <p>Each is sent again with a document built from the current data (for example a corrected ERP id).</p>
      <mat-form-field appearance="outline" style="width: 100%">
        <mat-label>Reason</mat-label>
        <textarea matInput [formControl]="reason" rows="3" maxlength="500" data-testid="redrive-reason" cdkFocusInitial></textarea>
        @if (reason.hasError('required')) { <mat-error>A reason is required.</mat-error> }
        @if (reason.hasError('minlength')) { <mat-error>At least 3 characters.</mat-error> }
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="null">Cancel</button>
      <button mat-flat-button (click)="submit()" data-testid="redrive-confirm">Re-drive</button>
    </mat-dialog-actions>
  `,
})
export class RedriveDialog {
  protected readonly data = inject<RedriveDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RedriveDialog, string | null>>(MatDialogRef);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3), Validators.maxLength(500)] });

  protected submit(): void {
    this.reason.setValue(this.reason.value.trim());
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close(this.reason.value);
  }
}
