import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  type FormControl,
  FormArray,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type AmendmentCreatedDto,
  Api,
  type ContractDto,
  contractsAmend,
  type Problem,
  toProblem,
} from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** A change of units per subscribed product from a date to the end of the contract; 0 leaves it alone. */
@Component({
  selector: 'sg-amend-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    ProblemBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      min-width: min(420px, 80vw);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h2 mat-dialog-title>Amend {{ data.number }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <p class="hint">
        The changes run from the effective date to the end of each subscription
        ({{ data.endDate }}), prorated by day. An amendment quote is created; it
        goes through approvals and changes the contract once its order is
        activated.
      </p>
      <form [formGroup]="form" id="amend-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Effective date</mat-label>
          <input
            matInput
            type="date"
            formControlName="effective"
            [min]="data.startDate"
            [max]="data.endDate"
            data-testid="amend-effective"
          />
          @if (form.controls.effective.hasError('required')) {
            <mat-error>When does the change take effect?</mat-error>
          }
        </mat-form-field>
        <ng-container formArrayName="changes">
          @for (c of changes.controls; track $index) {
            <mat-form-field appearance="outline" [formGroupName]="$index">
              <mat-label
                >{{ skus[$index] }}: units to add (negative to
                remove)</mat-label
              >
              <input
                matInput
                type="number"
                step="any"
                formControlName="quantityDelta"
                [attr.data-testid]="'amend-' + skus[$index]"
              />
              @if (c.controls.quantityDelta.hasError('pattern')) {
                <mat-error>A whole or decimal number, e.g. 5 or -2.</mat-error>
              }
            </mat-form-field>
          }
        </ng-container>
        @if (noChange()) {
          <mat-error>Change at least one product.</mat-error>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        form="amend-form"
        [disabled]="saving()"
        data-testid="amend-save"
      >
        Create amendment quote
      </button>
    </mat-dialog-actions>
  `,
})
export class AmendDialog {
  protected readonly data = inject<ContractDto>(MAT_DIALOG_DATA);
  private readonly api = inject(Api);
  private readonly ref = inject(MatDialogRef<AmendDialog, AmendmentCreatedDto>);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly skus = [
    ...new Set(this.data.subscriptions.map((s) => s.sku)),
  ];
  protected readonly changes: FormArray<
    FormGroup<{ quantityDelta: FormControl<string> }>
  > = this.fb.array(
    this.skus.map(() =>
      this.fb.group({
        quantityDelta: ['0', [Validators.pattern(/^-?\d+(\.\d+)?$/)]],
      }),
    ),
  );
  protected readonly form = this.fb.group({
    effective: ['', Validators.required],
    changes: this.changes,
  });
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saving = signal(false);
  protected readonly noChange = signal(false);

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const values = this.form.getRawValue().changes as {
      quantityDelta: string;
    }[];
    const changes = values
      .map((v, i) => ({
        sku: this.skus[i],
        quantityDelta: String(v.quantityDelta),
      }))
      .filter((c) => Number(c.quantityDelta) !== 0);
    this.noChange.set(changes.length === 0);
    if (changes.length === 0) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      this.ref.close(
        await this.api.invoke(contractsAmend, {
          id: this.data.id,
          body: { effective: this.form.getRawValue().effective, changes },
        }),
      );
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
