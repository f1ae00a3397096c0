import { dec, parseLocalDate, type LocalDate } from '@signet/shared-kernel';
import { monthlyAmounts, recognisedThrough } from './recognize';
import type { PointInTimeSchedule, RatableSchedule } from './revenue-model';

const d = (s: string): LocalDate => parseLocalDate(s);
const ratable = (
  amount: string,
  start: string,
  end: string,
): RatableSchedule => ({
  kind: 'ratable',
  id: 'R',
  lineId: 'L',
  orderId: 'O',
  amount: dec(amount),
  start: d(start),
  end: d(end),
});
const months = (m: Map<string, { toFixed2(): string }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed2()]));

describe('ratable recognition by calendar day', () => {
  it.each<[string, RatableSchedule, Record<string, string>]>([
    [
      'mid-month start (conformance 09 L2)',
      ratable('11692.30', '2025-01-15', '2026-01-14'),
      {
        '2025-01': '544.57',
        '2025-02': '896.95',
        '2025-03': '993.04',
        '2025-04': '961.01',
        '2025-05': '993.05',
        '2025-06': '961.01',
        '2025-07': '993.04',
        '2025-08': '993.05',
        '2025-09': '961.01',
        '2025-10': '993.04',
        '2025-11': '961.01',
        '2025-12': '993.05',
        '2026-01': '448.47',
      },
    ],
    [
      'one month',
      ratable('100.00', '2025-02-01', '2025-02-28'),
      { '2025-02': '100.00' },
    ],
    [
      'one day',
      ratable('10.00', '2025-02-10', '2025-02-10'),
      { '2025-02': '10.00' },
    ],
    [
      'leap February',
      ratable('60.00', '2024-02-01', '2024-03-31'),
      { '2024-02': '29.00', '2024-03': '31.00' },
    ],
    [
      'negative delta',
      ratable('-542.47', '2025-07-01', '2026-01-14'),
      {
        '2025-07': '-84.93',
        '2025-08': '-84.93',
        '2025-09': '-82.20',
        '2025-10': '-84.93',
        '2025-11': '-82.19',
        '2025-12': '-84.93',
        '2026-01': '-38.36',
      },
    ],
  ])('%s', (_, schedule, expected) => {
    const m = monthlyAmounts(schedule);
    expect(months(m)).toEqual(expected);
    expect(
      [...m.values()].reduce((a, b) => a.add(b), dec(0)).eq(schedule.amount),
    ).toBe(true);
  });

  it.each<[string, string]>([
    ['2025-01-14', '0.00'],
    ['2025-01-15', '32.03'],
    ['2025-01-31', '544.57'],
    ['2025-06-30', '5349.63'],
    ['2026-01-14', '11692.30'],
    ['2027-01-01', '11692.30'],
  ])('recognised through %s = %s', (day, amount) => {
    expect(
      recognisedThrough(
        ratable('11692.30', '2025-01-15', '2026-01-14'),
        d(day),
      ).toFixed2(),
    ).toBe(amount);
  });
});

describe('point-in-time recognition', () => {
  const schedule: PointInTimeSchedule = {
    kind: 'point-in-time',
    id: 'P',
    lineId: 'L1',
    orderId: 'O1',
    amount: dec('2923.08'),
    quantity: dec(3),
    fulfilments: [
      { quantity: dec(1), on: d('2025-02-03') },
      { quantity: dec(1), on: d('2025-01-20') },
    ],
  };

  it('recognises fulfilled quantity in date order, cumulatively rounded', () => {
    expect(months(monthlyAmounts(schedule))).toEqual({
      '2025-01': '974.36',
      '2025-02': '974.36',
    });
  });

  it.each<[string, string]>([
    ['2025-01-19', '0.00'],
    ['2025-01-20', '974.36'],
    ['2025-02-03', '1948.72'],
    ['2030-01-01', '1948.72'],
  ])(
    'recognised through %s = %s (unfulfilled quantity never)',
    (day, amount) => {
      expect(recognisedThrough(schedule, d(day)).toFixed2()).toBe(amount);
    },
  );

  it('has no months without fulfilments', () => {
    expect(monthlyAmounts({ ...schedule, fulfilments: [] }).size).toBe(0);
  });
});
