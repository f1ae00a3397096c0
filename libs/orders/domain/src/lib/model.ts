import type { Decimal, HistoryEntry, LocalDate } from '@signet/shared-kernel';

export type ChargeType = 'one-time' | 'recurring';
export type RevenueMethod = 'point-in-time' | 'ratable';
export type AssetConversion = 'per-unit' | 'per-line' | 'none';

export interface Product {
  readonly sku: string;
  readonly chargeType: ChargeType;
  readonly revenue: RevenueMethod;
  /** Standalone selling price per unit (recurring: per unit per 12 months). */
  readonly ssp?: Decimal | null;
  readonly termMonths?: number | null;
  readonly assetConversion?: AssetConversion;
}

export type Catalog = ReadonlyMap<string, Product>;

export interface QuoteLine {
  readonly id: string;
  readonly sku: string;
  readonly quantity: Decimal;
  readonly netTotal: Decimal;
  /** The bundle root this line belongs to (a component travels with its root). */
  readonly parent?: string | null;
  readonly startDate?: LocalDate | null;
  readonly endDate?: LocalDate | null;
  readonly termMonths?: number | null;
  readonly group?: string | null;
  readonly fields?: Readonly<Record<string, unknown>>;
}

export interface Quote {
  readonly id: string;
  readonly account: string;
  readonly startDate: LocalDate;
  readonly termMonths?: number | null;
  readonly lines: readonly QuoteLine[];
}

/** A quote line with its product, dates, term and bundle root resolved. */
export interface ResolvedLine extends QuoteLine {
  readonly product: Product;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Resolved term (line, else quote, else product); null when none applies (one-time lines). */
  readonly term: number | null;
  /** Id of the outermost bundle root (the line itself when it is not a component). */
  readonly rootId: string;
  /** Position in the quote, 0-based. */
  readonly position: number;
}

export interface ResolvedQuote {
  readonly id: string;
  readonly account: string;
  readonly startDate: LocalDate;
  readonly lines: readonly ResolvedLine[];
  readonly byId: ReadonlyMap<string, ResolvedLine>;
  /** Root id → the root and its components, in quote order. */
  readonly bundles: ReadonlyMap<string, readonly ResolvedLine[]>;
}

export type OrderStatus = 'draft' | 'activated' | 'fulfilled' | 'cancelled';
export type OrderEvent = 'activate' | 'complete' | 'cancel';
/** Changes recorded in an order's history that do not change its status. */
export type OrderChange =
  | 'create'
  | 'fulfil'
  | 'move-lines'
  | 'change-quantity'
  | 'change-date'
  | 'merge';

export type OrderHistoryEntry = HistoryEntry<
  OrderStatus,
  OrderEvent | OrderChange
>;

export interface Fulfilment {
  readonly quantity: Decimal;
  readonly on: LocalDate;
}

export interface OrderLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: Decimal;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly fulfilments: readonly Fulfilment[];
}

export interface Order {
  readonly id: string;
  readonly quoteId: string;
  readonly key: string;
  readonly status: OrderStatus;
  /** Creation order across a quote's orders; the latest order with a key wins lookups by key. */
  readonly sequence: number;
  readonly lines: readonly OrderLine[];
  readonly effectiveDate: LocalDate;
  readonly activatedOn?: LocalDate;
  readonly history: readonly OrderHistoryEntry[];
}

/** Who and when, supplied by the caller (domain code never reads a clock). */
export interface ActionContext {
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
}
