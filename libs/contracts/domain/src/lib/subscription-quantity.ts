import { Decimal, rangeContains, type LocalDate } from '@signet/shared-kernel';
import type {
  Contract,
  Subscription,
  SubscriptionDelta,
} from './contract-model';

/** A subscription's quantity in force on a date: the original while it runs, plus deltas running then. */
export function subscriptionQuantityOn(
  subscription: Subscription,
  deltas: readonly SubscriptionDelta[],
  date: LocalDate,
): Decimal {
  const base = rangeContains(subscription, date)
    ? subscription.quantity
    : Decimal.ZERO;
  return deltas
    .filter(
      (d) => d.subscriptionId === subscription.id && rangeContains(d, date),
    )
    .reduce((q, d) => q.add(d.quantity), base);
}

export function deltasOf(
  contract: Contract,
  subscriptionId: string,
): SubscriptionDelta[] {
  return contract.deltas.filter((d) => d.subscriptionId === subscriptionId);
}
