import {
  CdkDrag,
  CdkDragPlaceholder,
  type CdkDragDrop,
  CdkDropList,
  CdkDropListGroup,
} from '@angular/cdk/drag-drop';
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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  Api,
  AuthStore,
  contractsCreate,
  type OrderDto,
  type OrderLineDto,
  ordersActivate,
  ordersCancel,
  ordersGet,
  ordersList,
  ordersMerge,
  ordersMoveLines,
  ordersUnschedule,
  type Problem,
  toProblem,
} from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { StateChip } from './order-status-chip';

const tomorrow = () =>
  new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * The orders of one quote as a board: draft orders are columns whose lines can be dragged to
 * another draft; each draft can be activated now, scheduled, merged or cancelled; activated orders
 * can be contracted together.
 */
@Component({
  selector: 'sg-draft-board',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    CdkDragPlaceholder,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProblemBanner,
    StateChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .board {
      display: flex;
      gap: 16px;
      overflow-x: auto;
      padding-bottom: 8px;
      align-items: flex-start;
    }
    .column {
      min-width: 280px;
      max-width: 320px;
      flex: 0 0 auto;
    }
    .column header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      margin-bottom: 4px;
    }
    .drop {
      min-height: 60px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 6px;
    }
    .drop.cdk-drop-list-receiving {
      background: var(--mat-sys-secondary-container);
    }
    .line {
      padding: 6px 8px;
      margin: 4px 0;
      border-radius: 6px;
      background: var(--mat-sys-surface-container);
      cursor: grab;
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .line.cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .placeholder {
      height: 32px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      margin: 4px 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 8px;
      align-items: center;
    }
    .controls input[type='date'] {
      font: inherit;
      padding: 4px;
    }
    .live {
      margin-top: 24px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    td,
    th {
      padding: 6px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right;
    }
  `,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Orders of {{ orders()[0]?.quoteNumber ?? 'quote' }}</h1>
        <a mat-button routerLink="/orders">All orders</a>
      </div>
      <sg-problem-banner [problem]="problem() ?? state.problem()" />
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (state.data()) {
        @if (!drafts().length) {
          <div class="empty-state">
            No draft orders. Activated orders are listed below.
          </div>
        } @else {
          <p>Drag a line onto another draft order to move it there.</p>
          <div class="board" cdkDropListGroup>
            @for (o of drafts(); track o.id) {
              <mat-card
                appearance="outlined"
                class="column"
                [attr.data-testid]="'draft-' + o.key"
              >
                <mat-card-content>
                  <header>
                    <a [routerLink]="['/orders', o.id]">{{ o.number }}</a>
                    <strong>{{ o.key }}</strong>
                    <sg-state-chip
                      [state]="o.activationScheduledOn ? 'scheduled' : o.status"
                    />
                  </header>
                  <div>
                    {{ o.lineCount }} lines ·
                    {{ o.netTotal | number: '1.2-2' }} · effective
                    {{ o.effectiveDate }}
                  </div>
                  @if (o.activationScheduledOn) {
                    <div data-testid="scheduled-on">
                      Activates on {{ o.activationScheduledOn }}
                    </div>
                  }
                  <div
                    class="drop"
                    cdkDropList
                    [cdkDropListData]="o"
                    (cdkDropListDropped)="dropped($event)"
                    [attr.data-testid]="'drop-' + o.key"
                  >
                    @for (l of o.lines ?? []; track l.lineId) {
                      <div
                        class="line"
                        cdkDrag
                        [cdkDragData]="l"
                        [attr.data-testid]="'line-' + l.sku"
                        [cdkDragDisabled]="!canWrite"
                      >
                        <span>{{ l.productName }}</span><span
                          >× {{ l.quantity }}</span
                        >
                        <div class="placeholder" *cdkDragPlaceholder></div>
                      </div>
                    }
                  </div>
                  @if (canWrite) {
                    <div class="controls">
                      <button
                        mat-stroked-button
                        (click)="activate(o)"
                        data-testid="activate-now"
                      >
                        Activate now
                      </button>
                      @if (o.activationScheduledOn) {
                        <button mat-button (click)="unschedule(o)">
                          Unschedule
                        </button>
                      } @else {
                        <input
                          type="date"
                          [min]="minDate"
                          [ngModel]="scheduleOn()[o.id] ?? ''"
                          (ngModelChange)="setSchedule(o.id, $event)"
                          aria-label="Activation date"
                          data-testid="schedule-date"
                        />
                        <button
                          mat-button
                          [disabled]="!scheduleOn()[o.id]"
                          (click)="schedule(o)"
                          data-testid="schedule"
                        >
                          Schedule
                        </button>
                      }
                      @if (drafts().length > 1) {
                        <mat-select
                          placeholder="Merge into…"
                          (selectionChange)="merge($event.value, o)"
                          style="width: 140px"
                          aria-label="Merge into"
                        >
                          @for (t of drafts(); track t.id) {
                            @if (t.id !== o.id) {
                              <mat-option [value]="t">{{ t.key }}</mat-option>
                            }
                          }
                        </mat-select>
                      }
                      <button mat-button (click)="cancel(o)">Cancel</button>
                    </div>
                  }
                </mat-card-content>
              </mat-card>
            }
          </div>
        }
        <section class="live">
          <h2>Activated and other orders</h2>
          @if (!others().length) {
            <div class="empty-state">No activated orders yet.</div>
          } @else {
            <table data-testid="live-orders">
              <tr>
                <th></th>
                <th>Order</th>
                <th>Key</th>
                <th>Status</th>
                <th>Activated</th>
                <th class="num">Net</th>
                <th>Contract</th>
              </tr>
              @for (o of others(); track o.id) {
                <tr>
                  <td>
                    @if (o.allowedActions.includes('contract')) {
                      <mat-checkbox
                        [ngModel]="chosen().has(o.id)"
                        (ngModelChange)="choose(o.id, $event)"
                        [attr.aria-label]="'Contract ' + o.number"
                      />
                    }
                  </td>
                  <td>
                    <a [routerLink]="['/orders', o.id]">{{ o.number }}</a>
                  </td>
                  <td>{{ o.key }}</td>
                  <td><sg-state-chip [state]="o.status" /></td>
                  <td>{{ o.activatedOn ?? '—' }}</td>
                  <td class="num">{{ o.netTotal | number: '1.2-2' }}</td>
                  <td>
                    @if (o.contractId) {
                      <a [routerLink]="['/contracts', o.contractId]"
                        >contract</a
                      >
                    } @else {
                      —
                    }
                  </td>
                </tr>
              }
            </table>
            @if (canWrite && chosen().size) {
              <div class="controls">
                <mat-select
                  [(ngModel)]="method"
                  style="width: 220px"
                  aria-label="Contracting method"
                  data-testid="contract-method"
                >
                  <mat-option value="single">One contract</mat-option>
                  <mat-option value="by-end-date">One per end date</mat-option>
                </mat-select>
                <button
                  mat-flat-button
                  (click)="contract()"
                  data-testid="create-contract"
                >
                  Create contract from {{ chosen().size }} orders
                </button>
              </div>
            }
          }
        </section>
      }
    </div>
  `,
})
export class DraftBoard implements OnInit {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly quoteId = inject(ActivatedRoute).snapshot.paramMap.get(
    'quoteId',
  ) as string;
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly minDate = tomorrow();
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly scheduleOn = signal<Record<string, string>>({});
  protected readonly chosen = signal<Set<string>>(new Set());
  protected method: 'single' | 'by-end-date' = 'single';

  protected readonly state = createLoader(async () => {
    const page = await this.api.invoke(ordersList, {
      quoteId: this.quoteId,
      pageSize: 200,
    });
    // Lines are needed for the drafts only (the columns one drags between).
    return Promise.all(
      page.items.map((o) =>
        o.status === 'draft'
          ? this.api.invoke(ordersGet, { id: o.id })
          : Promise.resolve(o),
      ),
    );
  });
  protected readonly orders = computed(() =>
    [...(this.state.data() ?? [])].sort((a, b) => a.sequence - b.sequence),
  );
  protected readonly drafts = computed(() =>
    this.orders().filter((o) => o.status === 'draft'),
  );
  protected readonly others = computed(() =>
    this.orders().filter((o) => o.status !== 'draft'),
  );

  ngOnInit(): void {
    void this.state.reload();
  }

  protected setSchedule(id: string, value: string): void {
    this.scheduleOn.update((s) => ({ ...s, [id]: value }));
  }

  protected choose(id: string, on: boolean): void {
    this.chosen.update((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected dropped(
    event: CdkDragDrop<OrderDto, OrderDto, OrderLineDto>,
  ): void {
    if (event.previousContainer === event.container) return;
    void this.run(() =>
      this.api.invoke(ordersMoveLines, {
        id: event.previousContainer.data.id,
        body: {
          to: event.container.data.id,
          lines: [{ lineId: event.item.data.lineId }],
        },
      }),
    );
  }

  protected activate(o: OrderDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(ordersActivate, {
        id: o.id,
        body: { version: o.version },
      }),
    );
  }

  protected schedule(o: OrderDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(ordersActivate, {
        id: o.id,
        body: { version: o.version, on: this.scheduleOn()[o.id] },
      }),
    );
  }

  protected unschedule(o: OrderDto): Promise<void> {
    return this.run(() => this.api.invoke(ordersUnschedule, { id: o.id }));
  }

  protected merge(into: OrderDto, from: OrderDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(ordersMerge, {
        id: into.id,
        body: { from: [from.id], version: into.version },
      }),
    );
  }

  protected cancel(o: OrderDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(ordersCancel, {
        id: o.id,
        body: { version: o.version, reason: 'cancelled on the orders board' },
      }),
    );
  }

  protected async contract(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const made = await this.api.invoke(contractsCreate, {
        body: { orderIds: [...this.chosen()], method: this.method },
      });
      await this.router.navigate(['/contracts', made.contracts[0].id]);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
      await this.state.reload();
    }
  }
}
