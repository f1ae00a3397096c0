import { type LocalDate, parseLocalDate } from '@signet/shared-kernel';

/** Today's business date. Business dates are UTC calendar days; the domain never reads a clock, the edge does. */
export function todayUtc(now: Date = new Date()): LocalDate {
  return parseLocalDate(now.toISOString().slice(0, 10));
}

/** Milliseconds from `now` until the start (00:00 UTC) of a business date; 0 when it has begun. */
export function msUntil(date: LocalDate, now: Date = new Date()): number {
  return Math.max(0, Date.parse(`${date}T00:00:00Z`) - now.getTime());
}
