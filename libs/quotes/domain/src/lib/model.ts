import type { Decimal, LocalDate } from '@signet/shared-kernel';

/**
 * Quotes as the rest of Signet sees them: a header (account, dates, term, custom fields) and
 * lines that name a catalogue product. Amounts are Decimals; list prices of recurring products
 * are per unit per 12 months, like their SSP (conformance 2.1).
 */

export type ChargeType = 'one-time' | 'recurring';

/** Where a quote stands; `pending` and the outcomes are set by the approvals module. */
export const QUOTE_STATUSES = [
  'draft',
  'pending',
  'approved',
  'rejected',
  'recalled',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** What pricing needs to know about a product. */
export interface PricedProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly family: string | null;
  readonly chargeType: ChargeType;
  readonly listPrice: Decimal;
  readonly termMonths: number | null;
  readonly active: boolean;
}

/** A custom field value: a scalar, or a list for multi-select picklists. */
export type FieldScalar = string | number | boolean | null;
export type FieldValue = FieldScalar | readonly FieldScalar[];
export type FieldValues = Readonly<Record<string, FieldValue>>;

/** A named section of a quote's lines; its start date is the default start of its lines. */
export interface QuoteGroup {
  readonly name: string;
  readonly startDate: LocalDate | null;
}

export interface QuoteHeader {
  readonly id: string;
  readonly ownerId: string;
  readonly accountId: string;
  readonly startDate: LocalDate;
  readonly termMonths: number | null;
  readonly fields: FieldValues;
  /** Declared groups; a line in a group with a start date starts then unless it says otherwise. */
  readonly groups?: readonly QuoteGroup[];
}

/** A line as the user states it; everything else is derived by `priceLine`. */
export interface LineInput {
  readonly id: string;
  readonly productId: string;
  readonly quantity: Decimal;
  /** Defaults to the product's list price when the line is written. */
  readonly listUnitPrice: Decimal;
  /** 0–100. */
  readonly discountPercent: Decimal;
  /** The bundle root this line belongs to. */
  readonly parentId: string | null;
  readonly group: string | null;
  readonly startDate: LocalDate | null;
  readonly termMonths: number | null;
  readonly fields: FieldValues;
  /** A ship-to location of the quote's account; absent means none. */
  readonly shipToLocationId?: string | null;
}

/** A line as written through the API: price and discount may be left to their defaults. */
export interface LineDraft extends Omit<
  LineInput,
  'listUnitPrice' | 'discountPercent'
> {
  /** Omitted: the product's list price now. */
  readonly listUnitPrice?: Decimal | null;
  /** Omitted: 0. */
  readonly discountPercent?: Decimal | null;
}

export interface PricedLine extends LineInput {
  readonly sku: string;
  readonly productName: string;
  readonly family: string | null;
  readonly chargeType: ChargeType;
  /** Resolved dates: start defaults to the group's, else the quote's; recurring end = start + term − 1 day. */
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Resolved term (line, else quote, else product); null for one-time lines. */
  readonly term: number | null;
  readonly listTotal: Decimal;
  readonly netTotal: Decimal;
}

export interface GroupTotal {
  /** null for lines in no group. */
  readonly group: string | null;
  readonly lineCount: number;
  readonly listTotal: Decimal;
  readonly netTotal: Decimal;
}

export interface QuoteTotals {
  readonly lineCount: number;
  readonly listTotal: Decimal;
  readonly netTotal: Decimal;
  readonly discountAmount: Decimal;
  /** (1 − net ÷ list) × 100 to 2 decimals, the approvals `discount` reading; null when list is 0. */
  readonly discountPercent: Decimal | null;
  readonly oneTimeTotal: Decimal;
  readonly recurringTotal: Decimal;
  /** In order of each group's first line. */
  readonly groups: readonly GroupTotal[];
}

/** Most lines one quote may hold: the 10,000-line target with room to spare. */
export const MAX_QUOTE_LINES = 20_000;
