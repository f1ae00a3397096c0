import {
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  DEFAULT_BUSINESS_CALENDAR,
  isBusinessTime,
  validateBusinessCalendar,
} from './business-calendar';

// 2025-01-06 is a Monday; 2025-01-10 a Friday.
const UTC_9_TO_5 = DEFAULT_BUSINESS_CALENDAR;
const WITH_TUESDAY_OFF: BusinessCalendar = {
  ...UTC_9_TO_5,
  holidays: ['2025-01-07'],
};
const WITH_MONDAY_OFF: BusinessCalendar = {
  ...UTC_9_TO_5,
  holidays: ['2025-01-13'],
};
const BERLIN: BusinessCalendar = { ...UTC_9_TO_5, timeZone: 'Europe/Berlin' };
const NEW_YORK_8_TO_6: BusinessCalendar = {
  ...UTC_9_TO_5,
  timeZone: 'America/New_York',
  start: '08:00',
  end: '18:00',
};
const SUNDAY_TO_THURSDAY: BusinessCalendar = {
  ...UTC_9_TO_5,
  workingDays: [7, 1, 2, 3, 4],
};
const ALWAYS: BusinessCalendar = {
  ...UTC_9_TO_5,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  start: '00:00',
  end: '24:00',
};
const ALWAYS_BERLIN: BusinessCalendar = {
  ...ALWAYS,
  timeZone: 'Europe/Berlin',
};
const HALF_DAYS: BusinessCalendar = {
  ...UTC_9_TO_5,
  start: '13:30',
  end: '17:45',
};

