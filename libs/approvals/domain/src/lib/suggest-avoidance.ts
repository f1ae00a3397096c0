import { Decimal } from 'decimal.js';
import { toDecimal } from './compare-values';
import type { ConditionReason } from './evaluate-rule';
import type { FieldValue, Operator } from './model';

/** The smallest change of one tested value that would avoid an approval. */
export interface Avoidance {
  readonly index: number;
  /** The tested operand, e.g. `quote.discountPercent`. */
  readonly tested: string;
  readonly op: Operator;
  readonly current: number;
  readonly threshold: number;
  /** The value the tested operand would need. */
  readonly target: number;
  /** `target − current`: negative means lower it, positive raise it. */
  readonly change: number;
}

const ORDERING: ReadonlySet<Operator> = new Set<Operator>([
  'lt',
  'le',
  'gt',
  'ge',
]);

/**
 * Definition (what the preview promises):
 *
 * 1. Only a rule with **exactly one numeric threshold condition** gets a suggestion. A numeric
 *    threshold condition uses `lt le gt ge` and both its tested value and its comparand (the
 *    threshold) are numeric right now. Conditions of other kinds may exist; they stay as they are.
 * 2. Values move in steps of `10^-d`, `d` = the larger number of decimal places of the tested
 *    value and the threshold (31 vs 30 → steps of 1; 30.5 vs 30 → steps of 0.1). This is the
 *    nearest value "on the other side" at the precision the data is written in.
 * 3. Candidate targets are the nearest values at which the condition's result flips:
 *      now true  → false:  gt c → c;   ge c → c − step;   lt c → c;   le c → c + step
 *      now false → true:   gt c → c + step;   ge c → c;   lt c → c − step;   le c → c
 *    plus, for a rule re-requested by a smart re-test, its snapshot value (at the snapshot the
 *    earlier approval still covers it). A threshold read from a field or variable is taken as
 *    it is now and does not move.
 * 4. A candidate counts only if re-running the whole decision with the tested value set to it
 *    (same logic, other conditions, smart re-test) means the rule is no longer requested —
 *    so with `any` and another true condition, or a NOT around the threshold, no false promise
 *    is made. The suggestion is the valid candidate with the smallest |target − current|;
 *    null when there is none.
 */
export function suggestAvoidance(
  reasons: readonly ConditionReason[],
  stillRequestedWith: (tested: string, value: number) => boolean,
  snapshotOf: (index: number) => FieldValue | undefined = () => undefined,
): Avoidance | null {
  const thresholds = reasons.filter(isNumericThreshold);
  if (thresholds.length !== 1) return null;
  const reason = thresholds[0];
  const current = toDecimal(reason.testedValue) as Decimal;
  const threshold = toDecimal(reason.comparand) as Decimal;
  const candidates = [
    flipTarget(
      reason.op,
      reason.result,
      threshold,
      stepFor(current, threshold),
    ),
  ];
  const snapshotValue = snapshotOf(reason.index);
  const snapshot =
    snapshotValue === undefined || Array.isArray(snapshotValue)
      ? null
      : toDecimal(snapshotValue);
  if (snapshot) candidates.push(snapshot);
  const valid = candidates
    .filter(
      (target) =>
        !target.equals(current) &&
        !stillRequestedWith(reason.tested, target.toNumber()),
    )
    .sort((a, b) => a.minus(current).abs().comparedTo(b.minus(current).abs()));
  if (valid.length === 0) return null;
  const target = valid[0];
  return {
    index: reason.index,
    tested: reason.tested,
    op: reason.op,
    current: current.toNumber(),
    threshold: threshold.toNumber(),
    target: target.toNumber(),
    change: target.minus(current).toNumber(),
  };
}

export function isNumericThreshold(reason: ConditionReason): boolean {
  return (
    ORDERING.has(reason.op) &&
    !Array.isArray(reason.testedValue) &&
    !Array.isArray(reason.comparand) &&
    toDecimal(reason.testedValue) !== null &&
    toDecimal(reason.comparand) !== null
  );
}

function stepFor(current: Decimal, threshold: Decimal): Decimal {
  return new Decimal(10).pow(
    -Math.max(current.decimalPlaces(), threshold.decimalPlaces()),
  );
}

function flipTarget(
  op: Operator,
  nowTrue: boolean,
  threshold: Decimal,
  step: Decimal,
): Decimal {
  const below = threshold.minus(step);
  const above = threshold.plus(step);
  switch (op) {
    case 'gt':
      return nowTrue ? threshold : above;
    case 'ge':
      return nowTrue ? below : threshold;
    case 'lt':
      return nowTrue ? threshold : below;
    default:
      return nowTrue ? above : threshold;
  }
}
