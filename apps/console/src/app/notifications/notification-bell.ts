import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, signal } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Api, feedUnread } from '@signet/console-data-access';

/** How often the toolbar asks for the unread count (cheap: one indexed count). */
export const UNREAD_POLL_MS = 15_000;

/** Toolbar entry to the feed with the unread count, kept fresh by polling (also on tab focus). */
@Component({
  selector: 'sg-notification-bell',
  imports: [MatButtonModule, MatBadgeModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `a { margin-right: 12px; }`,
  template: `
    <a mat-stroked-button routerLink="/notifications" data-testid="notification-bell" [attr.aria-label]="unread() + ' unread notifications'"
       [matBadge]="unread() > 0 ? (unread() > 99 ? '99+' : unread()) : null" matBadgeColor="warn">
      Notifications
    </a>
  `,
})
export class NotificationBell implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly unread = signal(0);
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onFocus = () => void this.refresh();

  ngOnInit(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), UNREAD_POLL_MS);
    window.addEventListener('focus', this.onFocus);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
    window.removeEventListener('focus', this.onFocus);
  }

  async refresh(): Promise<void> {
    try {
      this.unread.set((await this.api.invoke(feedUnread)).unread);
    } catch {
      // a failed poll keeps the last count; the next one tries again
    }
  }
}
