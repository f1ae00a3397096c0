import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { Api, feedList, feedRead, feedReadAll, type NotificationDto, type Problem, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { UNREAD_POLL_MS } from './notification-bell';

const KIND_LABELS: Record<string, string> = {
  request: 'Approval needed',
  reminder: 'Reminder',
  escalation: 'Escalated',
  reassigned: 'Reassigned',
  approved: 'Approved',
  rejected: 'Rejected',
  recalled: 'Recalled',
};

@Component({
  selector: 'sg-notifications-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatButtonToggleModule, MatPaginatorModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
    .spacer { flex: 1; }
    ul { list-style: none; padding: 0; margin: 0; }
    li { display: flex; gap: 12px; align-items: flex-start; padding: 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); cursor: pointer; }
    li.unread { background: var(--mat-sys-secondary-container); }
    li .kind { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--mat-sys-primary); min-width: 110px; }
    li .text { flex: 1; }
    li .title { font-weight: 600; }
    li .body { color: var(--mat-sys-on-surface-variant); font-size: 14px; }
    li time { font-size: 12px; color: var(--mat-sys-on-surface-variant); white-space: nowrap; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Notifications</h1></div>
      <div class="toolbar">
        <mat-button-toggle-group [value]="unreadOnly()" (change)="filter($event.value)" aria-label="Filter">
          <mat-button-toggle [value]="false">All</mat-button-toggle>
          <mat-button-toggle [value]="true" data-testid="filter-unread">Unread</mat-button-toggle>
        </mat-button-toggle-group>
        <span class="spacer"></span>
        <a mat-button routerLink="/notifications/preferences" data-testid="notification-preferences">Email preferences</a>
        <button mat-stroked-button (click)="readAll()" [disabled]="busy() || !(feed.data()?.unread)" data-testid="read-all">Mark all as read</button>
      </div>
      <sg-problem-banner [problem]="problem() ?? feed.problem()" />
      @if (feed.loading() && !feed.data()) { <mat-progress-bar mode="indeterminate" /> }
      @if (feed.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state" data-testid="feed-empty">{{ unreadOnly() ? 'Nothing unread.' : 'No notifications yet. Approval requests, reminders and decisions show up here.' }}</div>
        } @else {
          <ul data-testid="feed">
            @for (n of page.items; track n.id) {
              <li [class.unread]="!n.readAt" (click)="open(n)" (keydown.enter)="open(n)" tabindex="0" role="button" [attr.data-kind]="n.kind">
                <span class="kind">{{ kindLabel(n.kind) }}</span>
                <span class="text"><div class="title">{{ n.title }}</div><div class="body">{{ n.body }}</div></span>
                <time>{{ n.createdAt | date: 'short' }}</time>
              </li>
            }
          </ul>
          <mat-paginator [length]="page.total" [pageIndex]="pageIndex()" [pageSize]="25" [pageSizeOptions]="[25]" (page)="onPage($event)" />
        }
      }
    </div>
  `,
})
export class NotificationsPage implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  protected readonly unreadOnly = signal(false);
  protected readonly pageIndex = signal(0);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly feed = createLoader(() => this.api.invoke(feedList, { page: this.pageIndex() + 1, pageSize: 25, ...(this.unreadOnly() ? { unread: true } : {}) }));
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    void this.feed.reload();
    this.timer = setInterval(() => void this.feed.reload(), UNREAD_POLL_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected kindLabel(kind: string): string {
    return KIND_LABELS[kind] ?? kind;
  }

  protected filter(unread: boolean): void {
    this.unreadOnly.set(unread);
    this.pageIndex.set(0);
    void this.feed.reload();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.feed.reload();
  }

  protected async open(n: NotificationDto): Promise<void> {
    try {
      if (!n.readAt) await this.api.invoke(feedRead, { id: n.id });
    } catch (error) {
      this.problem.set(toProblem(error));
      return;
    }
    if (n.link) await this.router.navigateByUrl(n.link);
    else void this.feed.reload();
  }

  protected async readAll(): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.invoke(feedReadAll);
      await this.feed.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
