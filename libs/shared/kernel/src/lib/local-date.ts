/**
 * ISO calendar dates without time (`YYYY-MM-DD`), as branded strings so they serialise as-is,
 * compare with `<`, and can never be confused with instants. All arithmetic is on day numbers
 * (proleptic Gregorian), so nothing depends on the process time zone.
 */
declare const localDateBrand: unique symbol;
export type LocalDate = string & { readonly [localDateBrand]: true };

/** `YYYY-MM` */
export type MonthKey = string;

export class InvalidLocalDateError extends Error {
  readonly code = 'invalid_date';
  constructor(
    readonly input: unknown,
    readonly reason: string,
  ) {
    super(`Invalid date ${JSON.stringify(input)}: ${reason}`);
    this.name = 'InvalidLocalDateError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`; throws InvalidLocalDateError saying what is wrong. */
export function parseLocalDate(input: unknown): LocalDate {
  if (typeof input !== 'string')
    throw new InvalidLocalDateError(input, 'expected a string YYYY-MM-DD');
  const m = ISO_DATE.exec(input);
  if (!m)
    throw new InvalidLocalDateError(input, 'expected the form YYYY-MM-DD');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12)
    throw new InvalidLocalDateError(input, `month ${m[2]} is not 01–12`);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max)
    throw new InvalidLocalDateError(
      input,
      `day ${m[3]} is not 01–${max} for ${m[1]}-${m[2]}`,
    );
  return input as LocalDate;
}

export function isLocalDate(input: unknown): input is LocalDate {
  try {
    parseLocalDate(input);
    return true;
  } catch {
    return false;
  }
}

/** Builds a date from parts, validating them. */
export function localDate(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(format(year, month, day));
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(date: LocalDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

function format(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999)
    throw new InvalidLocalDateError(year, 'year out of range 0000–9999');
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe -
      Math.floor(doe / 1460) +
      Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) /
      365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day) as LocalDate;
}

export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((m, d) => (d < m ? d : m), first);
}

export function maxDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((m, d) => (d > m ? d : m), first);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days))
    throw new RangeError(`addDays: ${days} is not a whole number of days`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Adds calendar months, clamping to the last day of a shorter month (01-31 + 1 month = 02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months))
    throw new RangeError(
      `addMonths: ${months} is not a whole number of months`,
    );
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format(y, m, Math.min(day, daysInMonth(y, m))) as LocalDate;
}

/** Number of days from a to b counting both ends: daysInclusive(d, d) = 1; negative spans give 0. */
export function daysInclusive(a: LocalDate, b: LocalDate): number {
  return Math.max(0, toEpochDay(b) - toEpochDay(a) + 1);
}

/** b − a in days (exclusive of one end; may be negative). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01` as LocalDate;
}

export function endOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return format(year, month, daysInMonth(year, month)) as LocalDate;
}

export function monthKey(date: LocalDate): MonthKey {
  return date.slice(0, 7);
}

/** Month keys from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: LocalDate, to: LocalDate): MonthKey[] {
  const keys: MonthKey[] = [];
  for (let d = startOfMonth(from); d <= to; d = addMonths(d, 1))
    keys.push(monthKey(d));
  return keys;
}

/** An inclusive range of dates: start ≤ end. */
export interface DateRange {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

export function dateRange(start: LocalDate, end: LocalDate): DateRange {
  if (end < start)
    throw new InvalidLocalDateError(
      `${start}..${end}`,
      'range ends before it starts',
    );
  return { start, end };
}

export function rangeContains(range: DateRange, date: LocalDate): boolean {
  return range.start <= date && date <= range.end;
}

export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function rangeDays(range: DateRange): number {
  return daysInclusive(range.start, range.end);
}

/** The overlap of two ranges, or undefined when they are disjoint. */
export function rangeIntersection(
  a: DateRange,
  b: DateRange,
): DateRange | undefined {
  if (!rangesOverlap(a, b)) return undefined;
  return { start: maxDate(a.start, b.start), end: minDate(a.end, b.end) };
}
