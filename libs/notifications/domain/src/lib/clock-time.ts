import type { FieldError } from './field-error';

/** A wall-clock time `HH:mm` (00:00–24:00) as minutes after midnight, or null when malformed. */
export function parseClockTime(value: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? null : minutes;
}

export function clockTimeErrors(field: string, value: string): FieldError[] {
  return parseClockTime(value) === null
    ? [
        {
          field,
          message: `must be a time HH:mm between 00:00 and 24:00 (got '${value}')`,
        },
      ]
    : [];
}

/** True when `zone` is an IANA time zone the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
