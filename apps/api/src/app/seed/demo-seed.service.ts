import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Repository } from 'typeorm';
import { Role } from '../common/roles';
import { appConfig } from '../config/configuration';
import { UserEntity } from '../users/user.entity';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { DemoQuotesSeed } from './demo-quotes.seed';

export const DEMO_USERS: readonly { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'admin@demo.signet', displayName: 'Ada Admin', roles: [Role.Admin] },
  { email: 'sales@demo.signet', displayName: 'Sam Sales', roles: [Role.Sales] },
  { email: 'approver@demo.signet', displayName: 'Avery Approver', roles: [Role.Approver] },
  { email: 'finance@demo.signet', displayName: 'Fran Finance', roles: [Role.Finance] },
  { email: 'integration@demo.signet', displayName: 'Ivy Integration', roles: [Role.Integration] },
];

/**
 * Demo data for the development start only (SEED_DEMO=true, set by `npm start`).
 * Idempotent: a second start finds the users and leaves them as they are.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(appConfig.KEY) private readonly settings: ConfigType<typeof appConfig>,
    private readonly bootstrap: BootstrapAdminService,
    private readonly quotes: DemoQuotesSeed,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.seedDemo) return;
    await this.bootstrap.done();
    let created = 0;
    for (const demo of DEMO_USERS) {
      const exists = await this.users.createQueryBuilder('u').where('lower(u.email) = :email', { email: demo.email }).getCount();
      if (exists) continue;
      await this.users.insert({ ...demo, passwordHash: await argon2.hash(this.settings.demoPassword), active: true });
      created += 1;
    }
    this.logger.log(`Demo data: ${created} user(s) created, ${DEMO_USERS.length - created} already present`);
    await this.quotes.run();
  }
}
