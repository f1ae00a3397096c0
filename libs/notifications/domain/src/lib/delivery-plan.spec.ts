import {
  DEFAULT_DELIVERY_PREFERENCE,
  type DeliveryPreference,
  nextDigestSlot,
  planDelivery,
  quietUntil,
  validateDeliveryPreference,
} from './delivery-plan';

const IMMEDIATE = DEFAULT_DELIVERY_PREFERENCE;
const QUIET_NIGHTS: DeliveryPreference = {
  ...IMMEDIATE,
  quietHours: { start: '22:00', end: '07:00' },
};
const QUIET_LUNCH: DeliveryPreference = {
  ...IMMEDIATE,
  quietHours: { start: '12:00', end: '13:30' },
};
const DIGEST_4: DeliveryPreference = {
  ...IMMEDIATE,
  mode: 'digest',
  digestEveryHours: 4,
};
const DIGEST_5: DeliveryPreference = {
  ...IMMEDIATE,
  mode: 'digest',
  digestEveryHours: 5,
};
const DIGEST_DAILY: DeliveryPreference = {
  ...IMMEDIATE,
  mode: 'digest',
  digestEveryHours: 24,
};
const DIGEST_4_QUIET: DeliveryPreference = {
  ...DIGEST_4,
  quietHours: { start: '22:00', end: '07:00' },
};
const BERLIN_QUIET: DeliveryPreference = {
  ...QUIET_NIGHTS,
  timeZone: 'Europe/Berlin',
};
const BERLIN_DIGEST_6: DeliveryPreference = {
  ...DIGEST_4,
  digestEveryHours: 6,
  timeZone: 'Europe/Berlin',
};

describe('planDelivery', () => {
  it.each<[string, DeliveryPreference, string, string]>([
    [
      'immediate sends now',
      IMMEDIATE,
      '2025-01-06T10:17:00Z',
      '2025-01-06T10:17:00Z',
    ],
    [
      'immediate outside quiet hours',
      QUIET_NIGHTS,
      '2025-01-06T21:59:00Z',
      '2025-01-06T21:59:00Z',
    ],
    [
      'immediate at quiet start waits',
      QUIET_NIGHTS,
      '2025-01-06T22:00:00Z',
      '2025-01-07T07:00:00Z',
    ],
    [
      'immediate late at night waits for morning',
      QUIET_NIGHTS,
      '2025-01-06T23:30:00Z',
      '2025-01-07T07:00:00Z',
    ],
    [
      'immediate after midnight waits for morning',
      QUIET_NIGHTS,
      '2025-01-07T03:00:00Z',
      '2025-01-07T07:00:00Z',
    ],
    [
      'immediate at quiet end sends',
      QUIET_NIGHTS,
      '2025-01-07T07:00:00Z',
      '2025-01-07T07:00:00Z',
    ],
    [
      'same-day quiet window',
      QUIET_LUNCH,
      '2025-01-06T12:45:00Z',
      '2025-01-06T13:30:00Z',
    ],
    [
      'same-day quiet window, before it',
      QUIET_LUNCH,
      '2025-01-06T11:59:00Z',
      '2025-01-06T11:59:00Z',
    ],
    [
      'digest goes to the next 4-hour slot',
      DIGEST_4,
      '2025-01-06T10:17:00Z',
      '2025-01-06T12:00:00Z',
    ],
    [
      'digest on a slot goes to the next one',
      DIGEST_4,
      '2025-01-06T12:00:00Z',
      '2025-01-06T16:00:00Z',
    ],
    [
      'digest after the last slot goes to midnight',
      DIGEST_4,
      '2025-01-06T21:00:00Z',
      '2025-01-07T00:00:00Z',
    ],
    [
      '5-hour slots restart at midnight',
      DIGEST_5,
      '2025-01-06T20:30:00Z',
      '2025-01-07T00:00:00Z',
    ],
    ['5-hour slots', DIGEST_5, '2025-01-06T10:30:00Z', '2025-01-06T15:00:00Z'],
    [
      'daily digest',
      DIGEST_DAILY,
      '2025-01-06T10:30:00Z',
      '2025-01-07T00:00:00Z',
    ],
    [
      'digest slot in quiet hours waits for the end',
      DIGEST_4_QUIET,
      '2025-01-06T21:00:00Z',
      '2025-01-07T07:00:00Z',
    ],
    [
      'digest slot outside quiet hours',
      DIGEST_4_QUIET,
      '2025-01-06T13:00:00Z',
      '2025-01-06T16:00:00Z',
    ],
    [
      'quiet hours in Berlin local time',
      BERLIN_QUIET,
      '2025-01-06T21:30:00Z',
      '2025-01-07T06:00:00Z',
    ],
    [
      'quiet hours in Berlin, summer time',
      BERLIN_QUIET,
      '2025-07-07T20:30:00Z',
      '2025-07-08T05:00:00Z',
    ],
    [
      'Berlin 6-hour slots',
      BERLIN_DIGEST_6,
      '2025-01-06T10:00:00Z',
      '2025-01-06T11:00:00Z',
    ],
  ])('%s', (_name, preference, now, expected) => {
    expect(planDelivery(new Date(now), preference).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});

describe('quietUntil and nextDigestSlot', () => {
  it('is null without quiet hours', () => {
    expect(quietUntil(new Date('2025-01-06T23:00:00Z'), IMMEDIATE)).toBeNull();
  });

  it('a slot is always strictly later and at most N hours away', () => {
    for (let minute = 0; minute < 48 * 60; minute += 37) {
      const now = new Date(Date.UTC(2025, 0, 6, 0, minute));
      const slot = nextDigestSlot(now, DIGEST_5);
      expect(slot.getTime()).toBeGreaterThan(now.getTime());
      expect(slot.getTime() - now.getTime()).toBeLessThanOrEqual(5 * 3_600_000);
    }
  });
});

describe('validateDeliveryPreference', () => {
  it('accepts the default', () =>
    expect(validateDeliveryPreference(DEFAULT_DELIVERY_PREFERENCE)).toEqual(
      [],
    ));

  it.each<[string, Partial<DeliveryPreference>, string]>([
    ['unknown mode', { mode: 'weekly' as never }, 'mode'],
    ['zero hours', { digestEveryHours: 0 }, 'digestEveryHours'],
    ['fractional hours', { digestEveryHours: 1.5 }, 'digestEveryHours'],
    ['more than a day', { digestEveryHours: 25 }, 'digestEveryHours'],
    ['unknown zone', { timeZone: 'Nowhere/City' }, 'timeZone'],
    [
      'bad quiet start',
      { quietHours: { start: '7', end: '08:00' } },
      'quietHours.start',
    ],
    [
      'empty quiet window',
      { quietHours: { start: '08:00', end: '08:00' } },
      'quietHours.end',
    ],
  ])('%s', (_name, change, field) => {
    expect(
      validateDeliveryPreference({
        ...DEFAULT_DELIVERY_PREFERENCE,
        ...change,
      }).map((e) => e.field),
    ).toContain(field);
  });
});
