import {
  type Contract,
  subscriptionQuantityOn,
} from '@signet/contracts-domain';
import type { LocalDate } from '@signet/shared-kernel';
import type { AssetDto, SubscriptionDto } from './dto/contract.dto';
import type { StoredContract } from './contracts.repository';

/** Subscriptions of a contract with their segments (original and amendment deltas) and the quantity in force on `asOf`. */
export function subscriptionViews(
  stored: StoredContract,
  asOf: LocalDate,
): SubscriptionDto[] {
  const c: Contract = stored.contract;
  return c.subscriptions.map((s) => ({
    id: s.id,
    contractId: c.id,
    contractNumber: stored.number,
    sku: s.sku,
    productName: stored.names.get(s.sku) ?? s.sku,
    quantity: s.quantity.toString(),
    currentQuantity: subscriptionQuantityOn(s, c.deltas, asOf).toString(),
    startDate: s.start,
    endDate: s.end,
    termMonths: s.termMonths,
    netTotal: s.netTotal.toFixed2(),
    serviceLevel: stored.serviceLevels.get(s.id) ?? null,
    orderId: s.orderId,
    segments: [
      {
        id: s.id,
        kind: 'original' as const,
        quantity: s.quantity.toString(),
        startDate: s.start,
        endDate: s.end,
        netTotal: s.netTotal.toFixed2(),
        amendmentId: null,
      },
      ...c.deltas
        .filter((d) => d.subscriptionId === s.id)
        .map((d) => ({
          id: d.id,
          kind: 'amendment' as const,
          quantity: d.quantity.toString(),
          startDate: d.start,
          endDate: d.end,
          netTotal: d.netTotal.toFixed2(),
          amendmentId: stored.deltaAmendments.get(d.id) ?? null,
        })),
    ],
  }));
}

export function assetViews(stored: StoredContract): AssetDto[] {
  return stored.contract.assets.map((a) => ({
    id: a.id,
    contractId: stored.contract.id,
    contractNumber: stored.number,
    sku: a.sku,
    productName: stored.names.get(a.sku) ?? a.sku,
    quantity: a.quantity.toString(),
    startDate: a.start,
    orderId: a.orderId,
    status: a.status ?? 'ordered',
  }));
}

export function allowedContractActions(
  stored: StoredContract,
  today: LocalDate,
): string[] {
  switch (stored.state) {
    case 'draft':
      return ['activate'];
    case 'activated':
      return [
        ...(stored.contract.subscriptions.length > 0 &&
        today <= stored.contract.end
          ? ['amend']
          : []),
        ...(stored.renewalQuoteId === null &&
        stored.contract.subscriptions.length > 0
          ? ['renew']
          : []),
        'terminate',
      ];
    default:
      return [];
  }
}
