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
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  type AmendmentCreatedDto,
  Api,
  AuthStore,
  type ContractDto,
  contractsActivate,
  contractsGet,
  contractsHistory,
  contractsRenew,
  contractsTerminate,
  type Problem,
  toProblem,
} from '@signet/console-data-access';
import { StateChip } from '../orders/order-status-chip';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { AmendDialog } from './amend-dialog';

/** A contract: subscriptions with their amendment segments, assets, amendments; amend, renew, terminate. */
@Component({
  selector: 'sg-contract-page',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    ProblemBanner,
    StateChip,
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
      vertical-align: top;
    }
    .num {
      text-align: right;
    }
    .segments {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 12px 0;
    }
    .actions mat-form-field {
      width: 160px;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      margin: 12px 0;
    }
  `,
  template: `
    <div class="page">
      <sg-problem-banner [problem]="problem() ?? state.problem()" />
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (notice(); as n) {
        <div class="notice" data-testid="contract-notice">
          {{ n.text }}
          <a [routerLink]="['/quotes', n.quoteId]">{{ n.quoteNumber }}</a>
        </div>
      }
      @if (state.data(); as c) {
        <div class="page-header">
          <h1>{{ c.number }}</h1>
          <sg-state-chip [state]="c.status" />
        </div>
        <dl>
          <dt>Account</dt>
          <dd>
            <a
              [routerLink]="['/account-360', c.accountId]"
              data-testid="contract-account"
              >{{ c.accountName }}</a
            >
          </dd>
          <dt>Quote</dt>
          <dd>
            <a [routerLink]="['/quotes', c.quoteId]">{{ c.quoteNumber }}</a>
          </dd>
          <dt>Term</dt>
          <dd data-testid="contract-term">
            {{ c.startDate }} – {{ c.endDate }}
            @if (c.terminatedOn) {
              (terminated on {{ c.terminatedOn }})
            }
          </dd>
          <dt>Method</dt>
          <dd>{{ c.method }}</dd>
          <dt>Renewal</dt>
          <dd>
            @if (c.renewalQuoteId) {
              <a [routerLink]="['/quotes', c.renewalQuoteId]">{{
                c.renewalQuoteNumber
              }}</a>
            } @else {
              priced {{ c.renewalPricing
              }}{{
                c.renewalUpliftPercent
                  ? ' +' + c.renewalUpliftPercent + ' %'
                  : ''
              }}
            }
          </dd>
        </dl>
        @if (canWrite) {
          <div class="actions">
            @if (c.allowedActions.includes('activate')) {
              <button mat-flat-button (click)="activate(c)">Activate</button>
            }
            @if (c.allowedActions.includes('amend')) {
              <button mat-flat-button (click)="amend(c)" data-testid="amend">
                Amend
              </button>
            }
            @if (c.allowedActions.includes('renew')) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Renewal pricing</mat-label>
                <mat-select [(ngModel)]="pricing" data-testid="renew-pricing">
                  <mat-option value="same">Same price</mat-option>
                  <mat-option value="list">List price</mat-option>
                  <mat-option value="uplift">Uplift %</mat-option>
                </mat-select>
              </mat-form-field>
              @if (pricing === 'uplift') {
                <mat-form-field appearance="outline" subscriptSizing="dynamic"
                  ><mat-label>Uplift %</mat-label
                  ><input matInput type="number" [(ngModel)]="uplift"
                /></mat-form-field>
              }
              <button mat-stroked-button (click)="renew(c)" data-testid="renew">
                Generate renewal quote
              </button>
            }
            @if (c.allowedActions.includes('terminate')) {
              <input
                type="date"
                [(ngModel)]="terminateOn"
                [min]="c.startDate"
                [max]="c.endDate"
                aria-label="Termination date"
              />
              <button
                mat-button
                [disabled]="!terminateOn"
                (click)="terminate(c)"
              >
                Terminate
              </button>
            }
          </div>
        }
        <h2>Subscriptions</h2>
        @if (!c.subscriptions.length) {
          <div class="empty-state">No subscriptions.</div>
        } @else {
          <table data-testid="subscriptions">
            <tr>
              <th>Product</th>
              <th>Term</th>
              <th class="num">Now</th>
              <th>Service level</th>
              <th>Segments</th>
            </tr>
            @for (s of c.subscriptions; track s.id) {
              <tr>
                <td>{{ s.productName }} ({{ s.sku }})</td>
                <td>{{ s.startDate }} – {{ s.endDate }}</td>
                <td class="num">{{ s.currentQuantity }}</td>
                <td>{{ s.serviceLevel ?? '—' }}</td>
                <td class="segments">
                  @for (g of s.segments; track g.id) {
                    <div>
                      {{ g.kind }} {{ g.quantity }} · {{ g.startDate }} –
                      {{ g.endDate }} · {{ g.netTotal | number: '1.2-2' }}
                    </div>
                  }
                </td>
              </tr>
            }
          </table>
        }
        <h2>Assets</h2>
        @if (!c.assets.length) {
          <div class="empty-state">No assets.</div>
        } @else {
          <table>
            <tr>
              <th>Product</th>
              <th class="num">Quantity</th>
              <th>Since</th>
            </tr>
            @for (a of c.assets; track a.id) {
              <tr>
                <td>{{ a.productName }} ({{ a.sku }})</td>
                <td class="num">{{ a.quantity }}</td>
                <td>{{ a.startDate }}</td>
              </tr>
            }
          </table>
        }
        <h2>Amendments</h2>
        @if (!c.amendments.length) {
          <div class="empty-state">No amendments.</div>
        } @else {
          <table data-testid="amendments">
            <tr>
              <th>Quote</th>
              <th>From</th>
              <th>Changes</th>
              <th>Status</th>
            </tr>
            @for (m of c.amendments; track m.id) {
              <tr>
                <td>
                  <a [routerLink]="['/quotes', m.quoteId]">{{
                    m.quoteNumber
                  }}</a>
                  ({{ m.quoteStatus }})
                </td>
                <td>{{ m.effective }}</td>
                <td>
                  @for (d of m.deltas; track d.id) {
                    <div>
                      {{ d.quantity }} to {{ d.endDate }} ·
                      {{ d.netTotal | number: '1.2-2' }}
                    </div>
                  }
                </td>
                <td><sg-state-chip [state]="m.status" /></td>
              </tr>
            }
          </table>
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
                <td>{{ e.event }}</td>
                <td>{{ e.reason ?? '' }}</td>
              </tr>
            }
          </table>
        }
      }
    </div>
  `,
})
export class ContractPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get(
    'id',
  ) as string;
  protected readonly canWrite = inject(AuthStore).hasRole('admin', 'sales');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly notice = signal<{
    text: string;
    quoteId: string;
    quoteNumber: string;
  } | null>(null);
  protected pricing: 'same' | 'list' | 'uplift' = 'same';
  protected uplift = '';
  protected terminateOn = '';
  protected readonly state = createLoader(() =>
    this.api.invoke(contractsGet, { id: this.id }),
  );
  protected readonly history = createLoader(() =>
    this.api.invoke(contractsHistory, { id: this.id, pageSize: 200 }),
  );

  ngOnInit(): void {
    void this.state.reload();
    void this.history.reload();
  }

  protected amend(c: ContractDto): void {
    this.dialog
      .open<AmendDialog, ContractDto, AmendmentCreatedDto>(AmendDialog, {
        data: c,
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.notice.set({
          text: 'Amendment quote created; submit it for approval, then order and activate it:',
          quoteId: created.quoteId,
          quoteNumber: created.quoteNumber,
        });
        void this.state.reload();
        void this.history.reload();
      });
  }

  protected activate(c: ContractDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(contractsActivate, {
        id: c.id,
        body: { version: c.version },
      }),
    );
  }

  protected terminate(c: ContractDto): Promise<void> {
    return this.run(() =>
      this.api.invoke(contractsTerminate, {
        id: c.id,
        body: { on: this.terminateOn, version: c.version },
      }),
    );
  }

  protected renew(c: ContractDto): Promise<void> {
    return this.run(async () => {
      const quote = await this.api.invoke(contractsRenew, {
        id: c.id,
        body: {
          pricing: this.pricing,
          ...(this.pricing === 'uplift'
            ? { upliftPercent: String(this.uplift) }
            : {}),
        },
      });
      this.notice.set({
        text: 'Renewal quote created:',
        quoteId: quote.quoteId,
        quoteNumber: quote.quoteNumber,
      });
    });
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
      void this.state.reload();
      void this.history.reload();
    }
  }
}