describe('addBusinessHours', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    [
      'inside a window',
      UTC_9_TO_5,
      '2025-01-06T10:00:00Z',
      2,
      '2025-01-06T12:00:00Z',
    ],
    [
      'fractional hours',
      UTC_9_TO_5,
      '2025-01-06T10:00:00Z',
      0.25,
      '2025-01-06T10:15:00Z',
    ],
    [
      'spills into the next day',
      UTC_9_TO_5,
      '2025-01-06T16:00:00Z',
      2,
      '2025-01-07T10:00:00Z',
    ],
    [
      'ends exactly at closing time',
      UTC_9_TO_5,
      '2025-01-06T09:00:00Z',
      8,
      '2025-01-06T17:00:00Z',
    ],
    [
      'one minute past a full day',
      UTC_9_TO_5,
      '2025-01-06T09:00:00Z',
      8 + 1 / 60,
      '2025-01-07T09:01:00Z',
    ],
    [
      'a day and a half',
      UTC_9_TO_5,
      '2025-01-06T09:00:00Z',
      12,
      '2025-01-07T13:00:00Z',
    ],
    [
      'before opening starts at opening',
      UTC_9_TO_5,
      '2025-01-06T07:00:00Z',
      1,
      '2025-01-06T10:00:00Z',
    ],
    [
      'at closing starts next morning',
      UTC_9_TO_5,
      '2025-01-06T17:00:00Z',
      1,
      '2025-01-07T10:00:00Z',
    ],
    [
      'after closing starts next morning',
      UTC_9_TO_5,
      '2025-01-06T22:30:00Z',
      1,
      '2025-01-07T10:00:00Z',
    ],
    [
      'Friday afternoon jumps the weekend',
      UTC_9_TO_5,
      '2025-01-10T16:00:00Z',
      2,
      '2025-01-13T10:00:00Z',
    ],
    [
      'Saturday starts on Monday',
      UTC_9_TO_5,
      '2025-01-11T12:00:00Z',
      1,
      '2025-01-13T10:00:00Z',
    ],
    [
      'Sunday night starts on Monday',
      UTC_9_TO_5,
      '2025-01-05T23:00:00Z',
      1,
      '2025-01-06T10:00:00Z',
    ],
    [
      'a whole working week',
      UTC_9_TO_5,
      '2025-01-06T10:00:00Z',
      40,
      '2025-01-13T10:00:00Z',
    ],
    [
      'two working weeks',
      UTC_9_TO_5,
      '2025-01-06T10:00:00Z',
      80,
      '2025-01-20T10:00:00Z',
    ],
    [
      'zero hours is the same instant, even off hours',
      UTC_9_TO_5,
      '2025-01-11T12:00:00Z',
      0,
      '2025-01-11T12:00:00Z',
    ],
    [
      'skips a holiday',
      WITH_TUESDAY_OFF,
      '2025-01-06T16:00:00Z',
      2,
      '2025-01-08T10:00:00Z',
    ],
    [
      'starting on a holiday',
      WITH_TUESDAY_OFF,
      '2025-01-07T10:00:00Z',
      1,
      '2025-01-08T10:00:00Z',
    ],
    [
      'holiday after a weekend',
      WITH_MONDAY_OFF,
      '2025-01-10T16:00:00Z',
      2,
      '2025-01-14T10:00:00Z',
    ],
    [
      'local hours in Berlin (UTC+1 in winter)',
      BERLIN,
      '2025-01-06T08:00:00Z',
      1,
      '2025-01-06T09:00:00Z',
    ],
    [
      'Berlin: 07:30Z is 08:30 local, before opening',
      BERLIN,
      '2025-01-06T07:30:00Z',
      1,
      '2025-01-06T09:00:00Z',
    ],
    [
      'Berlin across the spring DST change',
      BERLIN,
      '2025-03-28T15:00:00Z',
      2,
      '2025-03-31T08:00:00Z',
    ],
    [
      'New York 8–18 local (UTC-5)',
      NEW_YORK_8_TO_6,
      '2025-01-06T22:30:00Z',
      1,
      '2025-01-07T13:30:00Z',
    ],
    [
      'New York: Friday 17:00 local + 3 h',
      NEW_YORK_8_TO_6,
      '2025-01-10T22:00:00Z',
      3,
      '2025-01-13T15:00:00Z',
    ],
    [
      'Sunday–Thursday week: Thursday afternoon to Sunday',
      SUNDAY_TO_THURSDAY,
      '2025-01-09T16:00:00Z',
      2,
      '2025-01-12T10:00:00Z',
    ],
    [
      'Sunday–Thursday week: Friday is off',
      SUNDAY_TO_THURSDAY,
      '2025-01-10T10:00:00Z',
      1,
      '2025-01-12T10:00:00Z',
    ],
    [
      'round the clock is plain hours',
      ALWAYS,
      '2025-01-10T16:00:00Z',
      50,
      '2025-01-12T18:00:00Z',
    ],
    [
      'round the clock across a 23-hour DST day',
      ALWAYS_BERLIN,
      '2025-03-29T23:00:00Z',
      24,
      '2025-03-30T23:00:00Z',
    ],
    [
      'half-day windows with minutes',
      HALF_DAYS,
      '2025-01-06T17:00:00Z',
      1,
      '2025-01-07T13:45:00Z',
    ],
  ])('%s', (_name, calendar, from, hours, expected) => {
    expect(
      addBusinessHours(new Date(from), hours, calendar).toISOString(),
    ).toBe(new Date(expected).toISOString());
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'refuses %p hours',
    (hours) => {
      expect(() =>
        addBusinessHours(new Date('2025-01-06T10:00:00Z'), hours, UTC_9_TO_5),
      ).toThrow(RangeError);
    },
  );

  it('refuses an invalid calendar', () => {
    expect(() =>
      addBusinessHours(new Date('2025-01-06T10:00:00Z'), 1, {
        ...UTC_9_TO_5,
        workingDays: [],
      }),
    ).toThrow(/at least one working day/);
  });

  it('gives up on a calendar with no working time for ten years', () => {
    const everyMonday = Array.from({ length: 600 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
    );
    const mondaysOnly: BusinessCalendar = {
      ...UTC_9_TO_5,
      workingDays: [1],
      holidays: everyMonday,
    };
    expect(() =>
      addBusinessHours(new Date('2025-01-06T10:00:00Z'), 1, mondaysOnly),
    ).toThrow(/no working time/);
  });
});

