import { formatValue } from './compare-values';
import type { ConditionReason } from './evaluate-rule';
import type { Operator } from './model';
import type { SmartConditionRetest } from './smart-retest';
import type { Avoidance } from './suggest-avoidance';

const SYMBOLS: Readonly<Record<Operator, string>> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  in: 'in',
  notIn: 'not in',
  isNull: 'is null',
  notNull: 'is not null',
};

export function operatorSymbol(op: Operator): string {
  return SYMBOLS[op];
}

/** `quote.discountPercent` → `discountPercent`; `var.hwNet` → `hwNet`. */
export function displayName(tested: string): string {
  return tested.replace(/^(quote|var)\./, '');
}

/**
 * A condition as human text: `discountPercent 31 > 30`; a comparand read from a field or
 * variable names its source (`licenseNet 80000 >= 75000 (licenseThreshold)`); a condition
 * that does not hold ends with `(not met)`.
 */
export function explainReason(reason: ConditionReason): string {
  const subject = `${displayName(reason.tested)} ${formatValue(reason.testedValue)} ${operatorSymbol(reason.op)}`;
  const unary = reason.op === 'isNull' || reason.op === 'notNull';
  const object = unary ? '' : ` ${formatValue(reason.comparand)}`;
  const source = reason.comparandSource
    ? ` (${displayName(reason.comparandSource)})`
    : '';
  return `${subject}${object}${source}${reason.result ? '' : ' (not met)'}`;
}

/** A smart re-test as human text: `discountPercent 35 > 30 (approved at 30)`. */
export function explainSmartRetest(retest: SmartConditionRetest): string {
  const name = displayName(retest.tested);
  if (retest.snapshot === undefined)
    return `${name} ${formatValue(retest.value)} has no approved snapshot`;
  const symbol =
    retest.test === 'increased'
      ? '>'
      : retest.test === 'decreased'
        ? '<'
        : '!=';
  const outcome = retest.result ? '' : ' (not met)';
  return `${name} ${formatValue(retest.value)} ${symbol} ${formatValue(retest.snapshot)} (approved value)${outcome}`;
}

/** An avoidance as human text: `lower discountPercent by 1 to 30 to avoid this approval`. */
export function explainAvoidance(avoidance: Avoidance): string {
  const verb = avoidance.change < 0 ? 'lower' : 'raise';
  const amount = Math.abs(avoidance.change);
  return `${verb} ${displayName(avoidance.tested)} by ${amount} to ${avoidance.target} to avoid this approval`;
}
