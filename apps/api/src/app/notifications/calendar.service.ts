import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type BusinessCalendar, validateBusinessCalendar, type Weekday } from '@signet/notifications-domain';
import { Subject } from 'rxjs';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { conflict, invalidInput } from '../common/app-error';
import { BusinessCalendarEntity } from './business-calendar.entity';
import type { BusinessCalendarDto, UpdateBusinessCalendarDto } from './dto/calendar.dto';

function toDto(row: BusinessCalendarEntity): BusinessCalendarDto {
  return {
    timeZone: row.timeZone,
    workingDays: [...row.workingDays],
    start: row.start,
    end: row.end,
    holidays: [...row.holidays],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCalendar(row: BusinessCalendarEntity): BusinessCalendar {
  return { timeZone: row.timeZone, workingDays: row.workingDays as Weekday[], start: row.start, end: row.end, holidays: row.holidays };
}

@Injectable()
export class CalendarService {
  /** Emits after a saved change, so pending timers can be re-armed against the new hours. */
  readonly changes = new Subject<BusinessCalendar>();

  constructor(
    @InjectRepository(BusinessCalendarEntity) private readonly calendars: Repository<BusinessCalendarEntity>,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<BusinessCalendarDto> {
    return toDto(await this.calendars.findOneByOrFail({ id: 1 }));
  }

  async current(): Promise<BusinessCalendar> {
    return toCalendar(await this.calendars.findOneByOrFail({ id: 1 }));
  }

  async update(input: UpdateBusinessCalendarDto, actor: Principal): Promise<BusinessCalendarDto> {
    const holidays = [...new Set(input.holidays)].sort();
    const next: BusinessCalendar = { timeZone: input.timeZone, workingDays: input.workingDays as Weekday[], start: input.start, end: input.end, holidays };
    const errors = validateBusinessCalendar(next);
    if (errors.length > 0) throw invalidInput(errors, 'The business calendar is not valid.');
    const saved = await this.calendars.manager.transaction(async (manager) => {
      const repo = manager.getRepository(BusinessCalendarEntity);
      const row = await repo.findOneOrFail({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (input.version !== undefined && input.version !== row.version) {
        throw conflict('stale_version', `The calendar was changed by someone else (you have version ${input.version}, current is ${row.version}). Reload and try again.`, {
          currentVersion: row.version,
        });
      }
      const before = toCalendar(row);
      Object.assign(row, { timeZone: next.timeZone, workingDays: [...next.workingDays].sort(), start: next.start, end: next.end, holidays, updatedBy: actor.id });
      const result = await repo.save(row);
      await this.audit.record({ actorId: actor.id, action: 'notifications.calendar_changed', targetType: 'business_calendar', targetId: '1', detail: { before, after: next } }, manager);
      return result;
    });
    this.changes.next(toCalendar(saved));
    return toDto(saved);
  }
}
