import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  Api,
  AuthStore,
  type OrderDto,
  ordersActivate,
  ordersCancel,
  ordersGet,
  ordersHistory,
  ordersUnschedule,
  ordersUpdate,
  type Problem,
  toProblem,
} from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { OrderErpSyncPanel } from './order-erp-sync-panel';
import { StateChip } from './order-status-chip';

/** One order: lines (quantities editable while draft), activation now or on a date, cancel, history. */
@Component({
  selector: 'sg-order-page',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    ProblemBanner,
    StateChip,
    OrderErpSyncPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: 8px 0 24px;
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
    input {
      width: 90px;
      font: inherit;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 12px 0;
    }
  `,
  template: `
    <div class="page">
      <sg-problem-banner [problem]="problem() ?? state.problem()" />
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (state.data(); as o) {
        <div class="page-header">
          <h1>{{ o.number }} · {{ o.key }}</h1>
          <sg-state-chip
            [state]="o.activationScheduledOn ? 'scheduled' : o.status"
          />
        </div>
        <dl>
          <dt>Quote</dt>
          <dd>
            <a [routerLink]="['/orders/board', o.quoteId]"
              >{{ o.quoteNumber }} · {{ o.quoteName }}</a
            >
          </dd>
          <dt>Account</dt>
          <dd>
            <a [routerLink]="['/account-360', o.accountId]">{{
              o.accountName
            }}</a>
          </dd>
          <dt>Effective</dt>
          <dd>{{ o.effectiveDate }}</dd>
          <dt>Activated</dt>
          <dd>{{ o.activatedOn ?? '—' }}</dd>
          <dt>Scheduled activation</dt>
          <dd data-testid="order-scheduled">
            {{ o.activationScheduledOn ?? '—' }}
          </dd>
          <dt>ERP sync</dt>
          <dd>{{ o.syncStatus ?? 'not sent' }}</dd>
          <dt>Contract</dt>
          <dd>
            @if (o.contractId) {
              <a [routerLink]="['/contracts', o.contractId]">open</a>
            } @else {
              —
            }
          </dd>
          <dt>Net total</dt>
          <dd>{{ o.netTotal | number: '1.2-2' }}</dd>
        </dl>
        @if (canWrite && o.status === 'draft') {
          <div class="actions">
            <button mat-flat-button (click)="activate(o)">Activate now</button>
            @if (o.activationScheduledOn) {
              <button mat-stroked-button (click)="unschedule(o)">
                Cancel scheduled activation
              </button>
            } @else {
              <input
                type="date"
                [(ngModel)]="on"
                aria-label="Activation date"
              />
              <button mat-stroked-button [disabled]="!on" (click)="schedule(o)">
                Schedule activation
              </button>
            }
            <button mat-button (click)="cancel(o)">Cancel order</button>
          </div>
        }
        <h2>Lines</h2>
        <table>
          <tr>
            <th>#</th>
            <th>Product</th>
            <th>Dates</th>
            <th class="num">Quantity</th>
            <th class="num">Net</th>
          </tr>
          @for (l of o.lines ?? []; track l.lineId) {
            <tr>
              <td>{{ l.position + 1 }}</td>
              <td>{{ l.productName }} ({{ l.sku }})</td>
              <td>{{ l.startDate }} – {{ l.endDate }}</td>
              <td class="num">
                @if (canWrite && o.status === 'draft') {
                  <input
                    type="number"
                    min="0"
                    step="any"
                    [ngModel]="edits()[l.lineId] ?? l.quantity"
                    (ngModelChange)="edit(l.lineId, $event)"
                    [attr.aria-label]="'Quantity of ' + l.productName"
                  />
                } @else {
                  {{ l.quantity }}
                }
              </td>
              <td class="num">{{ l.netTotal | number: '1.2-2' }}</td>
            </tr>
          }
        </table>
        @if (hasEdits()) {
          <button mat-flat-button (click)="saveQuantities(o)">
            Save quantities
          </button>
        }
        <h2>History</h2>
        @if (history.data(); as h) {
          <table>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Why</th>
            </tr>
            @for (e of h.items; track e.id) {
              <tr>
                <td>{{ e.at | date: 'short' }}</td>
                <td>{{ e.actorName ?? 'system' }}</td>
                <td>{{ e.event }} ({{ e.fromStatus }} → {{ e.toStatus }})</td>
                <td>{{ e.reason ?? '' }}</td>
              </tr>
            }
          </table>
        }
        @if (canSeeSync) {
          <sg-order-erp-sync-panel [orderId]="o.id" />
        }
      }
    </div>
  `,
})
export class OrderPage implements OnInit {
  private readonly api = inject(Api);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get(
    'id',
  ) as string;
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly canSeeSync = inject(AuthStore).hasRole('admin', 'integration', 'finance');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly edits = signal<Record<string, string>>({});
  protected on = '';
  protected readonly state = createLoader(() =>
    this.api.invoke(ordersGet, { id: this.id }),
  );
  protected readonly history = createLoader(() =>
    this.api.invoke(ordersHistory, { id: this.id, pageSize: 200 }),
  );

  ngOnInit(): void {
    void this.state.reload();
    void this.history.reload();
  }

  protected hasEdits(): boolean {
    return Object.keys(this.edits()).length > 0;
  }

  protected edit(lineId: string, value: string | number): void {
    this.edits.update((e) => ({ ...e, [lineId]: String(value) }));
  }

  protected saveQuantities(o: OrderDto): Promise<void> {
    const lines = Object.entries(this.edits()).map(([lineId, quantity]) => ({
      lineId,
      quantity,
    }));
    return this.run(
      () =>
        this.api.invoke(ordersUpdate, {
          id: o.id,
          body: { version: o.version, lines },
        }),
      () => this.edits.set({}),
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
        body: { version: o.version, on: this.on },
      }),
    );
  }

  protected unschedule(o: OrderDto): Promise<void> {
    return this.run(() => this.api.invoke(ordersUnschedule, { id: o.id }));
  }

  protected cancel(o: OrderDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(ordersCancel, { id: o.id, body: { version: o.version } }),
    );
  }

  private async run(
    action: () => Promise<unknown>,
    after?: () => void,
  ): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
      after?.();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
      void this.state.reload();
      void this.history.reload();
    }
  }
}
