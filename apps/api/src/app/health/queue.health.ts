import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { QueueBackend } from '@signet/sync-queue';
import { QUEUE_BACKEND } from '../queue/queue.tokens';

@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const check = this.indicator.check(key);
    try {
      await this.backend.ping(1_500);
      return check.up({ engine: this.backend.engine });
    } catch (error) {
      return check.down({ engine: this.backend.engine, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
