import {
  InvalidLocalDateError,
  addDays,
  addMonths,
  compareDates,
  dateRange,
  daysBetween,
  daysInMonth,
  daysInclusive,
  endOfMonth,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  localDate,
  maxDate,
  minDate,
  monthKey,
  monthsBetween,
  parseLocalDate,
  rangeContains,
  rangeDays,
  rangeIntersection,
  rangesOverlap,
  startOfMonth,
  toEpochDay,
  type LocalDate,
} from './local-date';

const d = (s: string): LocalDate => parseLocalDate(s);

describe('parseLocalDate', () => {
  it.each([
    '2025-01-15',
    '2024-02-29',
    '2000-02-29',
    '1999-12-31',
    '0001-01-01',
    '9999-12-31',
  ])('accepts %s', (s) => {
    expect(parseLocalDate(s)).toBe(s);
    expect(isLocalDate(s)).toBe(true);
  });

  it.each([
    ['2025-02-29', /day 29 is not 01–28/],
    ['1900-02-29', /day 29 is not 01–28/],
    ['2025-13-01', /month 13/],
    ['2025-00-10', /month 00/],
    ['2025-04-31', /day 31 is not 01–30/],
    ['2025-1-5', /YYYY-MM-DD/],
    ['2025-01-15T00:00:00Z', /YYYY-MM-DD/],
    ['', /YYYY-MM-DD/],
    [20250115, /string/],
    [null, /string/],
  ])('rejects %p with a clear message', (input, message) => {
    expect(() => parseLocalDate(input)).toThrow(InvalidLocalDateError);
    expect(() => parseLocalDate(input)).toThrow(message);
    expect(isLocalDate(input)).toBe(false);
  });

  it('builds from parts', () => {
    expect(localDate(2025, 3, 7)).toBe('2025-03-07');
    expect(() => localDate(2025, 2, 30)).toThrow(InvalidLocalDateError);
  });
});

describe('calendar facts', () => {
  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
  ])('isLeapYear(%i) = %p', (y, leap) => expect(isLeapYear(y)).toBe(leap));

  it.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) =>
    expect(daysInMonth(y, m)).toBe(n),
  );
});

describe('epoch days round-trip', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2025-01-15', 20103],
  ])('%s is day %i', (s, n) => {
    expect(toEpochDay(d(s))).toBe(n);
    expect(fromEpochDay(n)).toBe(s);
  });

  it('round-trips every day across four centuries boundary years', () => {
    for (
      let n = toEpochDay(d('1899-12-25'));
      n < toEpochDay(d('2101-01-05'));
      n += 1
    ) {
      expect(toEpochDay(fromEpochDay(n))).toBe(n);
    }
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-01-15', 365, '2026-01-15'],
    ['2025-01-15', 0, '2025-01-15'],
  ])('%s + %i days = %s', (s, n, expected) =>
    expect(addDays(d(s), n)).toBe(expected),
  );

  it('rejects fractional days', () =>
    expect(() => addDays(d('2025-01-01'), 1.5)).toThrow(RangeError));
});

describe('addMonths clamps to the shorter month', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-15', 12, '2026-01-15'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-01', 6, '2025-09-01'],
    ['2025-08-31', 0, '2025-08-31'],
  ])('%s + %i months = %s', (s, n, expected) =>
    expect(addMonths(d(s), n)).toBe(expected),
  );

  it('a 12-month term from 2025-01-31 ends 2026-01-30, and from 2025-01-31 one month ends 02-27', () => {
    expect(addDays(addMonths(d('2025-01-31'), 12), -1)).toBe('2026-01-30');
    expect(addDays(addMonths(d('2025-01-31'), 1), -1)).toBe('2025-02-27');
  });
});

describe('daysInclusive counts both ends', () => {
  it.each([
    ['2025-01-15', '2025-01-15', 1],
    ['2025-01-15', '2026-01-14', 365],
    ['2024-01-01', '2024-12-31', 366],
    ['2025-07-01', '2026-01-14', 198],
    ['2025-03-01', '2025-08-31', 184],
    ['2025-02-01', '2025-01-31', 0],
  ])('days(%s…%s) = %i', (a, b, n) =>
    expect(daysInclusive(d(a), d(b))).toBe(n),
  );

  it('daysBetween is signed and exclusive', () => {
    expect(daysBetween(d('2025-01-15'), d('2025-01-10'))).toBe(-5);
  });
});

describe('month helpers', () => {
  it.each([
    ['2025-02-10', '2025-02-01', '2025-02-28', '2025-02'],
    ['2024-02-10', '2024-02-01', '2024-02-29', '2024-02'],
    ['2025-12-31', '2025-12-01', '2025-12-31', '2025-12'],
  ])('%s: start %s end %s key %s', (s, start, end, key) => {
    expect(startOfMonth(d(s))).toBe(start);
    expect(endOfMonth(d(s))).toBe(end);
    expect(monthKey(d(s))).toBe(key);
  });

  it('lists months between two dates', () => {
    expect(monthsBetween(d('2025-11-30'), d('2026-02-01'))).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween(d('2025-03-05'), d('2025-03-06'))).toEqual([
      '2025-03',
    ]);
  });
});

describe('comparison', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
  ] as const)('compare(%s, %s) = %i', (a, b, n) =>
    expect(compareDates(d(a), d(b))).toBe(n),
  );

  it('min and max', () => {
    expect(minDate(d('2025-03-01'), d('2025-01-15'), d('2025-02-01'))).toBe(
      '2025-01-15',
    );
    expect(maxDate(d('2025-03-01'), d('2025-01-15'), d('2026-02-01'))).toBe(
      '2026-02-01',
    );
  });
});

describe('DateRange (inclusive)', () => {
  const r = dateRange(d('2025-03-01'), d('2025-08-31'));

  it.each([
    ['2025-02-28', false],
    ['2025-03-01', true],
    ['2025-06-15', true],
    ['2025-08-31', true],
    ['2025-09-01', false],
  ])('contains(%s) = %p', (s, expected) =>
    expect(rangeContains(r, d(s))).toBe(expected),
  );

  it.each([
    ['2025-01-01', '2025-02-28', false],
    ['2025-01-01', '2025-03-01', true],
    ['2025-08-31', '2025-12-31', true],
    ['2025-09-01', '2025-12-31', false],
    ['2025-04-01', '2025-04-30', true],
    ['2024-01-01', '2026-01-01', true],
  ])('overlaps(%s…%s) = %p', (a, b, expected) => {
    const other = dateRange(d(a), d(b));
    expect(rangesOverlap(r, other)).toBe(expected);
    expect(rangesOverlap(other, r)).toBe(expected);
    expect(rangeIntersection(r, other) !== undefined).toBe(expected);
  });

  it('has a length in days and an intersection', () => {
    expect(rangeDays(r)).toBe(184);
    expect(
      rangeIntersection(r, dateRange(d('2025-08-01'), d('2025-12-31'))),
    ).toEqual({ start: '2025-08-01', end: '2025-08-31' });
  });

  it('rejects a range ending before it starts', () => {
    expect(() => dateRange(d('2025-02-01'), d('2025-01-31'))).toThrow(
      InvalidLocalDateError,
    );
  });
});
