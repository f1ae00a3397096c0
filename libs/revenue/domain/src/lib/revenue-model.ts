import type { Decimal, LocalDate, MonthKey } from '@signet/shared-kernel';
import type { Fulfilment } from '@signet/orders-domain';

export type AllocationMethod = 'relative-ssp' | 'none';

/** A quote line's share of the transaction price, and the order lines it is spread over. */
export interface LineAllocation {
  readonly lineId: string;
  readonly orderedQuantity: Decimal;
  /** round(netTotal × ordered ÷ quoted): the line's contribution to the transaction price. */
  readonly netTotal: Decimal;
  readonly sspWeight: Decimal;
  readonly allocated: Decimal;
}

interface ScheduleBase {
  readonly id: string;
  readonly lineId: string | null;
  readonly orderId: string | null;
  readonly amount: Decimal;
}

/** Recognised by calendar day between start and end, reported per calendar month. */
export interface RatableSchedule extends ScheduleBase {
  readonly kind: 'ratable';
  readonly start: LocalDate;
  readonly end: LocalDate;
}

/** Recognised when fulfilled, in proportion to the quantity fulfilled. */
export interface PointInTimeSchedule extends ScheduleBase {
  readonly kind: 'point-in-time';
  readonly quantity: Decimal;
  readonly fulfilments: readonly Fulfilment[];
}

export type RevenueSchedule = RatableSchedule | PointInTimeSchedule;

export interface RevenueReport {
  readonly quoteId: string;
  readonly allocation: AllocationMethod;
  readonly transactionPrice: Decimal;
  /** Per quote line on non-cancelled orders, in quote order. */
  readonly lines: readonly LineAllocation[];
  /** Schedules of activated orders' lines and of amendment deltas. */
  readonly schedules: readonly RevenueSchedule[];
  /** Months with a non-zero amount, in order. */
  readonly byPeriod: ReadonlyMap<MonthKey, Decimal>;
  readonly total: Decimal;
}
