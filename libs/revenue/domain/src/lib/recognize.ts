import {
  Decimal,
  addDays,
  daysInclusive,
  endOfMonth,
  minDate,
  monthKey,
  type LocalDate,
  type MonthKey,
} from '@signet/shared-kernel';
import type {
  PointInTimeSchedule,
  RatableSchedule,
  RevenueSchedule,
} from './revenue-model';

/** Ratable: round(amount × days(start…min(d, end)) ÷ days(start…end)); 0 before the start. */
function ratableThrough(s: RatableSchedule, d: LocalDate): Decimal {
  if (d < s.start) return Decimal.ZERO;
  if (d >= s.end) return s.amount;
  return s.amount
    .mul(daysInclusive(s.start, d))
    .div(daysInclusive(s.start, s.end))
    .round2();
}

function fulfilmentsInDateOrder(s: PointInTimeSchedule) {
  return [...s.fulfilments].sort((a, b) =>
    a.on < b.on ? -1 : a.on > b.on ? 1 : 0,
  );
}

/** Point in time: round(amount × quantity fulfilled by d ÷ ordered quantity). */
function pointInTimeThrough(s: PointInTimeSchedule, d: LocalDate): Decimal {
  const done = Decimal.sum(
    s.fulfilments.filter((f) => f.on <= d).map((f) => f.quantity),
  );
  return done.isZero()
    ? Decimal.ZERO
    : s.amount.mul(done).div(s.quantity).round2();
}

/** Revenue recognised from a schedule through a date (inclusive). */
export function recognisedThrough(s: RevenueSchedule, d: LocalDate): Decimal {
  return s.kind === 'ratable' ? ratableThrough(s, d) : pointInTimeThrough(s, d);
}

/** Cumulative figures at each month end (ratable) or fulfilment (point in time), differenced into months. */
export function monthlyAmounts(s: RevenueSchedule): Map<MonthKey, Decimal> {
  const checkpoints: LocalDate[] = [];
  if (s.kind === 'ratable') {
    for (let d = endOfMonth(s.start); ; d = endOfMonth(addDays(d, 1))) {
      checkpoints.push(minDate(d, s.end));
      if (d >= s.end) break;
    }
  } else {
    for (const f of fulfilmentsInDateOrder(s)) checkpoints.push(f.on);
  }
  const months = new Map<MonthKey, Decimal>();
  let previous = Decimal.ZERO;
  for (const day of checkpoints) {
    const cumulative = recognisedThrough(s, day);
    const key = monthKey(day);
    months.set(
      key,
      (months.get(key) ?? Decimal.ZERO).add(cumulative.sub(previous)),
    );
    previous = cumulative;
  }
  return months;
}
