import {
  Decimal,
  daysInclusive,
  err,
  ok,
  rangeContains,
  type DecimalInput,
  type LocalDate,
  type Result,
} from '@signet/shared-kernel';
import type { ActionContext } from '@signet/orders-domain';
import type {
  Contract,
  Subscription,
  SubscriptionDelta,
} from './contract-model';
import { contractsError, type ContractsError } from './contracts-error';
import { subscriptionQuantityOn } from './subscription-quantity';

export interface AmendmentChange {
  readonly sku: string;
  /** Units to add (negative to remove), from the effective date to the subscription's end. */
  readonly quantityDelta: DecimalInput;
}

export interface AmendmentInput {
  readonly effective: LocalDate;
  readonly changes: readonly AmendmentChange[];
  readonly ctx: ActionContext;
}

/**
 * Co-terminated proration, computed exactly and rounded once:
 * (netTotal ÷ quantity) × delta × days(effective…end) ÷ days(start…end), of the original subscription.
 */
export function proratedDeltaNetTotal(
  subscription: Subscription,
  quantityDelta: Decimal,
  effective: LocalDate,
): Decimal {
  const { netTotal, quantity } = subscription.pricing;
  return netTotal
    .mul(quantityDelta)
    .mul(daysInclusive(effective, subscription.end))
    .div(quantity.mul(daysInclusive(subscription.start, subscription.end)))
    .round2();
}

/** The quantity must stay ≥ 0 on every date the delta runs; it only changes where a delta starts. */
function wouldGoNegative(
  subscription: Subscription,
  deltas: readonly SubscriptionDelta[],
  quantityDelta: Decimal,
  effective: LocalDate,
): boolean {
  const checkpoints = [
    effective,
    ...deltas
      .filter(
        (d) => d.subscriptionId === subscription.id && d.start > effective,
      )
      .map((d) => d.start),
  ];
  return checkpoints.some((day) =>
    subscriptionQuantityOn(subscription, deltas, day)
      .add(quantityDelta)
      .isNegative(),
  );
}

function applyChange(
  contract: Contract,
  deltas: readonly SubscriptionDelta[],
  change: AmendmentChange,
  effective: LocalDate,
): Result<SubscriptionDelta, ContractsError> {
  const quantityDelta = Decimal.tryOf(change.quantityDelta);
  if (!quantityDelta || quantityDelta.isZero())
    return err(
      contractsError(
        'invalid_input',
        `quantityDelta for ${change.sku} must be a non-zero number`,
      ),
    );
  const subscription = contract.subscriptions.find((s) => s.sku === change.sku);
  if (!subscription)
    return err(
      contractsError(
        'invalid_state',
        `contract ${contract.id} has no subscription of ${change.sku}`,
        { sku: change.sku },
      ),
    );
  if (!rangeContains(subscription, effective)) {
    return err(
      contractsError(
        'invalid_state',
        `${effective} is outside subscription ${subscription.id} (${subscription.start}…${subscription.end})`,
        {
          sku: change.sku,
        },
      ),
    );
  }
  if (wouldGoNegative(subscription, deltas, quantityDelta, effective)) {
    return err(
      contractsError('invalid_state', `${change.sku} would drop below zero`, {
        sku: change.sku,
        quantityDelta: quantityDelta.toString(),
      }),
    );
  }
  return ok({
    id: `${contract.id}-D${deltas.length + 1}`,
    subscriptionId: subscription.id,
    sku: subscription.sku,
    quantity: quantityDelta,
    start: effective,
    end: subscription.end,
    netTotal: proratedDeltaNetTotal(subscription, quantityDelta, effective),
  });
}

/**
 * Amends a contract: each change applies to the contract's first subscription of its sku as a delta
 * co-terminated with that subscription. All changes apply or none; the contract's dates never move.
 */
export function amendContract(
  contract: Contract,
  input: AmendmentInput,
): Result<Contract, ContractsError> {
  if (input.changes.length === 0)
    return err(
      contractsError('invalid_input', 'an amendment needs at least one change'),
    );
  let deltas: readonly SubscriptionDelta[] = contract.deltas;
  for (const change of input.changes) {
    const delta = applyChange(contract, deltas, change, input.effective);
    if (!delta.ok) return delta;
    deltas = [...deltas, delta.value];
  }
  const reason =
    input.ctx.reason ??
    input.changes
      .map(
        (c) =>
          `${c.sku} ${Decimal.of(c.quantityDelta).toString()} from ${input.effective}`,
      )
      .join(', ');
  const entry = {
    from: 'active' as const,
    to: 'active' as const,
    event: 'amend' as const,
    at: input.ctx.at,
    actor: input.ctx.actor,
    reason,
  };
  return ok({ ...contract, deltas, history: [...contract.history, entry] });
}
