import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Api, type CapturedMailDto, mailClear, mailMessage, mailOutbox, mailStatus, mailTest, type Problem, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { EmailFrame } from '../shared/email-frame';
import { ProblemBanner } from '../shared/problem-banner';

const REFRESH_MS = 5_000;

/** Development mail: what the in-process SMTP capture received, readable as the recipient sees it. */
@Component({
  selector: 'sg-mail-outbox-page',
  imports: [DatePipe, FormsModule, RouterLink, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, EmailFrame, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .status { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
    .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .layout { display: grid; grid-template-columns: minmax(260px, 1fr) 2fr; gap: 16px; }
    @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
    ul { list-style: none; margin: 0; padding: 0; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    li { padding: 10px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); cursor: pointer; }
    li.selected { background: var(--mat-sys-secondary-container); }
    li small { display: block; color: var(--mat-sys-on-surface-variant); }
    .viewer h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; }
    sg-email-frame { --sg-email-height: 640px; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--mat-sys-surface-container); padding: 12px; border-radius: 8px; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Mail</h1></div>
      <p><a routerLink="/integrations">← Integrations</a></p>
      <sg-problem-banner [problem]="problem() ?? status.problem() ?? outbox.problem()" />
      @if (status.data(); as s) {
        <p class="status" data-testid="mail-status">Email is {{ s.enabled ? 'on' : 'off' }}: {{ s.transport }}. Sender: {{ s.from }}.</p>
        <div class="toolbar">
          <mat-form-field appearance="outline">
            <mat-label>Send a test email to</mat-label>
            <input matInput type="email" [(ngModel)]="testTo" name="testTo" />
          </mat-form-field>
          <button mat-stroked-button (click)="sendTest()" [disabled]="busy() || !testTo().includes('@') || !s.enabled">Send test</button>
          @if (s.capturing) {
            <mat-form-field appearance="outline">
              <mat-label>Search subject or recipient</mat-label>
              <input matInput [(ngModel)]="search" (ngModelChange)="onSearch()" name="search" data-testid="mail-search" />
            </mat-form-field>
            <button mat-button (click)="clear()" [disabled]="busy()">Clear all</button>
          }
        </div>
        @if (!s.capturing) {
          <div class="empty-state">Mail is not captured here: it goes to the SMTP server above. Start with MAIL_CAPTURE=true (npm start does) to read it in this page.</div>
        } @else {
          @if (outbox.loading() && !outbox.data()) { <mat-progress-bar mode="indeterminate" /> }
          @if (outbox.data(); as page) {
            @if (page.total === 0) {
              <div class="empty-state" data-testid="mail-empty">No mail captured{{ search() ? ' matching “' + search() + '”' : '' }} yet.</div>
            } @else {
              <div class="layout">
                <div>
                  <ul data-testid="mail-list">
                    @for (m of page.items; track m.id) {
                      <li [class.selected]="selected()?.id === m.id" (click)="select(m.id)" (keydown.enter)="select(m.id)" tabindex="0" role="button">
                        <strong>{{ m.subject }}</strong>
                        <small>to {{ m.to.join(', ') }} · {{ m.receivedAt | date: 'medium' }}</small>
                      </li>
                    }
                  </ul>
                  <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="25" [pageSizeOptions]="[25]" (page)="onPage($event)" />
                </div>
                <div class="viewer">
                  @if (selected(); as m) {
                    <h2 data-testid="mail-subject">{{ m.subject }}</h2>
                    <small>From {{ m.from }} to {{ m.to.join(', ') }}</small>
                    <mat-button-toggle-group [(ngModel)]="view" name="view" aria-label="Part">
                      <mat-button-toggle value="html" [disabled]="!m.html">HTML</mat-button-toggle>
                      <mat-button-toggle value="text">Text</mat-button-toggle>
                    </mat-button-toggle-group>
                    @if (view() === 'html' && m.html) {
                      <sg-email-frame [html]="m.html" label="Message" />
                    } @else {
                      <pre data-testid="mail-text">{{ m.text }}</pre>
                    }
                  } @else {
                    <div class="empty-state">Pick a message to read it.</div>
                  }
                </div>
              </div>
            }
          }
        }
      }
    </div>
  `,
})
export class MailOutboxPage implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly search = signal('');
  protected readonly testTo = signal('');
  protected readonly view = signal<'html' | 'text'>('html');
  protected readonly pageIndex = signal(0);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly selected = signal<CapturedMailDto | null>(null);
  protected readonly status = createLoader(() => this.api.invoke(mailStatus));
  protected readonly outbox = createLoader(() => this.api.invoke(mailOutbox, { page: this.pageIndex() + 1, pageSize: 25, ...(this.search().trim() ? { search: this.search().trim() } : {}) }));
  private timer: ReturnType<typeof setInterval> | undefined;

  async ngOnInit(): Promise<void> {
    await this.status.reload();
    if (this.status.data()?.capturing) {
      void this.outbox.reload();
      this.timer = setInterval(() => void this.outbox.reload(), REFRESH_MS);
    }
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected onSearch(): void {
    this.pageIndex.set(0);
    void this.outbox.reload();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.outbox.reload();
  }

  protected async select(id: string): Promise<void> {
    try {
      const mail = await this.api.invoke(mailMessage, { id });
      this.view.set(mail.html ? 'html' : 'text');
      this.selected.set(mail);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected async sendTest(): Promise<void> {
    await this.run(() => this.api.invoke(mailTest, { body: { to: this.testTo().trim() } }));
  }

  protected async clear(): Promise<void> {
    await this.run(() => this.api.invoke(mailClear));
    this.selected.set(null);
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
      if (this.status.data()?.capturing) await this.outbox.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
