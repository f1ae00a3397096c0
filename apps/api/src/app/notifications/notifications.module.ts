import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalsModule } from '../approvals/approvals.module';
import { Clock } from '../common/clock.service';
import { ApprovalLinkEntity } from './approval-link.entity';
import { ApprovalLinksController } from './approval-links.controller';
import { ApprovalLinksService } from './approval-links.service';
import { ApprovalNotifier } from './approval-notifier.service';
import { BusinessCalendarEntity } from './business-calendar.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationTemplateEntity } from './notification-template.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationsProcessor } from './notifications.processor';
import { RequestTimersService } from './request-timers.service';
import { RuleSettingsController } from './rule-settings.controller';
import { RuleSettingsService } from './rule-settings.service';
import { TimersController } from './timers.controller';
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
      imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), ApprovalsModule],
      controllers: [
        CalendarController,
        TemplatesController,
        PreferencesController,
        FeedController,
        RuleSettingsController,
        ApprovalLinksController,
        TimersController,
        ...(testClockEnabled() ? [TestClockController] : []),
      ],
      providers: [
        Clock,
        CalendarService,
        TemplatesService,
        PreferencesService,
        FeedService,
        RuleSettingsService,
        NotificationDispatcher,
        RequestTimersService,
        ApprovalNotifier,
        ApprovalLinksService,
        NotificationsProcessor,
      ],
      exports: [Clock, FeedService],
    };
  }
}
