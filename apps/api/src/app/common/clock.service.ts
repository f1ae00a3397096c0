import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Subject } from 'rxjs';
import { appConfig, notificationConfig } from '../config/configuration';

/**
 * The API's "now" for time-driven behaviour (link expiry, reminders, escalations, digests).
 * In production it is the system clock. With SIGNET_TEST_CLOCK=true under NODE_ENV=test, tests
 * can move it (PUT /api/test-clock); `changes` tells timers to re-arm against the new time.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  readonly changes = new Subject<Date>();

  constructor(
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>,
  ) {
    if (settings.testClock && app.env !== 'test') {
      throw new Error('SIGNET_TEST_CLOCK=true is only allowed with NODE_ENV=test');
    }
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get controllable(): boolean {
    return this.settings.testClock;
  }

  /** Test-only: from now on, `now()` runs on from `instant`. */
  set(instant: Date): void {
    if (!this.settings.testClock) throw new Error('the clock is not controllable (SIGNET_TEST_CLOCK is off)');
    this.offsetMs = instant.getTime() - Date.now();
    this.changes.next(this.now());
  }
}