describe('businessHoursBetween', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    [
      'inside one window',
      UTC_9_TO_5,
      '2025-01-06T10:00:00Z',
      '2025-01-06T12:30:00Z',
      2.5,
    ],
    [
      'clips to the window',
      UTC_9_TO_5,
      '2025-01-06T08:00:00Z',
      '2025-01-06T18:00:00Z',
      8,
    ],
    [
      'over a weekend',
      UTC_9_TO_5,
      '2025-01-10T16:00:00Z',
      '2025-01-13T10:00:00Z',
      2,
    ],
    [
      'over a holiday',
      WITH_TUESDAY_OFF,
      '2025-01-06T16:00:00Z',
      '2025-01-08T10:00:00Z',
      2,
    ],
    [
      'reversed is zero',
      UTC_9_TO_5,
      '2025-01-06T12:00:00Z',
      '2025-01-06T10:00:00Z',
      0,
    ],
    [
      'weekend only is zero',
      UTC_9_TO_5,
      '2025-01-11T00:00:00Z',
      '2025-01-12T23:59:00Z',
      0,
    ],
    [
      'Berlin across DST',
      BERLIN,
      '2025-03-28T15:00:00Z',
      '2025-03-31T08:00:00Z',
      2,
    ],
  ])('%s', (_name, calendar, from, to, hours) => {
    expect(
      businessHoursBetween(new Date(from), new Date(to), calendar),
    ).toBeCloseTo(hours, 9);
  });

  it.each<[BusinessCalendar, number]>([
    [UTC_9_TO_5, 0.5],
    [UTC_9_TO_5, 7.75],
    [UTC_9_TO_5, 33],
    [WITH_TUESDAY_OFF, 19],
    [BERLIN, 101.25],
    [NEW_YORK_8_TO_6, 27],
    [SUNDAY_TO_THURSDAY, 16],
    [HALF_DAYS, 9.5],
  ])('is the inverse of addBusinessHours (%#)', (calendar, hours) => {
    for (const start of [
      '2025-01-06T10:17:00Z',
      '2025-01-10T23:00:00Z',
      '2025-03-27T12:00:00Z',
      '2025-01-11T09:30:00Z',
    ]) {
      const from = new Date(start);
      expect(
        businessHoursBetween(
          from,
          addBusinessHours(from, hours, calendar),
          calendar,
        ),
      ).toBeCloseTo(hours, 6);
    }
  });
});

describe('isBusinessTime', () => {
  it.each<[BusinessCalendar, string, boolean]>([
    [UTC_9_TO_5, '2025-01-06T09:00:00Z', true],
    [UTC_9_TO_5, '2025-01-06T16:59:59Z', true],
    [UTC_9_TO_5, '2025-01-06T17:00:00Z', false],
    [UTC_9_TO_5, '2025-01-06T08:59:59Z', false],
    [UTC_9_TO_5, '2025-01-11T12:00:00Z', false],
    [WITH_TUESDAY_OFF, '2025-01-07T12:00:00Z', false],
    [BERLIN, '2025-01-06T08:00:00Z', true],
    [BERLIN, '2025-01-06T16:00:00Z', false],
  ])('%#: %s', (calendar, instant, expected) => {
    expect(isBusinessTime(new Date(instant), calendar)).toBe(expected);
  });
});

describe('validateBusinessCalendar', () => {
  it('accepts the default', () => {
    expect(validateBusinessCalendar(DEFAULT_BUSINESS_CALENDAR)).toEqual([]);
  });

  it.each<[string, Partial<BusinessCalendar>, string, RegExp]>([
    [
      'unknown zone',
      { timeZone: 'Mars/Olympus' },
      'timeZone',
      /unknown time zone/,
    ],
    ['empty zone', { timeZone: '' }, 'timeZone', /unknown time zone/],
    ['no working days', { workingDays: [] }, 'workingDays', /at least one/],
    [
      'day out of range',
      { workingDays: [1, 8 as never] },
      'workingDays[1]',
      /1 \(Monday\) to 7/,
    ],
    ['duplicate day', { workingDays: [1, 1] }, 'workingDays', /twice/],
    ['malformed start', { start: '9:00' }, 'start', /HH:mm/],
    ['hour 25', { end: '25:00' }, 'end', /HH:mm/],
    ['past 24:00', { end: '24:30' }, 'end', /HH:mm/],
    [
      'end before start',
      { start: '17:00', end: '09:00' },
      'end',
      /after start/,
    ],
    ['empty window', { start: '09:00', end: '09:00' }, 'end', /after start/],
    [
      'impossible holiday',
      { holidays: ['2025-02-30'] },
      'holidays[0]',
      /YYYY-MM-DD/,
    ],
    [
      'holiday not a date',
      { holidays: ['2025-01-01', 'Christmas'] },
      'holidays[1]',
      /YYYY-MM-DD/,
    ],
  ])('%s', (_name, change, field, message) => {
    const errors = validateBusinessCalendar({
      ...DEFAULT_BUSINESS_CALENDAR,
      ...change,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field,
          message: expect.stringMatching(message),
        }),
      ]),
    );
  });
});
