import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnDestroy, type OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Api, type DeadLetterDto, type Problem, syncDeadLetters, syncRedrive, toProblem } from '@signet/console-data-access';
import { firstValueFrom } from 'rxjs';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { RedriveDialog, type RedriveDialogData } from './redrive-dialog';

const REFRESH_MS = 3_000;
type Connector = 'webhook' | 'sap' | 'netsuite';

/** Deliveries an ERP refused for good: the payload sent, the normalised error, and re-drive. */
@Component({
  selector: 'sg-dead-letters-table',
  imports: [DatePipe, JsonPipe, FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    ul { list-style: none; margin: 0; padding: 0; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    li { padding: 8px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    li:last-child { border-bottom: none; }
    .row { display: grid; grid-template-columns: auto 1fr auto; gap: 12px; align-items: center; }
    .error { color: var(--mat-sys-error); }
    .meta { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; background: var(--mat-sys-surface-container); padding: 12px; border-radius: 8px; font-size: 12px; }
    .banner { padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-primary-container); margin-bottom: 8px; }
  `,
  template: `
    <div class="toolbar">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Connector</mat-label>
        <mat-select [ngModel]="connector()" (ngModelChange)="setConnector($event)" data-testid="dead-connector">
          <mat-option [value]="null">All</mat-option>
          @for (c of connectorOptions; track c) { <mat-option [value]="c">{{ c }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Error code</mat-label>
        <input matInput [ngModel]="code()" (ngModelChange)="setCode($event)" maxlength="100" data-testid="dead-code" />
      </mat-form-field>
      <button mat-flat-button [disabled]="selected().size === 0 || busy()" (click)="redrive()" data-testid="redrive-selected">
        Re-drive selected ({{ selected().size }})
      </button>
    </div>
    @if (message(); as m) { <div class="banner" data-testid="redrive-message">{{ m }}</div> }
    <sg-problem-banner [problem]="problem() ?? dead.problem()" />
    @if (dead.loading() && !dead.data()) { <mat-progress-bar mode="indeterminate" /> }
    @if (dead.data(); as page) {
      @if (page.total === 0) {
        <div class="empty-state" data-testid="dead-empty">No dead letters{{ connector() || code() ? ' match these filters' : '' }}.</div>
      } @else {
        <ul data-testid="dead-letters">
          @for (d of page.items; track d.id) {
            <li [attr.data-object]="d.objectNumber">
              <div class="row">
                <mat-checkbox [checked]="selected().has(d.id)" (change)="toggle(d.id, $event.checked)" [attr.data-testid]="'select-' + d.objectNumber" [aria-label]="'Select ' + d.objectNumber" />
                <div>
                  <strong>{{ d.objectType }} {{ d.objectNumber }}</strong> → {{ d.connector }}
                  <div class="error" data-testid="dead-error">{{ d.errorCode }}: {{ d.errorMessage }}</div>
                  <div class="meta">{{ d.eventType }} #{{ d.sequence }} · {{ d.attempts }} attempt(s) · {{ d.redrives }} re-drive(s) · {{ d.finishedAt | date: 'medium' }}</div>
                </div>
                <button mat-button (click)="toggleOpen(d.id)" [attr.data-testid]="'payload-' + d.objectNumber">{{ open() === d.id ? 'Hide' : 'Payload' }}</button>
              </div>
              @if (open() === d.id) {
                <h4>Error detail</h4>
                <pre data-testid="error-detail">{{ d.errorDetail | json }}</pre>
                <h4>Last payload sent</h4>
                <pre data-testid="payload-json">{{ d.payload | json }}</pre>
              }
            </li>
          }
        </ul>
        <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="pageSize" [pageSizeOptions]="[pageSize]" (page)="onPage($event)" />
      }
    }
  `,
})
export class DeadLettersTable implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  /** Emitted after a re-drive so the page refreshes the connectors and ledger. */
  readonly redriven = output<void>();
  protected readonly pageSize = 25;
  protected readonly connectorOptions: Connector[] = ['webhook', 'sap', 'netsuite'];
  protected readonly connector = signal<Connector | null>(null);
  protected readonly code = signal<string>('');
  protected readonly pageIndex = signal(0);
  protected readonly selectedIds = signal<ReadonlySet<string>>(new Set());
  protected readonly open = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly dead = createLoader(() =>
    this.api.invoke(syncDeadLetters, {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize,
      connector: this.connector() ?? undefined,
      code: this.code().trim() || undefined,
    }),
  );
  /** Selection survives refreshes but only for rows still listed. */
  protected readonly selected = computed(() => {
    const listed = new Set((this.dead.data()?.items ?? []).map((d: DeadLetterDto) => d.id));
    return new Set([...this.selectedIds()].filter((id) => listed.has(id)));
  });
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    void this.dead.reload();
    this.timer = setInterval(() => void this.dead.reload(), REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected setConnector(value: Connector | null): void {
    this.connector.set(value);
    this.pageIndex.set(0);
    void this.dead.reload();
  }

  protected setCode(value: string): void {
    this.code.set(value);
    this.pageIndex.set(0);
    void this.dead.reload();
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.selectedIds());
    if (checked) next.add(id);
    else next.delete(id);
    this.selectedIds.set(next);
  }

  protected toggleOpen(id: string): void {
    this.open.set(this.open() === id ? null : id);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.dead.reload();
  }

  protected async redrive(): Promise<void> {
    const ids = [...this.selected()];
    const ref = this.dialog.open<RedriveDialog, RedriveDialogData, string | null>(RedriveDialog, { data: { count: ids.length }, width: '480px' });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const result = await this.api.invoke(syncRedrive, { body: { ids, reason } });
      this.message.set(`Re-driven: ${result.items.length}. They are pending until the ERP answers.`);
      this.selectedIds.set(new Set());
      this.redriven.emit();
      await this.dead.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
