import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  Api,
  type FieldDto,
  fieldsList,
  type Problem,
  type ProductDto,
  productsList,
  type QuoteDto,
  type QuoteLineDto,
  quotesPutLines,
  toProblem,
} from '@signet/console-data-access';
import { CustomFields, customFieldsForm, customFieldValues } from '../shared/custom-fields';
import { ProblemBanner } from '../shared/problem-banner';

export interface LineDialogData {
  quote: QuoteDto;
  line: QuoteLineDto | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Adds a line to a quote or changes one; the quote is saved at once (PUT lines with the version read). */
@Component({
  selector: 'sg-line-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, ProblemBanner, CustomFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(520px, 85vw); } .row { display: flex; gap: 12px; } .row > * { flex: 1; }`,
  template: `
    <h2 mat-dialog-title>{{ data.line ? 'Edit line ' + data.line.sku : 'Add a line' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="line-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Product</mat-label>
          <mat-select formControlName="productId" data-testid="line-product" (selectionChange)="onProduct($event.value)">
            @for (p of products(); track p.id) {
              <mat-option [value]="p.id">{{ p.sku }} — {{ p.name }} ({{ p.listPrice }}{{ p.chargeType === 'recurring' ? ' / 12 months' : '' }})</mat-option>
            }
          </mat-select>
          @if (form.controls.productId.hasError('required')) { <mat-error>Pick a product.</mat-error> }
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Quantity</mat-label>
            <input matInput formControlName="quantity" inputmode="decimal" data-testid="line-quantity" />
            @if (form.controls.quantity.invalid) { <mat-error>A positive number.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Unit list price</mat-label>
            <input matInput formControlName="listUnitPrice" inputmode="decimal" data-testid="line-price" />
            @if (form.controls.listUnitPrice.invalid) { <mat-error>An amount, e.g. 1200.00.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Discount %</mat-label>
            <input matInput formControlName="discountPercent" inputmode="decimal" data-testid="line-discount" />
            @if (form.controls.discountPercent.invalid) { <mat-error>0 to 100.</mat-error> }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Group</mat-label>
            <input matInput formControlName="group" data-testid="line-group" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Start date (default: the quote's)</mat-label>
            <input matInput type="date" formControlName="startDate" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Term (months)</mat-label>
            <input matInput type="number" min="1" max="600" formControlName="termMonths" />
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>Part of bundle</mat-label>
          <mat-select formControlName="parentId">
            <mat-option [value]="null">— not a component —</mat-option>
            @for (l of parents; track l.id) { <mat-option [value]="l.id">{{ l.position + 1 }}. {{ l.sku }} — {{ l.productName }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <sg-custom-fields [definitions]="definitions()" [form]="fields()" />
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="line-form" [disabled]="busy()" data-testid="line-save">{{ data.line ? 'Save line' : 'Add line' }}</button>
    </mat-dialog-actions>
  `,
})
export class LineDialog implements OnInit {
  protected readonly data = inject<LineDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<LineDialog, QuoteDto>);
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly products = signal<ProductDto[]>([]);
  protected readonly definitions = signal<FieldDto[]>([]);
  protected readonly fields = signal(customFieldsForm([]));
  protected readonly parents = this.data.quote.lines.filter((l) => l.id !== this.data.line?.id && l.parentId === null);
  private readonly line = this.data.line;
  protected readonly form = inject(NonNullableFormBuilder).group({
    productId: [this.line?.productId ?? '', [Validators.required]],
    quantity: [this.line?.quantity ?? '1', [Validators.required, Validators.pattern(DECIMAL)]],
    listUnitPrice: [this.line?.listUnitPrice ?? '', [Validators.required, Validators.pattern(DECIMAL)]],
    discountPercent: [this.line?.discountPercent ?? '0', [Validators.required, Validators.pattern(DECIMAL), Validators.max(100)]],
    group: [this.line?.group ?? ''],
    startDate: [this.line?.startDate ?? ''],
    termMonths: [this.line?.termMonths ?? (null as number | null), [Validators.min(1), Validators.max(600)]],
    parentId: [this.line?.parentId ?? (null as string | null)],
  });

  async ngOnInit(): Promise<void> {
    try {
      const [products, fields] = await Promise.all([
        this.api.invoke(productsList, { active: true, pageSize: 200 }),
        this.api.invoke(fieldsList, { object: 'line', pageSize: 200 }),
      ]);
      // A line on a retired product stays editable, so keep its product in the list.
      const current = this.line && !products.items.some((p) => p.id === this.line?.productId) ? [{ id: this.line.productId, sku: this.line.sku, name: this.line.productName } as ProductDto] : [];
      this.products.set([...current, ...products.items]);
      this.definitions.set(fields.items);
      this.fields.set(customFieldsForm(fields.items, this.line?.fields));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected onProduct(productId: string): void {
    const product = this.products().find((p) => p.id === productId);
    if (product?.listPrice) this.form.controls.listUnitPrice.setValue(product.listPrice);
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const fields = Object.fromEntries(Object.entries(customFieldValues(this.definitions(), this.fields())).filter(([, value]) => value !== null));
    try {
      const saved = await this.api.invoke(quotesPutLines, {
        id: this.data.quote.id,
        body: {
          version: this.data.quote.version,
          upsert: [
            {
              ...(this.line ? { id: this.line.id } : {}),
              productId: v.productId,
              quantity: v.quantity,
              listUnitPrice: v.listUnitPrice,
              discountPercent: v.discountPercent,
              group: v.group.trim() || null,
              startDate: v.startDate || null,
              termMonths: v.termMonths === null || String(v.termMonths) === '' ? null : Number(v.termMonths),
              parentId: v.parentId,
              fields,
            },
          ],
          remove: [],
        },
      });
      this.ref.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
