import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Api, type ProductComponentDto, type ProductDto, productsList } from '@signet/console-data-access';

const QUANTITY = /^\d+(\.\d{1,4})?$/;

/** Whether every component row has a quantity the API will take (more than 0, at most 4 decimals). */
export function componentsValid(components: readonly ProductComponentDto[]): boolean {
  return components.every((c) => QUANTITY.test(c.quantity.trim()) && Number(c.quantity) > 0);
}

/** The components of a bundle: pick products by sku or name, set a default quantity each. */
@Component({
  selector: 'sg-bundle-components-editor',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h3 { font-size: 15px; margin: 8px 0; }
    .row { display: flex; gap: 12px; align-items: center; }
    .row .what { flex: 1; }
    .row mat-form-field { width: 120px; }
    .hint { color: rgba(0, 0, 0, 0.6); font-size: 13px; margin-bottom: 8px; }
    .add { width: 100%; }
  `,
  template: `
    <h3>Bundle components</h3>
    @if (components().length === 0) { <div class="hint">Not a bundle. Add components to sell this product as a bundle.</div> }
    @for (c of components(); track c.productId; let i = $index) {
      <div class="row" [attr.data-testid]="'component-' + c.sku">
        <span class="what">{{ c.sku }} — {{ c.name }}</span>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Quantity</mat-label>
          <input matInput inputmode="decimal" [value]="c.quantity" (input)="setQuantity(i, $any($event.target).value)" [attr.aria-label]="'Quantity of ' + c.sku" />
        </mat-form-field>
        <button mat-button type="button" (click)="removeAt(i)" [attr.aria-label]="'Remove ' + c.sku">Remove</button>
      </div>
      @if (!quantityOk(c.quantity)) { <div class="hint" role="alert">The quantity of {{ c.sku }} must be more than 0 with at most 4 decimals.</div> }
    }
    <mat-form-field appearance="outline" class="add" subscriptSizing="dynamic">
      <mat-label>Add a component (search sku or name)</mat-label>
      <input matInput [matAutocomplete]="auto" [value]="term()" (input)="onSearch($any($event.target).value)" data-testid="component-search" />
      <mat-autocomplete #auto (optionSelected)="add($event)">
        @for (p of choices(); track p.id) { <mat-option [value]="p">{{ p.sku }} — {{ p.name }}</mat-option> }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class BundleComponentsEditor {
  readonly components = model<ProductComponentDto[]>([]);
  /** The product being edited; it cannot be its own component. */
  readonly productId = input<string | null>(null);
  private readonly api = inject(Api);
  protected readonly term = signal('');
  private readonly found = signal<ProductDto[]>([]);
  protected readonly choices = computed(() => {
    const taken = new Set(this.components().map((c) => c.productId));
    return this.found().filter((p) => p.id !== this.productId() && !taken.has(p.id));
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected quantityOk(quantity: string): boolean {
    return componentsValid([{ productId: '', sku: '', name: '', quantity }]);
  }

  protected onSearch(value: string): void {
    this.term.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const page = await this.api.invoke(productsList, { search: value || undefined, active: true, pageSize: 20 });
      this.found.set(page.items);
    }, 250);
  }

  protected add(event: MatAutocompleteSelectedEvent): void {
    const product = event.option.value as ProductDto;
    this.components.update((list) => [...list, { productId: product.id, sku: product.sku, name: product.name, quantity: '1' }]);
    this.term.set('');
    this.found.set([]);
  }

  protected setQuantity(index: number, quantity: string): void {
    this.components.update((list) => list.map((c, i) => (i === index ? { ...c, quantity } : c)));
  }

  protected removeAt(index: number): void {
    this.components.update((list) => list.filter((_, i) => i !== index));
  }
}
