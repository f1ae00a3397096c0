import type { DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AccountLocationEntity } from '../catalogue/account-location.entity';
import { AccountEntity } from '../catalogue/account.entity';
import { FieldDefinitionEntity } from '../catalogue/field-definition.entity';
import { ProductComponentEntity } from '../catalogue/product-component.entity';
import { ProductEntity } from '../catalogue/product.entity';
import { QuoteHistoryEntity } from '../quotes/quote-history.entity';
import { QuoteEntity } from '../quotes/quote.entity';
import { SyncLedgerEntity } from '../sync/sync-ledger.entity';
import { SyncLedgerEventEntity } from '../sync/sync-ledger-event.entity';
import { SyncOutboxEntity } from '../sync/outbox/sync-outbox.entity';
import { NOTIFICATION_ENTITIES } from '../notifications/notifications.module';
import { UserEntity } from '../users/user.entity';
import { ApprovalRuleEntity } from '../approval-rules/approval-rule.entity';
import { ApprovalRuleSetEntity } from '../approval-rules/approval-rule-set.entity';
import { ApprovalVariableEntity } from '../approval-rules/approval-variable.entity';
import { DelegationEntity } from '../delegations/delegation.entity';
import { UserGroupEntity, UserGroupMemberEntity } from '../directory/user-group.entity';
import { Foundation1764300000000 } from './migrations/1764300000000-foundation';
import { ApprovalConfiguration1764320000000 } from './migrations/1764320000000-approval-configuration';
import { Notifications1764350000000 } from './migrations/1764350000000-notifications';
import { CatalogueAndQuotes1764400000000 } from './migrations/1764400000000-catalogue-and-quotes';
import { ApprovalSubmissions1764420000000 } from './migrations/1764420000000-approval-submissions';
import { ApprovalNotificationState1764450000000 } from './migrations/1764450000000-approval-notification-state';
import { OrdersAndContracts1764460000000 } from './migrations/1764460000000-orders-and-contracts';
import { CatalogueDetails1764470000000 } from './migrations/1764470000000-catalogue-details';
import { DecimalFieldScale1764475000000 } from './migrations/1764475000000-decimal-field-scale';
import { SyncOutbox1764480000000 } from './migrations/1764480000000-sync-outbox';

/** Entities and migrations are listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [
  UserEntity,
  AuditEventEntity,
  ApiKeyEntity,
  SyncLedgerEntity,
  SyncLedgerEventEntity,
  SyncOutboxEntity,
  ProductEntity,
  ProductComponentEntity,
  AccountEntity,
  AccountLocationEntity,
  FieldDefinitionEntity,
  QuoteEntity,
  QuoteHistoryEntity,
  UserGroupEntity,
  UserGroupMemberEntity,
  DelegationEntity,
  ApprovalRuleEntity,
  ApprovalVariableEntity,
  ApprovalRuleSetEntity,
  ...NOTIFICATION_ENTITIES,
];
export const MIGRATIONS = [Foundation1764300000000, ApprovalConfiguration1764320000000, Notifications1764350000000, CatalogueAndQuotes1764400000000, ApprovalSubmissions1764420000000, ApprovalNotificationState1764450000000, OrdersAndContracts1764460000000,
  CatalogueDetails1764470000000,
  DecimalFieldScale1764475000000,
  SyncOutbox1764480000000,
];

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
