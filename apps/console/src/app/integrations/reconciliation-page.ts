import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Api, type Problem, reconciliationReport$Csv, reconciliationReport$Json, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

type ConnectorFilter = '' | 'webhook' | 'sap' | 'netsuite';

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function rangeInOrder(group: AbstractControl): ValidationErrors | null {
  const { from, to } = group.value as { from: string; to: string };
  return from && to && from > to ? { range: true } : null;
}

/** Per day and connector: what Signet activated and sent vs what the ERP holds, and every break. */
@Component({
  selector: 'sg-reconciliation-page',
  imports: [DecimalPipe, ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: flex; flex-wrap: wrap; gap: 12px; align-items: baseline; }
    table { width: 100%; border-collapse: collapse; margin: 8px 0 24px; }
    td, th { padding: 6px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .num { text-align: right; }
    .break { color: var(--mat-sys-error); }
    .error { color: var(--mat-sys-error); font-size: 13px; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Reconciliation</h1></div>
      <form [formGroup]="form" (ngSubmit)="apply()" data-testid="recon-form">
        <mat-form-field>
          <mat-label>From</mat-label>
          <input matInput type="date" formControlName="from" data-testid="recon-from" />
          @if (form.controls.from.hasError('required')) { <mat-error>Pick a first day.</mat-error> }
        </mat-form-field>
        <mat-form-field>
          <mat-label>To</mat-label>
          <input matInput type="date" formControlName="to" data-testid="recon-to" />
          @if (form.controls.to.hasError('required')) { <mat-error>Pick a last day.</mat-error> }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Connector</mat-label>
          <mat-select formControlName="connector" data-testid="recon-connector">
            <mat-option value="">All</mat-option>
            <mat-option value="sap">SAP S/4HANA</mat-option>
            <mat-option value="netsuite">NetSuite</mat-option>
            <mat-option value="webhook">Webhooks</mat-option>
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="form.invalid">Show</button>
        <button mat-stroked-button type="button" (click)="download()" [disabled]="form.invalid || busy()" data-testid="recon-csv">Download CSV</button>
      </form>
      @if (form.hasError('range')) { <p class="error" role="alert">The first day must not be after the last day.</p> }
      <sg-problem-banner [problem]="problem() ?? report.problem()" />
      @if (report.loading() || busy()) { <mat-progress-bar mode="indeterminate" /> }
      @if (report.data(); as r) {
        <h2>Per day</h2>
        @if (r.days.length === 0) {
          <div class="empty-state" data-testid="recon-empty">No orders activated and no ERP facts in this period{{ r.connectors.length === 0 ? ', and no connector is enabled' : '' }}.</div>
        } @else {
          <table data-testid="recon-days">
            <tr>
              <th>Day</th><th>Connector</th><th class="num">Activated</th><th class="num">Sent</th><th class="num">Sent total</th>
              <th class="num">In ERP</th><th class="num">ERP total</th><th class="num">Breaks</th>
            </tr>
            @for (d of r.days; track d.day + d.connector) {
              <tr [attr.data-day]="d.day" [attr.data-connector]="d.connector">
                <td>{{ d.day }}</td><td>{{ d.connector }}</td>
                <td class="num">{{ d.activatedCount }} · {{ d.activatedTotal | number: '1.2-2' }}</td>
                <td class="num">{{ d.sentCount }}</td><td class="num">{{ d.sentTotal | number: '1.2-2' }}</td>
                <td class="num">{{ d.erpCount }}</td><td class="num">{{ d.erpTotal | number: '1.2-2' }}</td>
                <td class="num" [class.break]="d.breaks > 0">{{ d.breaks }}</td>
              </tr>
            }
          </table>
        }
        <h2>Breaks</h2>
        @if (r.breaks.length === 0) {
          <div class="empty-state" data-testid="recon-no-breaks">No breaks: Signet and the ERPs agree.</div>
        } @else {
          <table data-testid="recon-breaks">
            <tr><th>Day</th><th>Connector</th><th>Break</th><th>Order</th><th>ERP document</th><th class="num">Signet</th><th class="num">ERP</th><th>Detail</th></tr>
            @for (b of r.breaks; track $index) {
              <tr>
                <td>{{ b.day }}</td><td>{{ b.connector }}</td><td class="break">{{ label(b.kind) }}</td>
                <td>
                  @if (b.orderId) { <a [routerLink]="['/orders', b.orderId]">{{ b.orderNumber }}</a> } @else { {{ b.orderNumber }} }
                </td>
                <td>{{ b.erpId ?? '—' }}</td>
                <td class="num">{{ b.signetTotal ?? '—' }}</td><td class="num">{{ b.erpTotal ?? '—' }}</td>
                <td>{{ b.detail }}</td>
              </tr>
            }
          </table>
        }
      }
    </div>
  `,
})
export class ReconciliationPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = new FormGroup(
    {
      from: new FormControl(isoDay(-29), { nonNullable: true, validators: [Validators.required] }),
      to: new FormControl(isoDay(0), { nonNullable: true, validators: [Validators.required] }),
      connector: new FormControl<ConnectorFilter>('', { nonNullable: true }),
    },
    { validators: rangeInOrder },
  );
  private applied = this.form.getRawValue();
  protected readonly report = createLoader(() => this.api.invoke(reconciliationReport$Json, this.params()));

  ngOnInit(): void {
    void this.report.reload();
  }

  protected apply(): void {
    if (this.form.invalid) return;
    this.applied = this.form.getRawValue();
    void this.report.reload();
  }

  protected label(kind: string): string {
    return (
      { not_synced: 'Not synced', dead_letter: 'Dead letter', total_mismatch: 'Total differs', shared_erp_id: 'ERP id shared', unknown_order: 'Unknown order' }[kind] ?? kind
    );
  }

  protected async download(): Promise<void> {
    if (this.form.invalid) return;
    this.applied = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    try {
      const csv = (await this.api.invoke(reconciliationReport$Csv, this.params())) as unknown as string;
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `reconciliation-${this.applied.from}-${this.applied.to}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  private params() {
    const { from, to, connector } = this.applied;
    return { from, to, ...(connector ? { connector } : {}) };
  }
}
