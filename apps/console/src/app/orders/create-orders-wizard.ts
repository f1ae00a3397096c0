import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  Api,
  type CreateOrdersDto,
  type CreateOrdersResultDto,
  fieldsList,
  ordersCreateFromQuote,
  type Problem,
  type QuoteDto,
  quotesGet,
  quotesList,
  type QuoteSummaryDto,
  toProblem,
} from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

type Mode = 'quote' | 'fields' | 'single';

/** Lines shown for selection and partial quantities; larger quotes split whole (or by fields) from here. */
const MAX_SELECTABLE_LINES = 500;

/**
 * Create orders from an approved quote: pick how to split, optionally choose lines and partial
 * quantities, and see the resulting orders, lines and totals (a dry run) before confirming.
 */
@Component({
  selector: 'sg-create-orders-wizard',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ProblemBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(320px, 1fr) minmax(360px, 1.3fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .step {
      margin-bottom: 20px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .lines {
      max-height: 360px;
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .line {
      display: grid;
      grid-template-columns: 32px 1fr 90px;
      gap: 8px;
      align-items: center;
      padding: 4px 8px;
    }
    .line input {
      width: 80px;
    }
    .order {
      margin-bottom: 12px;
    }
    .order header {
      display: flex;
      justify-content: space-between;
      font-weight: 500;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    td,
    th {
      padding: 2px 6px;
      text-align: left;
    }
    .num {
      text-align: right;
    }
    .totals {
      display: flex;
      gap: 24px;
      font: var(--mat-sys-title-small);
      margin: 8px 0 16px;
    }
    .actions {
      display: flex;
      gap: 12px;
      margin-top: 16px;
    }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Create orders</h1></div>
      <sg-problem-banner [problem]="problem()" />
      <div class="layout">
        <section>
          <div class="step">
            <h2>1. Approved quote</h2>
            <mat-form-field appearance="outline" style="width: 100%">
              <mat-label>Quote</mat-label>
              <mat-select
                [ngModel]="quoteId()"
                (ngModelChange)="pickQuote($event)"
                data-testid="wizard-quote"
              >
                @for (q of approved(); track q.id) {
                  <mat-option [value]="q.id"
                    >{{ q.number }} · {{ q.name }} ·
                    {{ q.accountName }}</mat-option
                  >
                }
              </mat-select>
              @if (!approved().length) {
                <mat-hint
                  >No approved quotes yet: a quote must be approved before it is
                  ordered.</mat-hint
                >
              }
            </mat-form-field>
          </div>
          @if (quote(); as q) {
            <div class="step">
              <h2>2. Split</h2>
              <mat-radio-group
                [ngModel]="mode()"
                (ngModelChange)="mode.set($event); refresh()"
                data-testid="wizard-mode"
              >
                <mat-radio-button value="quote"
                  >The quote's default split</mat-radio-button
                >
                <mat-radio-button value="fields" data-testid="mode-fields"
                  >By fields</mat-radio-button
                >
                <mat-radio-button value="single">One order</mat-radio-button>
              </mat-radio-group>
              @if (mode() === 'fields') {
                <mat-chip-listbox
                  multiple
                  aria-label="Split fields"
                  [ngModel]="by()"
                  (ngModelChange)="by.set($event); refresh()"
                  data-testid="wizard-fields"
                >
                  @for (p of paths(); track p.path) {
                    <mat-chip-option
                      [value]="p.path"
                      [attr.data-path]="p.path"
                      >{{ p.label }}</mat-chip-option
                    >
                  }
                </mat-chip-listbox>
                @if (!by().length) {
                  <p class="hint">
                    Pick at least one field; lines with the same values go to
                    one order.
                  </p>
                }
              }
            </div>
            <div class="step">
              <h2>3. Lines and quantities</h2>
              <mat-checkbox
                [ngModel]="allLines()"
                (ngModelChange)="allLines.set($event); refresh()"
                data-testid="wizard-all-lines"
                >Order every line, all that remains</mat-checkbox
              >
              @if (!allLines()) {
                @if (q.lines.length > maxLines) {
                  <p>
                    This quote has {{ q.lines.length }} lines; the first
                    {{ maxLines }} are listed.
                  </p>
                }
                <div class="lines">
                  @for (l of q.lines.slice(0, maxLines); track l.id) {
                    <div class="line">
                      <mat-checkbox
                        [ngModel]="selected().has(l.id)"
                        (ngModelChange)="toggle(l.id, $event)"
                        [attr.aria-label]="'Order line ' + (l.position + 1)"
                      />
                      <span
                        >{{ l.position + 1 }}. {{ l.productName }} ({{ l.sku }})
                        · {{ l.quantity }}</span
                      >
                      <input
                        type="number"
                        min="0"
                        [max]="l.quantity"
                        step="any"
                        placeholder="all"
                        [ngModel]="quantities()[l.id] ?? ''"
                        (ngModelChange)="setQuantity(l.id, $event)"
                        [attr.aria-label]="
                          'Quantity of line ' + (l.position + 1)
                        "
                      />
                    </div>
                  }
                </div>
              }
            </div>
          }
        </section>
        <section data-testid="wizard-preview">
          <h2>Preview</h2>
          @if (previewing()) {
            <mat-progress-bar mode="indeterminate" />
          }
          @if (plan(); as p) {
            @if (p.orderCount === 0) {
              <div class="empty-state">
                Nothing left to order with these choices.
              </div>
            } @else {
              <div class="totals">
                <span data-testid="preview-count"
                  >{{ p.orderCount }} orders</span
                ><span>{{ p.lineCount }} lines</span
                ><span>{{ p.netTotal | number: '1.2-2' }}</span>
              </div>
              @for (o of p.orders; track o.key) {
                <mat-card
                  appearance="outlined"
                  class="order"
                  data-testid="preview-order"
                >
                  <mat-card-content>
                    <header>
                      <span>{{ o.key }}</span
                      ><span
                        >effective {{ o.effectiveDate }} ·
                        {{ o.netTotal | number: '1.2-2' }}</span
                      >
                    </header>
                    <table>
                      @for (l of o.lines.slice(0, 20); track l.lineId) {
                        <tr>
                          <td>{{ l.productName }}</td>
                          <td class="num">
                            {{ l.quantity }} of {{ l.quoted }}
                          </td>
                          <td class="num">
                            {{ l.netTotal | number: '1.2-2' }}
                          </td>
                        </tr>
                      }
                      @if (o.lines.length > 20) {
                        <tr>
                          <td colspan="3">
                            … and {{ o.lines.length - 20 }} more lines
                          </td>
                        </tr>
                      }
                    </table>
                  </mat-card-content>
                </mat-card>
              }
            }
          } @else if (!quote()) {
            <div class="empty-state">
              Pick an approved quote to see the orders it would make.
            </div>
          }
          <div class="actions">
            <button
              mat-flat-button
              [disabled]="!canConfirm()"
              (click)="confirm()"
              data-testid="wizard-confirm"
            >
              Create {{ plan()?.orderCount ?? 0 }} orders
            </button>
            <a mat-button routerLink="/orders">Cancel</a>
          </div>
        </section>
      </div>
    </div>
  `,
})
export class CreateOrdersWizard implements OnInit {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly maxLines = MAX_SELECTABLE_LINES;
  protected readonly approved = signal<QuoteSummaryDto[]>([]);
  protected readonly quoteId = signal<string | null>(null);
  protected readonly quote = signal<QuoteDto | null>(null);
  protected readonly paths = signal<{ path: string; label: string }[]>([
    { path: 'group', label: 'Line group' },
    { path: 'sku', label: 'Product' },
    { path: 'startDate', label: 'Start date' },
  ]);
  protected readonly mode = signal<Mode>('fields');
  protected readonly by = signal<string[]>([]);
  protected readonly allLines = signal(true);
  protected readonly selected = signal<Set<string>>(new Set());
  protected readonly quantities = signal<Record<string, string>>({});
  protected readonly plan = signal<CreateOrdersResultDto | null>(null);
  protected readonly previewing = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly canConfirm = computed(
    () =>
      !!this.plan() &&
      (this.plan()?.orderCount ?? 0) > 0 &&
      !this.previewing() &&
      !this.problem(),
  );
  /** One key per wizard visit: a double click or a retry after a timeout never creates orders twice. */
  private readonly idempotencyKey = `wizard-${crypto.randomUUID()}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;

  async ngOnInit(): Promise<void> {
    try {
      const [quotes, fields] = await Promise.all([
        this.api.invoke(quotesList, { status: 'approved', pageSize: 100 }),
        this.api.invoke(fieldsList, { object: 'line', pageSize: 200 }),
      ]);
      this.approved.set(quotes.items);
      this.paths.update((p) => [
        ...p,
        ...fields.items.map((f) => ({
          path: `fields.${f.name}`,
          label: f.label,
        })),
      ]);
      const preset = this.route.snapshot.queryParamMap.get('quote');
      if (preset) await this.pickQuote(preset);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected async pickQuote(id: string): Promise<void> {
    this.quoteId.set(id);
    this.plan.set(null);
    try {
      this.quote.set(await this.api.invoke(quotesGet, { id }));
      this.selected.set(new Set());
      this.quantities.set({});
      this.refresh();
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected toggle(id: string, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    this.refresh();
  }

  protected setQuantity(id: string, value: string | number | null): void {
    this.quantities.update((q) => {
      const next = { ...q };
      if (value === null || value === '') delete next[id];
      else next[id] = String(value);
      return next;
    });
    if (value !== null && value !== '')
      this.selected.update((s) => new Set(s).add(id));
    this.refresh();
  }

  /** Live preview: re-plans shortly after the last change; only the latest answer is shown. */
  protected refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.preview(), 250);
  }

  private request(): CreateOrdersDto {
    const body: CreateOrdersDto = {};
    if (this.mode() === 'fields') body.by = this.by();
    if (this.mode() === 'single') body.by = [];
    if (!this.allLines()) {
      body.lines = [...this.selected()];
      const quantities = Object.entries(this.quantities()).filter(([id]) =>
        this.selected().has(id),
      );
      if (quantities.length)
        body.quantities = quantities.map(([lineId, quantity]) => ({
          lineId,
          quantity,
        }));
    }
    return body;
  }

  private async preview(): Promise<void> {
    const id = this.quoteId();
    if (!id) return;
    if (this.mode() === 'fields' && this.by().length === 0) {
      this.plan.set(null);
      return;
    }
    if (!this.allLines() && this.selected().size === 0) {
      this.plan.set(null);
      return;
    }
    const mine = ++this.sequence;
    this.previewing.set(true);
    this.problem.set(null);
    try {
      const plan = await this.api.invoke(ordersCreateFromQuote, {
        id,
        dryRun: true,
        body: this.request(),
      });
      if (mine === this.sequence) this.plan.set(plan);
    } catch (error) {
      if (mine === this.sequence) {
        this.plan.set(null);
        this.problem.set(toProblem(error));
      }
    } finally {
      if (mine === this.sequence) this.previewing.set(false);
    }
  }

  protected async confirm(): Promise<void> {
    const id = this.quoteId();
    if (!id) return;
    this.previewing.set(true);
    try {
      await this.api.invoke(ordersCreateFromQuote, {
        id,
        body: { ...this.request(), idempotencyKey: this.idempotencyKey },
      });
      await this.router.navigate(['/orders/board', id]);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.previewing.set(false);
    }
  }
}
