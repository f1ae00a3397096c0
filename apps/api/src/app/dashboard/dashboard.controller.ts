import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { QueueBackend } from '@signet/sync-queue';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { ALL_ROLES } from '../common/roles';
import { QUEUE_BACKEND } from '../queue/queue.tokens';
import { SyncService } from '../sync/sync.service';
import { UsersService } from '../users/users.service';
import { DashboardDto } from './dashboard.dto';

const DAY_MS = 24 * 3600 * 1000;

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly sync: SyncService,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  /** Live figures for the console's home page. */
  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: DashboardDto })
  async get(): Promise<DashboardDto> {
    const since = new Date(Date.now() - DAY_MS);
    const [activeUsers, usersByRole, logins24h, failedLogins24h, connectors, syncByStatus] = await Promise.all([
      this.users.countActive(),
      this.users.countByRole(),
      this.audit.countSince('auth.login', since),
      this.audit.countSince('auth.login.failed', since),
      this.sync.connectors(),
      this.sync.statusCounts(),
    ]);
    return {
      asOf: new Date().toISOString(),
      activeUsers,
      usersByRole,
      logins24h,
      failedLogins24h,
      queueEngine: this.backend.engine,
      queueDescription: this.backend.describe(),
      connectors: connectors.map((c) => ({ id: c.id, name: c.name, enabled: c.enabled, waiting: c.queue.waiting, failed: c.queue.failed })),
      syncByStatus,
    };
  }
}
