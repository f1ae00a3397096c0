import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Api, AuthStore, type Problem, type QuoteDto, quoteApprovalsGet, quoteApprovalsPreview, quoteApprovalsRecall, quoteApprovalsSubmit, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

/**
 * "Approvals required" on the quote: the live preview (levels, who, why, how to avoid it), submit
 * and recall, the current submission's requests and the approval timeline. Follows the quote's
 * version, so every edit refreshes the preview.
 */
@Component({
  selector: 'sg-approvals-panel',
  imports: [DatePipe, FormsModule, MatCardModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .levels { display: flex; flex-wrap: wrap; gap: 12px; align-items: stretch; }
    .level { flex: 1 1 260px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; }
    .level h4 { margin: 0 0 6px; font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .request { padding: 6px 0; border-top: 1px dashed var(--mat-sys-outline-variant); }
    .request:first-of-type { border-top: none; }
    .rule { font-weight: 600; }
    .reason { font-family: ui-monospace, monospace; font-size: 12px; }
    .hint { color: var(--mat-sys-primary); font-size: 13px; }
    .auto { color: var(--mat-sys-on-surface-variant); font-style: italic; }
    .chip { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; background: var(--mat-sys-surface-container-high); margin-left: 6px; text-transform: capitalize; }
    .chip.open { background: var(--mat-sys-tertiary-container); }
    .chip.approved { background: var(--mat-sys-primary-container); }
    .chip.rejected { background: var(--mat-sys-error-container); }
    .actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 12px; }
    .actions mat-form-field { flex: 1 1 240px; }
    .timeline { list-style: none; padding: 0; margin: 8px 0 0; }
    .timeline li { padding: 4px 0 4px 12px; border-left: 2px solid var(--mat-sys-outline-variant); margin-left: 4px; }
    .none { color: var(--mat-sys-on-surface-variant); }
    .blocker { color: var(--mat-sys-error); }
  `,
  template: `
    <mat-card appearance="outlined" data-testid="approvals-panel">
      <mat-card-header><mat-card-title>Approvals required</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (preview.loading()) { <mat-progress-bar mode="indeterminate" /> }
        <sg-problem-banner [problem]="preview.problem()" />
        <sg-problem-banner [problem]="problem()" />
        @if (showPreview() && preview.data(); as p) {
          @if (p.levels.length === 0) {
            <p class="none" data-testid="no-approvals">No approval needed: submitting approves this quote at once.</p>
          } @else {
            <div class="levels" data-testid="required-approvals">
              @for (level of p.levels; track level.step) {
                <div class="level" [attr.data-step]="level.step">
                  <h4>Step {{ level.step }}{{ level.requests.length > 1 ? ' · in parallel' : '' }}</h4>
                  @for (r of level.requests; track r.ruleId) {
                    <div class="request" [attr.data-rule]="r.ruleName">
                      <div><span class="rule">{{ r.ruleName }}</span>
                        @if (r.autoApproved) { <span class="auto"> — already approved (smart approval)</span> }
                        @else { <span> — {{ who(r) }}</span> }
                      </div>
                      @for (reason of r.reasons; track reason.index) {
                        @if (reason.result) { <div class="reason" data-testid="reason">{{ reason.text }}</div> }
                      }
                      @if (r.avoidance) { <div class="hint" data-testid="avoidance">Tip: {{ r.avoidance.text }}</div> }
                      @if (r.unresolved) { <div class="blocker">{{ r.unresolved }}</div> }
                    </div>
                  }
                </div>
              }
            </div>
          }
          @for (b of p.blockers; track b) { <div class="blocker" data-testid="blocker">{{ b }}</div> }
        }
        @if (approvals.data()?.current; as s) {
          <h4>Submission {{ s.sequence }} · <span [class]="'chip ' + s.outcome">{{ s.outcome }}</span></h4>
          <div class="levels" data-testid="submission-requests">
            @for (r of s.requests; track r.id) {
              <div class="request" [attr.data-rule]="r.ruleName">
                <span class="rule">Step {{ r.step }} · {{ r.ruleName }}</span><span [class]="'chip ' + r.status">{{ r.status }}</span>
                <div class="none">{{ names(r.approvers) }}{{ r.delegates.length ? ' (delegates: ' + delegateNames(r.delegates) + ')' : '' }}</div>
              </div>
            }
            @for (name of s.autoApproved; track name) {
              <div class="request"><span class="rule">{{ name }}</span><span class="chip approved">auto-approved</span></div>
            }
          </div>
        }
        @if (canAct()) {
          <div class="actions">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Comment (optional)</mat-label>
              <input matInput [(ngModel)]="comment" data-testid="approval-comment" />
            </mat-form-field>
            @if (canSubmit()) {
              <button mat-flat-button (click)="submit()" [disabled]="busy() || !preview.data()?.canSubmit" data-testid="submit-approval">Submit for approval</button>
            }
            @if (quote().status === 'pending') {
              <button mat-stroked-button (click)="recall()" [disabled]="busy()" data-testid="recall-approval">Recall</button>
            }
          </div>
        }
        @if (approvals.data(); as a) {
          @if (a.history.length) {
            <h4>Approval timeline</h4>
            <ul class="timeline" data-testid="approval-timeline">
              @for (h of a.history; track h.id) {
                <li>
                  <strong>{{ h.action }}</strong>@if (h.ruleName) { · {{ h.ruleName }} }
                  by {{ h.actor?.displayName ?? 'system' }}@if (h.onBehalfOf.length) { on behalf of {{ names(h.onBehalfOf) }} }
                  <span class="none">· {{ h.at | date: 'medium' }} · rules v{{ h.ruleSetVersion }}</span>
                  @if (h.comment) { <div>“{{ h.comment }}”</div> }
                  @if (h.detail) { <div class="none">{{ h.detail }}</div> }
                </li>
              }
            </ul>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
})
export class ApprovalsPanel {
  readonly quote = input.required<QuoteDto>();
  readonly changed = output<string>();
  private readonly api = inject(Api);
  private readonly auth = inject(AuthStore);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected comment = '';

  protected readonly preview = createLoader(() => this.api.invoke(quoteApprovalsPreview, { id: this.quote().id }));
  protected readonly approvals = createLoader(() => this.api.invoke(quoteApprovalsGet, { id: this.quote().id }));
  protected readonly isOwner = computed(() => this.auth.me()?.id === this.quote().ownerId);
  protected readonly canAct = computed(() => this.isOwner() || this.auth.hasRole('admin'));
  protected readonly canSubmit = computed(() => ['draft', 'rejected', 'recalled'].includes(this.quote().status));
  protected readonly showPreview = computed(() => this.quote().status !== 'pending' && this.quote().status !== 'approved');

  constructor() {
    // Re-plan whenever the quote changes (its version moves on every edit).
    effect(() => {
      const q = this.quote();
      void q.version;
      void this.preview.reload();
      void this.approvals.reload();
    });
  }

  protected who(r: { approvers: { displayName: string }[]; mode: string; delegates: { delegate: { displayName: string } }[] }): string {
    const people = this.names(r.approvers);
    const mode = r.approvers.length > 1 ? ` (${r.mode})` : '';
    const delegates = r.delegates.length ? `, delegates ${this.delegateNames(r.delegates)}` : '';
    return `${people}${mode}${delegates}`;
  }

  protected names(people: { displayName: string }[]): string {
    return people.map((p) => p.displayName).join(', ');
  }

  protected delegateNames(delegates: { delegate: { displayName: string } }[]): string {
    return delegates.map((d) => d.delegate.displayName).join(', ');
  }

  protected submit(): Promise<void> {
    return this.run(() => this.api.invoke(quoteApprovalsSubmit, { id: this.quote().id, body: this.body() }), 'Submitted for approval');
  }

  protected recall(): Promise<void> {
    return this.run(() => this.api.invoke(quoteApprovalsRecall, { id: this.quote().id, body: this.body() }), 'Recalled; you can edit the quote again');
  }

  private body() {
    return this.comment.trim() ? { comment: this.comment.trim() } : {};
  }

  private async run(action: () => Promise<unknown>, message: string): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
      this.comment = '';
      this.changed.emit(message);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
