import type { AssetStatus } from './asset-fulfilment';
import type { Decimal, HistoryEntry, LocalDate } from '@signet/shared-kernel';

export type ContractingMethod = 'single' | 'by-end-date';

/** The quote line's own price, kept so amendments and renewals price per unit exactly. */
export interface LinePricing {
  readonly netTotal: Decimal;
  readonly quantity: Decimal;
}

export interface Subscription {
  readonly id: string;
  readonly sku: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly quantity: Decimal;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly termMonths: number | null;
  /** Net total of the ordered quantity: round(line netTotal × ordered ÷ quoted). */
  readonly netTotal: Decimal;
  readonly pricing: LinePricing;
}

export interface Asset {
  readonly id: string;
  readonly sku: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly quantity: Decimal;
  /** Installation/ownership start: the line's start date. */
  readonly start: LocalDate;
  /** Where the ERP's fulfilment facts say the asset is (absent: ordered). */
  readonly status?: AssetStatus;
}

/** A co-terminated change to one subscription (negative to reduce), from `start` to the subscription's end. */
export interface SubscriptionDelta {
  readonly id: string;
  readonly subscriptionId: string;
  readonly sku: string;
  readonly quantity: Decimal;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly netTotal: Decimal;
}

export type ContractStatus = 'active';
export type ContractEvent = 'create' | 'amend';

export interface Contract {
  readonly id: string;
  readonly quoteId: string;
  readonly account: string;
  readonly orderIds: readonly string[];
  readonly method: ContractingMethod;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly subscriptions: readonly Subscription[];
  readonly assets: readonly Asset[];
  readonly deltas: readonly SubscriptionDelta[];
  /** Creation order, for stable ordering of contracts with equal dates. */
  readonly sequence: number;
  readonly history: readonly HistoryEntry<ContractStatus, ContractEvent>[];
}
