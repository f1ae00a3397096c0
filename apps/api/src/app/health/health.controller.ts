import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  /** Readiness: the database and the queue engine (Redis, or PostgreSQL when there is no Redis). */
  @Get()
  @Public()
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'A dependency is down.' })
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1_500 }), () => this.queue.check('queue')]);
  }

  /** Liveness: the process answers. */
  @Get('live')
  @Public()
  @ApiOkResponse({ schema: { properties: { status: { type: 'string', example: 'ok' } } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
