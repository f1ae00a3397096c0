import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/clock.service';
import { ApprovalLinkEntity } from './approval-link.entity';
import { BusinessCalendarEntity } from './business-calendar.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationTemplateEntity } from './notification-template.entity';
import { NotificationEntity } from './notification.entity';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';
import { RuleNotificationSettingsEntity } from './rule-notification-settings.entity';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { TestClockController } from './test-clock.controller';

export const NOTIFICATION_ENTITIES = [
  BusinessCalendarEntity,
  NotificationTemplateEntity,
  NotificationPreferenceEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  ApprovalLinkEntity,
  RuleNotificationSettingsEntity,
];

/** The test clock's controller exists only in test processes that ask for it. */
function testClockEnabled(): boolean {
  return process.env['SIGNET_TEST_CLOCK'] === 'true' && process.env['NODE_ENV'] === 'test';
}

@Module({})
export class NotificationsModule {
  static register(): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
      controllers: [CalendarController, TemplatesController, PreferencesController, FeedController, ...(testClockEnabled() ? [TestClockController] : [])],
      providers: [Clock, CalendarService, TemplatesService, PreferencesService, FeedService],
      exports: [Clock, CalendarService, TemplatesService, PreferencesService, FeedService],
    };
  }
}
