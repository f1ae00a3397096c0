import { Decimal } from '@signet/shared-kernel';

export type AssetStatus = 'ordered' | 'shipped' | 'delivered';

/**
 * The status of each asset of one order line given the line's cumulative shipped and delivered
 * quantities. Assets are taken in their given order (per-unit assets: the first units shipped are
 * the first assets): an asset is delivered when the delivered quantity covers it whole, shipped
 * when the shipped quantity does, else still ordered.
 */
export function assetStatusesFromFulfilment(
  assets: readonly { readonly id: string; readonly quantity: Decimal }[],
  shipped: Decimal,
  delivered: Decimal,
): Map<string, AssetStatus> {
  const statuses = new Map<string, AssetStatus>();
  let covered = Decimal.ZERO;
  for (const asset of assets) {
    covered = covered.add(asset.quantity);
    statuses.set(asset.id, delivered.gte(covered) ? 'delivered' : shipped.gte(covered) ? 'shipped' : 'ordered');
  }
  return statuses;
}
