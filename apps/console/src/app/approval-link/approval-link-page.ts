import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Api, type ApprovalLinkDto, type ApprovalLinkResultDto, approvalLinksUse, approvalLinksView, type Problem, toProblem } from '@signet/console-data-access';

/**
 * The page behind the approve/reject links of approval emails: no sign-in (the signed link is
 * the credential), made for a phone. It shows what is asked, asks for an optional comment and a
 * confirmation, then says what happened. Links that can no longer act say why and change nothing.
 */
@Component({
  selector: 'sg-approval-link-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; min-height: 100vh; background: var(--mat-sys-surface-container-low); }
    .wrap { max-width: 520px; margin: 0 auto; padding: 16px; box-sizing: border-box; }
    .brand { font: var(--mat-sys-title-medium); margin: 4px 0 12px; }
    .brand span { color: var(--mat-sys-primary); }
    .card { background: var(--mat-sys-surface); border-radius: 12px; padding: 18px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
    h1 { font: var(--mat-sys-headline-small); margin: 0 0 4px; }
    .sub { color: var(--mat-sys-on-surface-variant); margin: 0 0 14px; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0 0 14px; font-size: 15px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .reasons { margin: 0 0 16px; padding-left: 20px; }
    .reasons li { margin: 4px 0; }
    mat-form-field { width: 100%; }
    .confirm { width: 100%; height: 52px; font-size: 17px; }
    .approve { --mdc-filled-button-container-color: #15803d; --mat-button-filled-container-color: #15803d; }
    .reject { --mdc-filled-button-container-color: #b91c1c; --mat-button-filled-container-color: #b91c1c; }
    .notice { border-radius: 10px; padding: 14px 16px; margin: 0 0 14px; font-size: 15px; }
    .notice.info { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .notice.warn { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .notice.ok { background: #dcfce7; color: #14532d; }
    .done { font-size: 44px; text-align: center; margin: 8px 0; }
  `,
  template: `
    <div class="wrap">
      <div class="brand"><span>◆</span> Signet</div>
      <div class="card">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
          <p class="sub">Checking the link…</p>
        } @else if (loadProblem(); as p) {
          <h1>Link not valid</h1>
          <div class="notice warn" role="alert" data-testid="link-problem">{{ p.detail }}</div>
        } @else if (result(); as r) {
          <div class="done" aria-hidden="true">{{ r.outcome === 'approved' ? '✓' : '✕' }}</div>
          <h1 data-testid="link-result-title">{{ r.outcome === 'approved' ? 'Approved' : 'Rejected' }}</h1>
          <div class="notice ok" role="status" data-testid="link-result">{{ r.message }}</div>
          <p class="sub">You can close this page.</p>
        } @else if (link(); as l) {
          <h1>{{ l.decision === 'approve' ? 'Approve' : 'Reject' }} {{ l.quote.number }}</h1>
          <p class="sub">{{ l.ruleName }} · step {{ l.step }} · for {{ l.assigneeName }}</p>
          <dl>
            <dt>Quote</dt><dd>{{ l.quote.name }}</dd>
            <dt>Account</dt><dd>{{ l.quote.accountName }}</dd>
            <dt>Owner</dt><dd>{{ l.quote.ownerName }}</dd>
            <dt>Net total</dt><dd><strong>{{ l.quote.netTotal }} {{ l.quote.currency }}</strong></dd>
            <dt>List / discount</dt><dd>{{ l.quote.listTotal }} / {{ l.quote.discountPercent }}%</dd>
          </dl>
          @if (l.reasons.length) {
            <strong>Why approval is needed</strong>
            <ul class="reasons" data-testid="link-reasons">
              @for (r of l.reasons; track $index) { <li>{{ r.text }}</li> }
            </ul>
          }
          @if (l.state === 'ready') {
            <mat-form-field appearance="outline">
              <mat-label>Comment (optional)</mat-label>
              <textarea matInput rows="3" maxlength="2000" [(ngModel)]="comment" data-testid="link-comment"></textarea>
              <mat-hint align="end">{{ comment().length }} / 2000</mat-hint>
            </mat-form-field>
            @if (useProblem(); as p) {
              <div class="notice warn" role="alert" data-testid="link-problem">{{ p.detail }}</div>
            }
            <button mat-flat-button class="confirm" [class.approve]="l.decision === 'approve'" [class.reject]="l.decision === 'reject'" [disabled]="busy()" (click)="confirm()" data-testid="link-confirm">
              {{ busy() ? 'Sending…' : confirmLabel() }}
            </button>
          } @else {
            <div class="notice info" role="status" data-testid="link-state" [attr.data-state]="l.state">{{ l.message }}</div>
          }
        }
      </div>
    </div>
  `,
})
export class ApprovalLinkPage implements OnInit {
  private readonly api = inject(Api);
  readonly token = input.required<string>();
  protected readonly link = signal<ApprovalLinkDto | null>(null);
  protected readonly result = signal<ApprovalLinkResultDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly loadProblem = signal<Problem | null>(null);
  protected readonly useProblem = signal<Problem | null>(null);
  protected readonly comment = signal('');
  protected readonly confirmLabel = computed(() => (this.link()?.decision === 'approve' ? 'Confirm approval' : 'Confirm rejection'));

  async ngOnInit(): Promise<void> {
    try {
      this.link.set(await this.api.invoke(approvalLinksView, { token: this.token() }));
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async confirm(): Promise<void> {
    this.busy.set(true);
    this.useProblem.set(null);
    try {
      const comment = this.comment().trim();
      this.result.set(await this.api.invoke(approvalLinksUse, { token: this.token(), body: comment ? { comment } : {} }));
    } catch (error) {
      this.useProblem.set(toProblem(error));
      // The request may have moved on (decided, reassigned, expired): show where it stands now.
      try {
        this.link.set(await this.api.invoke(approvalLinksView, { token: this.token() }));
      } catch {
        // keep the problem shown
      }
    } finally {
      this.busy.set(false);
    }
  }
}
