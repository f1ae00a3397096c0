import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Api, type Problem, type ProductComponentDto, type ProductDto, productsCreate, productsUpdate, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';
import { BundleComponentsEditor, componentsValid } from './bundle-components-editor';

const MONEY = /^\d+(\.\d{1,2})?$/;

/** Creates a product or edits one; sku and charge type are fixed once quotes may use them. */
@Component({
  selector: 'sg-product-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, MatButtonModule, ProblemBanner, BundleComponentsEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(460px, 80vw); } .row { display: flex; gap: 12px; } .row > * { flex: 1; }`,
  template: `
    <h2 mat-dialog-title>{{ product ? 'Edit ' + product.sku : 'New product' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="product-form" (ngSubmit)="save()" novalidate>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>SKU</mat-label>
            <input matInput formControlName="sku" data-testid="product-sku" />
            @if (form.controls.sku.invalid) { <mat-error>Letters, digits, dots, dashes; at most 64.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Charge</mat-label>
            <mat-select formControlName="chargeType" data-testid="product-charge">
              <mat-option value="one-time">One-time</mat-option>
              <mat-option value="recurring">Recurring</mat-option>
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" data-testid="product-name" />
          @if (form.controls.name.invalid) { <mat-error>A name is required.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Family</mat-label>
          <input matInput formControlName="family" />
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>List price{{ form.controls.chargeType.value === 'recurring' ? ' per 12 months' : '' }}</mat-label>
            <input matInput formControlName="listPrice" inputmode="decimal" data-testid="product-price" />
            @if (form.controls.listPrice.invalid) { <mat-error>An amount with at most 2 decimals.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>SSP</mat-label>
            <input matInput formControlName="ssp" inputmode="decimal" />
            @if (form.controls.ssp.invalid) { <mat-error>An amount with at most 2 decimals.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Term (months)</mat-label>
            <input matInput type="number" formControlName="termMonths" />
          </mat-form-field>
        </div>
        @if (product) { <mat-slide-toggle formControlName="active">Sold — retired products cannot be added to quotes</mat-slide-toggle> }
      </form>
      <sg-bundle-components-editor [(components)]="components" [productId]="product?.id ?? null" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="product-form" [disabled]="busy()" data-testid="product-save">Save</button>
    </mat-dialog-actions>
  `,
})
export class ProductDialog {
  protected readonly product = inject<ProductDto | null>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ProductDialog, ProductDto>);
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly components = signal<ProductComponentDto[]>(this.product?.components ?? []);
  protected readonly form = inject(NonNullableFormBuilder).group({
    sku: [{ value: this.product?.sku ?? '', disabled: !!this.product }, [Validators.required, Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)]],
    chargeType: [{ value: this.product?.chargeType ?? ('one-time' as ProductDto['chargeType']), disabled: !!this.product }],
    name: [this.product?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    family: [this.product?.family ?? ''],
    listPrice: [this.product?.listPrice ?? '', [Validators.required, Validators.pattern(MONEY)]],
    ssp: [this.product?.ssp ?? '', [Validators.pattern(MONEY)]],
    termMonths: [this.product?.termMonths ?? (null as number | null), [Validators.min(1), Validators.max(600)]],
    active: [this.product?.active ?? true],
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || !componentsValid(this.components())) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const common = {
      name: v.name,
      family: v.family.trim() || null,
      listPrice: v.listPrice,
      ssp: v.ssp || null,
      termMonths: v.termMonths === null || String(v.termMonths) === '' ? null : Number(v.termMonths),
      components: this.components().map((c) => ({ productId: c.productId, quantity: c.quantity.trim() })),
    };
    try {
      const saved = this.product
        ? await this.api.invoke(productsUpdate, { id: this.product.id, body: { ...common, active: v.active, version: this.product.version } })
        : await this.api.invoke(productsCreate, { body: { ...common, sku: v.sku, chargeType: v.chargeType } });
      this.ref.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
