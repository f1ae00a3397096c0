import {
  Decimal,
  addDays,
  addMonths,
  err,
  ok,
  type DecimalInput,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { Catalog } from '@signet/orders-domain';
import type { Contract, Subscription } from './contract-model';
import { contractsError, type ContractsError } from './contracts-error';
import { subscriptionQuantityOn } from './subscription-quantity';

/** same: the current net price per unit and month; list: the product's SSP; uplift: same + percent. */
export type RenewalPricing =
  | { readonly kind: 'same' }
  | { readonly kind: 'list' }
  | { readonly kind: 'uplift'; readonly percent: DecimalInput };

export interface RenewalLine {
  readonly sourceSubscriptionId: string;
  readonly sku: string;
  readonly quantity: Decimal;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  readonly termMonths: number;
  readonly netTotal: Decimal;
}

export interface RenewalPlan {
  readonly contractId: string;
  readonly account: string;
  readonly startDate: LocalDate;
  readonly lines: readonly RenewalLine[];
}

function renewalNetTotal(
  s: Subscription,
  quantity: Decimal,
  term: number,
  pricing: RenewalPricing,
  catalog: Catalog,
): Result<Decimal, ContractsError> {
  if (pricing.kind === 'list') {
    const ssp = catalog.get(s.sku)?.ssp;
    if (!ssp)
      return err(
        contractsError(
          'invalid_input',
          `${s.sku} has no list price (ssp) to renew at`,
          { sku: s.sku },
        ),
      );
    return ok(ssp.mul(quantity).mul(term).div(12).round2());
  }
  const originalTerm = s.termMonths ?? term;
  const same = s.pricing.netTotal
    .mul(quantity)
    .mul(term)
    .div(s.pricing.quantity.mul(originalTerm));
  if (pricing.kind === 'same') return ok(same.round2());
  const percent = Decimal.tryOf(pricing.percent);
  if (!percent)
    return err(
      contractsError('invalid_input', 'uplift percent must be a number'),
    );
  return ok(same.mul(Decimal.ONE.add(percent.div(100))).round2());
}

/**
 * Plans the renewal quote of a contract: one line per subscription in force on the contract's end date,
 * at the quantity in force then (deltas included), starting the day after the contract ends, for the
 * subscription's own term (or `termMonths` when given). Amounts are rounded once per line.
 */
export function planRenewal(
  contract: Contract,
  options: { pricing: RenewalPricing; catalog: Catalog; termMonths?: number },
): Result<RenewalPlan, ContractsError> {
  const startDate = addDays(contract.end, 1);
  const lines: RenewalLine[] = [];
  for (const s of contract.subscriptions) {
    const quantity = subscriptionQuantityOn(s, contract.deltas, contract.end);
    if (!quantity.isPositive()) continue;
    const term = options.termMonths ?? s.termMonths;
    if (!term || !Number.isInteger(term) || term <= 0)
      return err(
        contractsError(
          'invalid_input',
          `subscription ${s.id} has no term to renew for`,
        ),
      );
    const netTotal = renewalNetTotal(
      s,
      quantity,
      term,
      options.pricing,
      options.catalog,
    );
    if (!netTotal.ok) return netTotal;
    lines.push({
      sourceSubscriptionId: s.id,
      sku: s.sku,
      quantity,
      startDate,
      endDate: addDays(addMonths(startDate, term), -1),
      termMonths: term,
      netTotal: netTotal.value,
    });
  }
  return ok({
    contractId: contract.id,
    account: contract.account,
    startDate,
    lines,
  });
}
