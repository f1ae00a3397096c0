import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Role } from '../common/roles';
import { appConfig } from '../config/configuration';
import { UserEntity } from '../users/user.entity';

/**
 * First start of a real installation: with BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD set
 * and no user in the database, creates that administrator. Never touches an existing user.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);
  private finished: Promise<void> | null = null;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly settings: ConfigType<typeof appConfig>,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.done();
  }

  /** Resolves once the bootstrap check has run (other seeders wait for it). */
  done(): Promise<void> {
    this.finished ??= this.run();
    return this.finished;
  }

  private async run(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.settings;
    if (!email || !password) return;
    if ((await this.users.count()) > 0) return;
    const passwordHash = await argon2.hash(password);
    const created = await this.users.manager.transaction(async (manager) => {
      // Lock the table so two API processes starting together create one admin, not two.
      await manager.query('LOCK TABLE users IN EXCLUSIVE MODE');
      if ((await manager.getRepository(UserEntity).count()) > 0) return null;
      const user = await manager.getRepository(UserEntity).save({ email, displayName: 'Administrator', passwordHash, roles: [Role.Admin], active: true });
      await this.audit.record({ actorId: null, action: 'user.bootstrapped', targetType: 'user', targetId: user.id, detail: { email } }, manager);
      return user;
    });
    if (created) this.logger.log(`Created the bootstrap administrator ${email}`);
  }
}
