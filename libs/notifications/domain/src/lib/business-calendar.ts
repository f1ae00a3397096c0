import { DateTime } from 'luxon';
import { clockTimeErrors, isKnownTimeZone, parseClockTime } from './clock-time';
import type { FieldError } from './field-error';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When the business works: reminders and escalations count only these hours. One window per
 * working day (`start` < `end`, wall-clock in `timeZone`, so DST moves with the zone); holidays
 * are whole local dates off.
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly workingDays: readonly Weekday[];
  /** `HH:mm` */
  readonly start: string;
  /** `HH:mm`, up to `24:00` */
  readonly end: string;
  /** ISO dates `YYYY-MM-DD` */
  readonly holidays: readonly string[];
}

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  holidays: [],
};

const HOUR_MS = 3_600_000;
/** Ten years of days: a calendar whose working days are all holidays would otherwise never end. */
const MAX_DAYS_SCANNED = 3_660;

export function validateBusinessCalendar(
  calendar: BusinessCalendar,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKnownTimeZone(calendar.timeZone))
    errors.push({
      field: 'timeZone',
      message: `unknown time zone '${calendar.timeZone}'`,
    });
  if (calendar.workingDays.length === 0)
    errors.push({
      field: 'workingDays',
      message: 'at least one working day is needed',
    });
  calendar.workingDays.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      errors.push({
        field: `workingDays[${i}]`,
        message: 'must be 1 (Monday) to 7 (Sunday)',
      });
  });
  if (new Set(calendar.workingDays).size !== calendar.workingDays.length)
    errors.push({ field: 'workingDays', message: 'lists a day twice' });
  errors.push(
    ...clockTimeErrors('start', calendar.start),
    ...clockTimeErrors('end', calendar.end),
  );
  const start = parseClockTime(calendar.start);
  const end = parseClockTime(calendar.end);
  if (start !== null && end !== null && start >= end)
    errors.push({
      field: 'end',
      message: `must be after start (${calendar.start})`,
    });
  calendar.holidays.forEach((holiday, i) => {
    if (
      !DateTime.fromISO(holiday, { zone: 'UTC' }).isValid ||
      !/^\d{4}-\d{2}-\d{2}$/.test(holiday)
    ) {
      errors.push({
        field: `holidays[${i}]`,
        message: `must be a date YYYY-MM-DD (got '${holiday}')`,
      });
    }
  });
  return errors;
}

interface Window {
  readonly start: DateTime;
  readonly end: DateTime;
}

/** The working window on the local date of `day` (start of that day in the zone), or null on a day off. */
function windowOn(
  day: DateTime,
  calendar: BusinessCalendar,
  startMinutes: number,
  endMinutes: number,
): Window | null {
  if (!calendar.workingDays.includes(day.weekday as Weekday)) return null;
  if (calendar.holidays.includes(day.toISODate() ?? '')) return null;
  return {
    start: atMinutes(day, startMinutes),
    end: atMinutes(day, endMinutes),
  };
}

/** Wall-clock `minutes` after local midnight; 24:00 is the next day's midnight. */
function atMinutes(day: DateTime, minutes: number): DateTime {
  if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

function compiled(calendar: BusinessCalendar): {
  startMinutes: number;
  endMinutes: number;
} {
  const errors = validateBusinessCalendar(calendar);
  if (errors.length > 0)
    throw new Error(
      `invalid business calendar: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    );
  return {
    startMinutes: parseClockTime(calendar.start) as number,
    endMinutes: parseClockTime(calendar.end) as number,
  };
}

/**
 * The instant `hours` business hours after `from`. Time outside working windows does not count;
 * starting outside a window starts the count at the next window. Fractions are allowed.
 */
export function addBusinessHours(
  from: Date,
  hours: number,
  calendar: BusinessCalendar,
): Date {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`hours must be a finite number ≥ 0 (got ${hours})`);
  const { startMinutes, endMinutes } = compiled(calendar);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(from.getTime());
  let cursor: DateTime = DateTime.fromJSDate(from, { zone: calendar.timeZone });
  let day = cursor.startOf('day');
  for (
    let scanned = 0;
    scanned < MAX_DAYS_SCANNED;
    scanned += 1, day = day.plus({ days: 1 }).startOf('day')
  ) {
    const window = windowOn(day, calendar, startMinutes, endMinutes);
    if (!window || cursor >= window.end) continue;
    if (cursor < window.start) cursor = window.start;
    const available = window.end.toMillis() - cursor.toMillis();
    if (remaining <= available) return new Date(cursor.toMillis() + remaining);
    remaining -= available;
    cursor = window.end;
  }
  throw new RangeError(
    'the business calendar has no working time in the next ten years',
  );
}

/** Business hours between two instants (0 when `to` is not after `from`). */
export function businessHoursBetween(
  from: Date,
  to: Date,
  calendar: BusinessCalendar,
): number {
  if (to <= from) return 0;
  const { startMinutes, endMinutes } = compiled(calendar);
  const end = DateTime.fromJSDate(to, { zone: calendar.timeZone });
  let total = 0;
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf(
    'day',
  );
  for (
    let scanned = 0;
    day <= end && scanned < MAX_DAYS_SCANNED;
    scanned += 1, day = day.plus({ days: 1 }).startOf('day')
  ) {
    const window = windowOn(day, calendar, startMinutes, endMinutes);
    if (!window) continue;
    const a = Math.max(window.start.toMillis(), from.getTime());
    const b = Math.min(window.end.toMillis(), to.getTime());
    if (b > a) total += b - a;
  }
  return total / HOUR_MS;
}

/** True when `instant` falls inside a working window. */
export function isBusinessTime(
  instant: Date,
  calendar: BusinessCalendar,
): boolean {
  const { startMinutes, endMinutes } = compiled(calendar);
  const local = DateTime.fromJSDate(instant, { zone: calendar.timeZone });
  const window = windowOn(
    local.startOf('day'),
    calendar,
    startMinutes,
    endMinutes,
  );
  return !!window && local >= window.start && local < window.end;
}
