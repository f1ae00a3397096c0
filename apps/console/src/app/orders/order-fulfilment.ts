import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Api, type OrderDto, ordersFacts } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

/** What the ERPs reported about an order: per-line ordered / shipped / delivered / invoiced, invoices, and the facts. */
@Component({
  selector: 'sg-order-fulfilment',
  imports: [DatePipe, DecimalPipe, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
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
    .rejected {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h2>Fulfilment</h2>
    <table data-testid="fulfilment-table">
      <tr>
        <th>#</th>
        <th>Product</th>
        <th class="num">Ordered</th>
        <th class="num">Shipped</th>
        <th class="num">Delivered</th>
        <th class="num">Invoiced</th>
      </tr>
      @for (l of order().lines ?? []; track l.lineId) {
        <tr>
          <td>{{ l.position + 1 }}</td>
          <td>{{ l.productName }} ({{ l.sku }})</td>
          <td class="num">{{ l.quantity }}</td>
          <td class="num">
            {{ l.shipped }}
            @if (l.shippedOn) {
              <span class="muted">on {{ l.shippedOn }}</span>
            }
          </td>
          <td class="num">
            {{ l.delivered }}
            @if (l.deliveredOn) {
              <span class="muted">on {{ l.deliveredOn }}</span>
            }
          </td>
          <td class="num">{{ l.invoiced | number: '1.2-2' }} / {{ l.netTotal | number: '1.2-2' }}</td>
        </tr>
      }
    </table>
    @if ((order().invoices ?? []).length > 0) {
      <h3>Invoices</h3>
      <table data-testid="invoices-table">
        <tr>
          <th>Invoice</th>
          <th>ERP</th>
          <th>Date</th>
          <th class="num">Total</th>
        </tr>
        @for (i of order().invoices ?? []; track i.connector + i.invoiceNumber) {
          <tr>
            <td>{{ i.invoiceNumber }}</td>
            <td>{{ i.connector }}</td>
            <td>{{ i.date }}</td>
            <td class="num">{{ i.total | number: '1.2-2' }} {{ i.currency }}</td>
          </tr>
        }
      </table>
    }
    <h2>ERP facts</h2>
    <sg-problem-banner [problem]="facts.problem()" />
    @if (facts.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (facts.data(); as page) {
      @if (page.total === 0) {
        <p class="muted" data-testid="facts-empty">No fulfilment or invoice facts from an ERP yet.</p>
      } @else {
        <table data-testid="facts-table">
          <tr>
            <th>Received</th>
            <th>ERP</th>
            <th>Fact</th>
            <th>Kind</th>
            <th>Occurred</th>
            <th>Outcome</th>
          </tr>
          @for (f of page.items; track f.id) {
            <tr>
              <td>{{ f.receivedAt | date: 'short' }}</td>
              <td>{{ f.connector }} ({{ f.source }})</td>
              <td>{{ f.factId }}</td>
              <td>{{ f.kind }}</td>
              <td>{{ f.occurredAt | date: 'short' }}</td>
              <td [class.rejected]="f.outcome === 'rejected'">
                {{ f.outcome }}{{ f.reason ? ' · ' + f.reason : '' }}
                @if (f.detail) {
                  <div class="muted">{{ f.detail }}</div>
                }
              </td>
            </tr>
          }
        </table>
        <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="pageSize()" [pageSizeOptions]="[10, 25, 50]" (page)="onPage($event)" />
      }
    }
  `,
})
export class OrderFulfilment {
  private readonly api = inject(Api);
  readonly order = input.required<OrderDto>();
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly facts = createLoader(() =>
    this.api.invoke(ordersFacts, { id: this.order().id, page: this.pageIndex() + 1, pageSize: this.pageSize() }),
  );

  constructor() {
    // Reload the facts whenever the order is reloaded (after an action) or the page changes.
    effect(() => {
      this.order();
      this.pageIndex();
      this.pageSize();
      void this.facts.reload();
    });
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
