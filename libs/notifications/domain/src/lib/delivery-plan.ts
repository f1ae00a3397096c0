import { DateTime } from 'luxon';
import { clockTimeErrors, isKnownTimeZone, parseClockTime } from './clock-time';
import type { FieldError } from './field-error';

export type DeliveryMode = 'immediate' | 'digest';
export const DELIVERY_MODES: readonly DeliveryMode[] = ['immediate', 'digest'];

/** How a user wants approval email: at once, or gathered into a digest every N hours; never in quiet hours. */
export interface DeliveryPreference {
  readonly mode: DeliveryMode;
  /** Digest slots fall at local midnight + k·N hours. */
  readonly digestEveryHours: number;
  /** `HH:mm`–`HH:mm` local; a start after the end spans midnight (22:00–07:00). */
  readonly quietHours: { readonly start: string; readonly end: string } | null;
  readonly timeZone: string;
}

export const DEFAULT_DELIVERY_PREFERENCE: DeliveryPreference = {
  mode: 'immediate',
  digestEveryHours: 4,
  quietHours: null,
  timeZone: 'UTC',
};

export function validateDeliveryPreference(
  preference: DeliveryPreference,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!DELIVERY_MODES.includes(preference.mode))
    errors.push({
      field: 'mode',
      message: `must be one of ${DELIVERY_MODES.join(', ')}`,
    });
  if (
    !Number.isInteger(preference.digestEveryHours) ||
    preference.digestEveryHours < 1 ||
    preference.digestEveryHours > 24
  ) {
    errors.push({
      field: 'digestEveryHours',
      message: 'must be a whole number of hours from 1 to 24',
    });
  }
  if (!isKnownTimeZone(preference.timeZone))
    errors.push({
      field: 'timeZone',
      message: `unknown time zone '${preference.timeZone}'`,
    });
  if (preference.quietHours) {
    errors.push(
      ...clockTimeErrors('quietHours.start', preference.quietHours.start),
      ...clockTimeErrors('quietHours.end', preference.quietHours.end),
    );
    if (preference.quietHours.start === preference.quietHours.end)
      errors.push({
        field: 'quietHours.end',
        message: 'must differ from the start',
      });
  }
  return errors;
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  return minutes >= 24 * 60
    ? day.plus({ days: 1 }).startOf('day')
    : day.set({
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
        second: 0,
        millisecond: 0,
      });
}

/** When the quiet period containing `instant` ends, or null when `instant` is not in quiet hours. */
export function quietUntil(
  instant: Date,
  preference: DeliveryPreference,
): Date | null {
  if (!preference.quietHours) return null;
  const start = parseClockTime(preference.quietHours.start);
  const end = parseClockTime(preference.quietHours.end);
  if (start === null || end === null || start === end) return null;
  const local = DateTime.fromJSDate(instant, { zone: preference.timeZone });
  const minute =
    local.hour * 60 +
    local.minute +
    local.second / 60 +
    local.millisecond / 60_000;
  const day = local.startOf('day');
  if (start < end)
    return minute >= start && minute < end
      ? atMinutes(day, end).toJSDate()
      : null;
  if (minute >= start)
    return atMinutes(day.plus({ days: 1 }).startOf('day'), end).toJSDate();
  if (minute < end) return atMinutes(day, end).toJSDate();
  return null;
}

/** The first digest slot strictly after `instant`. */
export function nextDigestSlot(
  instant: Date,
  preference: DeliveryPreference,
): Date {
  const local = DateTime.fromJSDate(instant, { zone: preference.timeZone });
  for (let dayOffset = 0; dayOffset <= 1; dayOffset += 1) {
    const day = local.startOf('day').plus({ days: dayOffset }).startOf('day');
    for (let hour = 0; hour < 24; hour += preference.digestEveryHours) {
      const slot = day.set({ hour, minute: 0, second: 0, millisecond: 0 });
      if (slot.toMillis() > instant.getTime()) return slot.toJSDate();
    }
  }
  throw new Error('unreachable: a day always has a slot at midnight');
}

/**
 * When a notification raised at `now` is emailed: at once (immediate) or at the next digest
 * slot (digest), pushed to the end of quiet hours when it would fall inside them.
 */
export function planDelivery(now: Date, preference: DeliveryPreference): Date {
  const due =
    preference.mode === 'immediate' ? now : nextDigestSlot(now, preference);
  return quietUntil(due, preference) ?? due;
}
