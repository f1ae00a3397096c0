import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { Contract } from './contract-model';
import { subscriptionQuantityOn } from './subscription-quantity';

/**
 * What an account is entitled to on a date: per sku, the quantities of every subscription segment
 * (originals and deltas) whose dates contain `asOf`. Every subscribed sku is listed, 0 when nothing runs.
 */
export function entitlementsAsOf(
  contracts: readonly Contract[],
  asOf: LocalDate,
): Map<string, Decimal> {
  const result = new Map<string, Decimal>();
  for (const contract of contracts) {
    for (const s of contract.subscriptions) {
      result.set(
        s.sku,
        (result.get(s.sku) ?? Decimal.ZERO).add(
          subscriptionQuantityOn(s, contract.deltas, asOf),
        ),
      );
    }
  }
  return result;
}
