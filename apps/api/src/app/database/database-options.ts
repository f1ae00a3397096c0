import type { DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { SyncLedgerEntity } from '../sync/sync-ledger.entity';
import { NOTIFICATION_ENTITIES } from '../notifications/notifications.module';
import { UserEntity } from '../users/user.entity';
import { Foundation1764300000000 } from './migrations/1764300000000-foundation';
import { Notifications1764350000000 } from './migrations/1764350000000-notifications';

/** Entities and migrations are listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [UserEntity, AuditEventEntity, ApiKeyEntity, SyncLedgerEntity, ...NOTIFICATION_ENTITIES];
export const MIGRATIONS = [Foundation1764300000000, Notifications1764350000000];

export function databaseOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, application_name: 'signet-api' },
  };
}
