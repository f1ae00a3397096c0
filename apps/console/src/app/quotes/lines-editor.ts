import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { type AccountLocationDto, accountLocationsList, Api, type Problem, type ProductDto, productsList, type QuoteDto, quotesPutLines, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';
import { cellErrors, type EditRow, previewTotals, rowOf } from './lines-preview';

const ROWS_PER_PAGE = 100;
type Editable = 'quantity' | 'discountPercent' | 'startDate' | 'group' | 'shipToLocationId';

/**
 * The quote's lines as an inline-editing grid: quantity, discount, start date and group edit in
 * place, products are added through a server-side autocomplete, bundles expand and collapse,
 * totals update live (domain library, preview only), and Save sends one PUT lines with the version
 * read. Paged, so the 2,000-line demo quote stays quick.
 */
@Component({
  selector: 'sg-lines-editor',
  imports: [DecimalPipe, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './lines-editor.scss',
  templateUrl: './lines-editor.html',
})
export class LinesEditor {
  readonly quote = input.required<QuoteDto>();
  readonly editable = input(false);
  readonly saved = output<string>();
  /** "Edit line n" opens the line dialog (custom fields) from the page. */
  readonly editFields = output<string>();
  /** The quote changed elsewhere: load it again. */
  readonly reload = output<void>();
  private readonly api = inject(Api);

  protected readonly rows = signal<EditRow[]>([]);
  private readonly baseline = signal<ReadonlyMap<string, EditRow>>(new Map());
  protected readonly removed = signal<string[]>([]);
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  protected readonly page = signal(0);
  protected readonly rowsPerPage = ROWS_PER_PAGE;
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly conflict = signal(false);
  protected readonly suggestions = signal<ProductDto[]>([]);
  /** Ship-to locations of the quote's account. */
  protected readonly locations = signal<AccountLocationDto[]>([]);
  protected readonly searching = signal(false);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly changedRows = computed(() => {
    const base = this.baseline();
    return this.rows().filter((r) => r.isNew || !sameRow(base.get(r.id), r));
  });
  readonly dirty = computed(() => this.changedRows().length > 0 || this.removed().length > 0);
  protected readonly errors = computed(() => new Map(this.rows().map((r) => [r.id, cellErrors(r)])));
  protected readonly invalid = computed(() => [...this.errors().values()].some((e) => Object.keys(e).length > 0));
  protected readonly totals = computed(() => previewTotals(this.quote(), this.rows()));
  protected readonly parents = computed(() => new Set(this.rows().flatMap((r) => (r.parentId ? [r.parentId] : []))));
  protected readonly visible = computed(() => {
    const hidden = this.collapsed();
    return this.rows().filter((r) => !r.parentId || !hidden.has(r.parentId));
  });
  protected readonly pageRows = computed(() => {
    const start = this.page() * ROWS_PER_PAGE;
    return this.visible().slice(start, start + ROWS_PER_PAGE);
  });
  protected readonly groupNames = computed(() => [...new Set([...this.quote().groups.flatMap((g) => (g.group ? [g.group] : [])), ...this.rows().flatMap((r) => (r.group ? [r.group] : []))])]);

  constructor() {
    // A newly loaded quote replaces the grid, unless the user has unsaved edits (a 409 keeps them).
    effect(() => {
      const quote = this.quote();
      untracked(() => {
        if (!this.dirty()) this.reset(quote);
      });
    });
    let accountId = '';
    effect(() => {
      const id = this.quote().accountId;
      if (id === accountId) return;
      accountId = id;
      this.api.invoke(accountLocationsList, { id }).then(
        (locations) => this.locations.set(locations),
        (error) => this.problem.set(toProblem(error)),
      );
    });
  }

  protected update(row: EditRow, key: Editable, value: string): void {
    const next = key === 'shipToLocationId' && value === '' ? null : value;
    this.rows.update((rows) => rows.map((r) => (r.id === row.id ? { ...r, [key]: next } : r)));
  }

  protected remove(row: EditRow): void {
    const gone = new Set([row.id, ...this.rows().filter((r) => r.parentId === row.id).map((r) => r.id)]);
    this.rows.update((rows) => rows.filter((r) => !gone.has(r.id)));
    this.removed.update((ids) => [...ids, ...[...gone].filter((id) => this.baseline().has(id))]);
  }

  protected toggle(row: EditRow): void {
    this.collapsed.update((set) => {
      const next = new Set(set);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  }

  protected search(term: string): void {
    clearTimeout(this.searchTimer);
    if (term.trim().length < 1) {
      this.suggestions.set([]);
      return;
    }
    this.searchTimer = setTimeout(async () => {
      this.searching.set(true);
      try {
        const page = await this.api.invoke(productsList, { search: term.trim(), active: true, pageSize: 10 });
        this.suggestions.set(page.items);
      } catch (error) {
        this.problem.set(toProblem(error));
      } finally {
        this.searching.set(false);
      }
    }, 200);
  }

  protected add(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const product = event.option.value as ProductDto;
    const row: EditRow = {
      id: crypto.randomUUID(),
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      family: product.family ?? null,
      chargeType: product.chargeType,
      listUnitPrice: product.listPrice,
      productTerm: product.termMonths ?? null,
      quantity: '1',
      discountPercent: '0',
      startDate: '',
      group: '',
      parentId: null,
      termMonths: null,
      shipToLocationId: null,
      fields: {},
      isNew: true,
    };
    this.rows.update((rows) => [...rows, row]);
    this.page.set(Math.floor((this.visible().length - 1) / ROWS_PER_PAGE));
    input.value = '';
    this.suggestions.set([]);
  }

  protected displayProduct = (p: ProductDto | string | null) => (typeof p === 'string' ? p : p ? `${p.sku} ${p.name}` : '');

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex);
  }

  /** Drops the edits; after a conflict, asks the page to load the quote again. */
  protected discard(): void {
    this.reset(this.quote());
    if (this.conflict()) {
      this.conflict.set(false);
      this.reload.emit();
    }
  }

  private reset(quote: QuoteDto): void {
    const rows = quote.lines.map(rowOf);
    this.rows.set(rows);
    this.baseline.set(new Map(rows.map((r) => [r.id, r])));
    this.removed.set([]);
  }

  async save(): Promise<void> {
    if (this.invalid() || !this.dirty()) return;
    this.saving.set(true);
    this.problem.set(null);
    this.conflict.set(false);
    const upsert = this.changedRows().map((r) => ({
      id: r.id,
      productId: r.productId,
      quantity: r.quantity.trim(),
      discountPercent: r.discountPercent.trim(),
      listUnitPrice: r.isNew ? null : r.listUnitPrice,
      parentId: r.parentId,
      group: r.group.trim() || null,
      startDate: r.startDate || null,
      termMonths: r.termMonths,
      shipToLocationId: r.shipToLocationId,
      fields: r.fields,
    }));
    try {
      await this.api.invoke(quotesPutLines, { id: this.quote().id, body: { version: this.quote().version, upsert, remove: this.removed() } });
      const count = upsert.length + this.removed().length;
      this.removed.set([]);
      this.baseline.set(new Map(this.rows().map((r) => [r.id, { ...r, isNew: false }])));
      this.rows.update((rows) => rows.map((r) => ({ ...r, isNew: false })));
      this.saved.emit(`Saved ${count} line change(s)`);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 409) this.conflict.set(true);
      else this.problem.set(problem);
    } finally {
      this.saving.set(false);
    }
  }
}

function sameRow(a: EditRow | undefined, b: EditRow): boolean {
  return !!a && a.quantity === b.quantity && a.discountPercent === b.discountPercent && a.startDate === b.startDate && a.group === b.group && a.shipToLocationId === b.shipToLocationId;
}
