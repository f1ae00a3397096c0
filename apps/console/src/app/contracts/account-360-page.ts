import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  accountsList,
  Api,
  account360Overview,
  type AccountDto,
} from '@signet/console-data-access';
import { StateChip } from '../orders/order-status-chip';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Per account: entitlements on any date, subscriptions with amendment segments, assets, orders and their sync, contracts, timeline. */
@Component({
  selector: 'sg-account-360-page',
  imports: [
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
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
      gap: 24px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: 8px 0 16px;
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
    .small {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .timeline {
      list-style: none;
      padding: 0;
      border-left: 2px solid var(--mat-sys-outline-variant);
      margin-left: 8px;
    }
    .timeline li {
      padding: 4px 12px;
      position: relative;
    }
    .timeline li::before {
      content: '';
      position: absolute;
      left: -6px;
      top: 10px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .timeline li.future::before {
      background: var(--mat-sys-outline);
    }
  `,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>
          Account 360
          @if (state.data(); as d) {
            · {{ d.account.name }}
          }
        </h1>
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Account</mat-label>
          <mat-select
            [ngModel]="accountId()"
            (ngModelChange)="pick($event)"
            data-testid="account-pick"
          >
            @for (a of accounts(); track a.id) {
              <mat-option [value]="a.id">{{ a.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Entitlements as of</mat-label>
          <input
            matInput
            type="date"
            [ngModel]="asOf()"
            (ngModelChange)="setAsOf($event)"
            data-testid="as-of"
          />
        </mat-form-field>
        <button mat-button (click)="setAsOf(today)">Today</button>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (!accountId()) {
        <div class="empty-state">Pick an account.</div>
      }
      @if (state.data(); as d) {
        <div class="grid">
          <section>
            <h2>Entitled on {{ d.asOf }}</h2>
            @if (!d.entitlements.length) {
              <div class="empty-state">No subscriptions.</div>
            } @else {
              <table data-testid="entitlements">
                <tr>
                  <th>Product</th>
                  <th class="num">Quantity</th>
                  <th>Service level</th>
                  <th>Contracts</th>
                </tr>
                @for (e of d.entitlements; track e.sku) {
                  <tr [attr.data-sku]="e.sku">
                    <td>{{ e.productName }} ({{ e.sku }})</td>
                    <td class="num" data-testid="entitled-quantity">
                      {{ e.quantity }}
                    </td>
                    <td>{{ e.serviceLevels.join(', ') || '—' }}</td>
                    <td>{{ e.contracts.join(', ') || '—' }}</td>
                  </tr>
                }
              </table>
            }
            <h2>Subscriptions</h2>
            @if (!d.subscriptions.length) {
              <div class="empty-state">No subscriptions.</div>
            } @else {
              <table>
                <tr>
                  <th>Product</th>
                  <th>Contract</th>
                  <th class="num">On {{ d.asOf }}</th>
                  <th>Segments</th>
                </tr>
                @for (s of d.subscriptions; track s.id) {
                  <tr>
                    <td>{{ s.productName }}</td>
                    <td>
                      <a [routerLink]="['/contracts', s.contractId]">{{
                        s.contractNumber
                      }}</a>
                    </td>
                    <td class="num">{{ s.currentQuantity }}</td>
                    <td class="small">
                      @for (g of s.segments; track g.id) {
                        <div>
                          {{ g.kind }} {{ g.quantity }} · {{ g.startDate }} –
                          {{ g.endDate }}
                        </div>
                      }
                    </td>
                  </tr>
                }
              </table>
            }
            <h2>Assets</h2>
            @if (!d.assets.length) {
              <div class="empty-state">No assets.</div>
            } @else {
              <table>
                <tr>
                  <th>Product</th>
                  <th class="num">Quantity</th>
                  <th>Since</th>
                  <th>Contract</th>
                </tr>
                @for (a of d.assets; track a.id) {
                  <tr>
                    <td>{{ a.productName }}</td>
                    <td class="num">{{ a.quantity }}</td>
                    <td>{{ a.startDate }}</td>
                    <td>{{ a.contractNumber }}</td>
                  </tr>
                }
              </table>
            }
          </section>
          <section>
            <h2>Contracts</h2>
            @if (!d.contracts.length) {
              <div class="empty-state">No contracts.</div>
            } @else {
              <table>
                <tr>
                  <th>Contract</th>
                  <th>Status</th>
                  <th>Term</th>
                </tr>
                @for (c of d.contracts; track c.id) {
                  <tr>
                    <td>
                      <a [routerLink]="['/contracts', c.id]">{{ c.number }}</a>
                    </td>
                    <td><sg-state-chip [state]="c.status" /></td>
                    <td>{{ c.startDate }} – {{ c.endDate }}</td>
                  </tr>
                }
              </table>
            }
            <h2>Orders</h2>
            @if (!d.orders.length) {
              <div class="empty-state">No orders.</div>
            } @else {
              <table>
                <tr>
                  <th>Order</th>
                  <th>Key</th>
                  <th>Status</th>
                  <th>ERP sync</th>
                  <th class="num">Net</th>
                </tr>
                @for (o of d.orders; track o.id) {
                  <tr>
                    <td>
                      <a [routerLink]="['/orders', o.id]">{{ o.number }}</a>
                    </td>
                    <td>{{ o.key }}</td>
                    <td>
                      <sg-state-chip
                        [state]="
                          o.activationScheduledOn ? 'scheduled' : o.status
                        "
                      />
                    </td>
                    <td>{{ o.syncStatus ?? 'not sent' }}</td>
                    <td class="num">{{ o.netTotal | number: '1.2-2' }}</td>
                  </tr>
                }
              </table>
            }
            <h2>Timeline</h2>
            @if (!d.timeline.length) {
              <div class="empty-state">Nothing has happened yet.</div>
            } @else {
              <ul class="timeline" data-testid="timeline">
                @for (t of d.timeline; track $index) {
                  <li [class.future]="t.date > d.asOf">
                    <strong>{{ t.date }}</strong> {{ t.label }}
                  </li>
                }
              </ul>
            }
          </section>
        </div>
      }
    </div>
  `,
})
export class Account360Page implements OnInit {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly today = todayIso();
  protected readonly accounts = signal<AccountDto[]>([]);
  protected readonly accountId = signal<string | null>(
    this.route.snapshot.paramMap.get('id'),
  );
  protected readonly asOf = signal<string>(
    this.route.snapshot.queryParamMap.get('asOf') ?? todayIso(),
  );
  protected readonly state = createLoader(async () => {
    const id = this.accountId();
    return id
      ? this.api.invoke(account360Overview, { id, asOf: this.asOf() })
      : null;
  });

  async ngOnInit(): Promise<void> {
    void this.state.reload();
    this.accounts.set(
      (await this.api.invoke(accountsList, { pageSize: 200 })).items,
    );
  }

  protected pick(id: string): void {
    this.accountId.set(id);
    void this.router.navigate(['/account-360', id], {
      queryParams: { asOf: this.asOf() },
    });
    void this.state.reload();
  }

  protected setAsOf(value: string): void {
    if (!value) return;
    this.asOf.set(value);
    const id = this.accountId();
    if (id)
      void this.router.navigate(['/account-360', id], {
        queryParams: { asOf: value },
        replaceUrl: true,
      });
    void this.state.reload();
  }
}
