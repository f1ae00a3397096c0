import { Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApprovalRulesModule } from './approval-rules/approval-rules.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { RouteRolesAudit } from './common/route-roles.audit';
import { ALL_CONFIGS, appConfig, configSchema, databaseConfig } from './config/configuration';
import { DashboardController } from './dashboard/dashboard.controller';
import { DelegationsModule } from './delegations/delegations.module';
import { DirectoryModule } from './directory/directory.module';
import { databaseOptions } from './database/database-options';
import { HealthModule } from './health/health.module';
import { ApprovalEventsModule } from './approvals/approval-events';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { ContractsModule } from './contracts/contracts.module';
import { QueueModule } from './queue/queue.module';
import { QuotesModule } from './quotes/quotes.module';
import { BootstrapAdminService } from './seed/bootstrap-admin.service';
import { DemoQuotesSeed } from './seed/demo-quotes.seed';
import { DemoSeedService } from './seed/demo-seed.service';
import { OutboxModule } from './sync/outbox/outbox.module';
import { SyncModule } from './sync/sync.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      load: ALL_CONFIGS,
      validationSchema: configSchema,
      validationOptions: { abortEarly: false, allowUnknown: true },
    }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: app.logLevel,
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
          customProps: () => ({ service: 'signet-api' }),
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => ({ ...databaseOptions(db.url, db.poolSize), retryAttempts: 2, retryDelay: 1000 }),
    }),
    DiscoveryModule,
    QueueModule,
    OutboxModule,
    AuditModule,
    UsersModule,
    ApiKeysModule,
    AuthModule,
    HealthModule,
    SyncModule,
    CatalogueModule,
    QuotesModule,
    DirectoryModule,
    DelegationsModule,
    ApprovalRulesModule,
    ApprovalsModule,
    ApprovalEventsModule,
    MailModule,
    NotificationsModule.register(),
    OrdersModule,
    ContractsModule,
  ],
  controllers: [DashboardController],
  providers: [RouteRolesAudit, BootstrapAdminService, DemoSeedService, DemoQuotesSeed],
})
export class AppModule {}
