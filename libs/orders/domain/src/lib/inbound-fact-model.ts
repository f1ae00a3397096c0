import type { Decimal, LocalDate } from '@signet/shared-kernel';
import type { OrderStatus } from './model';

/**
 * What the orders domain needs to know about an order line to apply ERP facts to it. Quantities
 * are cumulative as the ERP reports them; `lastFactAt` is the `occurredAt` of the latest fact
 * applied to the line (facts older than that are out of order and change nothing).
 */
export interface LineFactState {
  readonly lineId: string;
  readonly position: number;
  readonly ordered: Decimal;
  readonly netTotal: Decimal;
  readonly shipped: Decimal;
  readonly delivered: Decimal;
  readonly shippedOn: LocalDate | null;
  readonly deliveredOn: LocalDate | null;
  readonly lastFactAt: string | null;
}

export interface OrderFactState {
  readonly status: OrderStatus;
  readonly currency: string;
  readonly lines: readonly LineFactState[];
  /** Fact ids already recorded for this order's connector (applied, ignored or rejected). */
  readonly seenFactIds: ReadonlySet<string>;
}

/** A line of a fact points at an order line by id or by its position in the synced document. */
export interface FactLineRef {
  readonly lineId?: string;
  readonly position?: number;
}

export type FactRejectionCode =
  | 'order_not_active'
  | 'no_lines'
  | 'unknown_line'
  | 'duplicate_line'
  | 'invalid_quantity'
  | 'quantity_above_ordered'
  | 'invalid_date'
  | 'invalid_amount'
  | 'amount_above_line'
  | 'total_mismatch'
  | 'wrong_currency';

export interface FactRejection {
  readonly code: FactRejectionCode;
  readonly message: string;
  /** Path of the offending field within the fact, e.g. `fulfilment.lines[1].quantity`. */
  readonly field: string;
}

export type IgnoredReason = 'duplicate' | 'out_of_order';

export type FactDecision<T> =
  | ({ readonly outcome: 'applied' } & T)
  | { readonly outcome: 'ignored'; readonly reason: IgnoredReason }
  | { readonly outcome: 'rejected'; readonly rejection: FactRejection };

export function rejected(code: FactRejectionCode, field: string, message: string): { outcome: 'rejected'; rejection: FactRejection } {
  return { outcome: 'rejected', rejection: { code, field, message } };
}

/** Finds the order line a fact line refers to: by id when given, else by position. */
export function findFactLine(lines: readonly LineFactState[], ref: FactLineRef): LineFactState | undefined {
  if (ref.lineId !== undefined) return lines.find((l) => l.lineId === ref.lineId);
  if (ref.position !== undefined) return lines.find((l) => l.position === ref.position);
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}
