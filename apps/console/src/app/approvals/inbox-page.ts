import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { Api, approvalRequestsApprove, approvalRequestsBatchApprove, approvalRequestsList, approvalRequestsReject, type InboxItemDto, type Problem, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

type Pending = { id: string; decision: 'approve' | 'reject' } | null;

/**
 * My approval requests as cards that fit a phone: tap Approve or Reject, (add a comment), tap
 * Confirm — two taps. Own, group and delegated requests; batch approve for the desk.
 */
@Component({
  selector: 'sg-inbox-page',
  imports: [DecimalPipe, FormsModule, RouterLink, MatCardModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .page { padding: 12px; max-width: 900px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
    .filters mat-form-field { flex: 1 1 160px; }
    .cards { display: flex; flex-direction: column; gap: 10px; }
    mat-card { padding: 12px; }
    .top { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
    .quote { font: var(--mat-sys-title-medium); }
    .rule { font-weight: 600; }
    .money { font: var(--mat-sys-title-small); }
    .reason { font-family: ui-monospace, monospace; font-size: 12px; }
    .muted { color: var(--mat-sys-on-surface-variant); font-size: 13px; }
    .buttons { display: flex; gap: 8px; margin-top: 10px; }
    .buttons button { flex: 1; min-height: 44px; }
    .confirm { margin-top: 8px; display: flex; flex-direction: column; gap: 6px; }
    .confirm mat-form-field { width: 100%; }
    .batch { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
  `,
  template: `
    <div class="page">
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search quotes</mat-label>
          <input matInput [ngModel]="search()" (ngModelChange)="onSearch($event)" data-testid="inbox-search" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Show</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="status.set($event); first()" data-testid="inbox-status">
            <mat-option value="open">Waiting for me</mat-option>
            <mat-option value="approved">Approved</mat-option>
            <mat-option value="rejected">Rejected</mat-option>
            <mat-option value="all">All</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Assigned</mat-label>
          <mat-select [ngModel]="via()" (ngModelChange)="via.set($event); first()">
            <mat-option value="any">To me, my groups or by delegation</mat-option>
            <mat-option value="own">To me or my groups</mat-option>
            <mat-option value="delegated">By delegation</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      <sg-problem-banner [problem]="problem()" />
      @if (state.loading() || busy()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state" data-testid="inbox-empty">{{ status() === 'open' ? 'Nothing waits for your approval.' : 'No requests match.' }}</div>
        } @else {
          @if (status() === 'open' && page.items.length > 1) {
            <div class="batch">
              <button mat-stroked-button (click)="approveSelected()" [disabled]="selected().size === 0 || busy()" data-testid="batch-approve">Approve selected ({{ selected().size }})</button>
            </div>
          }
          <div class="cards" data-testid="inbox">
            @for (item of page.items; track item.id) {
              <mat-card appearance="outlined" [attr.data-request]="item.quote.number + ' ' + item.ruleName">
                <div class="top">
                  <div>
                    @if (item.actionable && page.items.length > 1) { <mat-checkbox [checked]="selected().has(item.id)" (change)="toggle(item.id)" [attr.aria-label]="'Select ' + item.quote.number" /> }
                    <a class="quote" [routerLink]="['/quotes', item.quote.id]">{{ item.quote.number }} · {{ item.quote.name }}</a>
                  </div>
                  <span class="money">{{ item.quote.netTotal | number: '1.2-2' }}</span>
                </div>
                <div class="muted">{{ item.quote.accountName }} · by {{ item.quote.owner.displayName }}{{ item.quote.discountPercent !== null ? ' · discount ' + item.quote.discountPercent + ' %' : '' }}</div>
                <div><span class="rule">{{ item.ruleName }}</span> <span class="muted">· step {{ item.step }} · {{ item.status }}{{ item.mode !== 'any' ? ' · ' + item.mode : '' }}</span></div>
                @if (item.onBehalfOf.length) { <div class="muted" data-testid="on-behalf">On behalf of {{ names(item.onBehalfOf) }}</div> }
                @for (r of item.reasons; track r.index) { @if (r.result) { <div class="reason">{{ r.text }}</div> } }
                @if (item.actionable) {
                  @if (pending()?.id === item.id) {
                    <div class="confirm">
                      <mat-form-field appearance="outline" subscriptSizing="dynamic">
                        <mat-label>{{ pending()?.decision === 'reject' ? 'Why (required)' : 'Comment (optional)' }}</mat-label>
                        <input matInput [(ngModel)]="comment" data-testid="decision-comment" />
                      </mat-form-field>
                      <div class="buttons">
                        <button mat-button (click)="pending.set(null)">Cancel</button>
                        <button mat-flat-button (click)="confirm(item)" [disabled]="busy() || (pending()?.decision === 'reject' && !comment.trim())" data-testid="confirm-decision">
                          {{ pending()?.decision === 'reject' ? 'Confirm rejection' : 'Confirm approval' }}
                        </button>
                      </div>
                    </div>
                  } @else {
                    <div class="buttons">
                      <button mat-stroked-button (click)="start(item, 'reject')" data-testid="reject">Reject</button>
                      <button mat-flat-button (click)="start(item, 'approve')" data-testid="approve">Approve</button>
                    </div>
                  }
                }
              </mat-card>
            }
          </div>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="pageSize()" [pageSizeOptions]="[10, 25, 50]" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class InboxPage implements OnInit {
  private readonly api = inject(Api);
  private readonly snack = inject(MatSnackBar);
  protected readonly search = signal('');
  protected readonly status = signal<'open' | 'approved' | 'rejected' | 'all'>('open');
  protected readonly via = signal<'any' | 'own' | 'delegated'>('any');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  protected readonly pending = signal<Pending>(null);
  protected readonly selected = signal(new Set<string>());
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected comment = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly state = createLoader(() =>
    this.api.invoke(approvalRequestsList, {
      assignee: 'me',
      status: this.status(),
      via: this.via(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      ...(this.search() ? { search: this.search() } : {}),
    }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }

  protected first(): void {
    this.pageIndex.set(0);
    this.selected.set(new Set());
    void this.state.reload();
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.first(), 300);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    void this.state.reload();
  }

  protected names(people: { displayName: string }[]): string {
    return people.map((p) => p.displayName).join(', ');
  }

  protected toggle(id: string): void {
    const next = new Set(this.selected());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected.set(next);
  }

  protected start(item: InboxItemDto, decision: 'approve' | 'reject'): void {
    this.comment = '';
    this.pending.set({ id: item.id, decision });
  }

  protected async confirm(item: InboxItemDto): Promise<void> {
    const pending = this.pending();
    if (!pending) return;
    await this.run(async () => {
      const comment = this.comment.trim();
      if (pending.decision === 'approve') await this.api.invoke(approvalRequestsApprove, { id: item.id, body: comment ? { comment } : {} });
      else await this.api.invoke(approvalRequestsReject, { id: item.id, body: { comment } });
      this.snack.open(`${pending.decision === 'approve' ? 'Approved' : 'Rejected'} ${item.quote.number} · ${item.ruleName}`, 'OK', { duration: 4000 });
    });
  }

  protected async approveSelected(): Promise<void> {
    await this.run(async () => {
      const result = await this.api.invoke(approvalRequestsBatchApprove, { body: { ids: [...this.selected()] } });
      this.snack.open(`Approved ${result.approved}${result.failed ? `, ${result.failed} failed` : ''}`, 'OK', { duration: 5000 });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
      this.pending.set(null);
      this.selected.set(new Set());
      await this.state.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
      await this.state.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
