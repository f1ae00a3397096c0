import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_DELIVERY_PREFERENCE, type DeliveryPreference, validateDeliveryPreference } from '@signet/notifications-domain';
import type { Repository } from 'typeorm';
import { conflict, invalidInput } from '../common/app-error';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/preferences.dto';
import { NotificationPreferenceEntity } from './notification-preference.entity';

export interface UserPreference extends DeliveryPreference {
  readonly emailEnabled: boolean;
}

const DEFAULTS: NotificationPreferencesDto = {
  emailEnabled: true,
  mode: DEFAULT_DELIVERY_PREFERENCE.mode,
  digestEveryHours: DEFAULT_DELIVERY_PREFERENCE.digestEveryHours,
  quietStart: null,
  quietEnd: null,
  timeZone: DEFAULT_DELIVERY_PREFERENCE.timeZone,
  version: 0,
};

function toDto(row: NotificationPreferenceEntity | null): NotificationPreferencesDto {
  if (!row) return { ...DEFAULTS };
  return { emailEnabled: row.emailEnabled, mode: row.mode, digestEveryHours: row.digestEveryHours, quietStart: row.quietStart, quietEnd: row.quietEnd, timeZone: row.timeZone, version: row.version };
}

export function toPreference(dto: NotificationPreferencesDto): UserPreference {
  return {
    emailEnabled: dto.emailEnabled,
    mode: dto.mode,
    digestEveryHours: dto.digestEveryHours,
    quietHours: dto.quietStart && dto.quietEnd ? { start: dto.quietStart, end: dto.quietEnd } : null,
    timeZone: dto.timeZone,
  };
}

@Injectable()
export class PreferencesService {
  constructor(@InjectRepository(NotificationPreferenceEntity) private readonly preferences: Repository<NotificationPreferenceEntity>) {}

  async get(userId: string): Promise<NotificationPreferencesDto> {
    return toDto(await this.preferences.findOneBy({ userId }));
  }

  async forDelivery(userId: string): Promise<UserPreference> {
    return toPreference(await this.get(userId));
  }

  async update(userId: string, input: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    const quietStart = input.quietStart ?? null;
    const quietEnd = input.quietEnd ?? null;
    const errors = [];
    if ((quietStart === null) !== (quietEnd === null)) errors.push({ field: quietStart === null ? 'quietStart' : 'quietEnd', message: 'quiet hours need both a start and an end' });
    const preference = toPreference({ ...input, quietStart, quietEnd, version: 0 });
    errors.push(...validateDeliveryPreference(preference).map((e) => ({ ...e, field: e.field.replace('quietHours.start', 'quietStart').replace('quietHours.end', 'quietEnd') })));
    if (errors.length > 0) throw invalidInput(errors, 'The notification preferences are not valid.');
    return this.preferences.manager.transaction(async (manager) => {
      const repo = manager.getRepository(NotificationPreferenceEntity);
      const row = await repo.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      const current = row?.version ?? 0;
      if (input.version !== undefined && input.version !== current) {
        throw conflict('stale_version', `Your preferences were changed elsewhere (you have version ${input.version}, current is ${current}). Reload and try again.`, { currentVersion: current });
      }
      const saved = await repo.save({
        ...(row ?? { userId }),
        emailEnabled: input.emailEnabled,
        mode: input.mode,
        digestEveryHours: input.digestEveryHours,
        quietStart,
        quietEnd,
        timeZone: input.timeZone,
      });
      return toDto(saved);
    });
  }
}
