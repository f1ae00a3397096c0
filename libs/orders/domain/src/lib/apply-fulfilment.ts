import { Decimal, type LocalDate } from '@signet/shared-kernel';
import {
  type FactDecision,
  type FactLineRef,
  findFactLine,
  isInstant,
  isIsoDate,
  type LineFactState,
  type OrderFactState,
  rejected,
} from './inbound-fact-model';

export interface FulfilmentFactLineInput extends FactLineRef {
  /** Cumulative quantity for the line (decimal string): absolute, not a delta. */
  readonly quantity: string;
  readonly status: 'shipped' | 'delivered';
  readonly date: string;
}

export interface FulfilmentFactInput {
  readonly factId: string;
  readonly occurredAt: string;
  readonly lines: readonly FulfilmentFactLineInput[];
}

export interface FulfilmentApplied {
  /** Every line of the order after the fact. */
  readonly lines: readonly LineFactState[];
  /** Ids of the lines whose quantities or dates changed. */
  readonly changed: readonly string[];
  /** True when the order is `activated` and every line is now delivered in full. */
  readonly completesOrder: boolean;
}

/**
 * Applies one fulfilment fact to an order's lines. Facts carry cumulative quantities, so a
 * repeated fact (same id) is ignored and a fact older than the latest one applied to a line does
 * not touch that line; a fact whose lines are all older is ignored as out of order. Any invalid
 * line rejects the whole fact: nothing changes.
 */
export function applyFulfilmentFact(state: OrderFactState, fact: FulfilmentFactInput): FactDecision<FulfilmentApplied> {
  if (state.seenFactIds.has(fact.factId)) return { outcome: 'ignored', reason: 'duplicate' };
  if (state.status !== 'activated' && state.status !== 'fulfilled')
    return rejected('order_not_active', 'orderNumber', `the order is ${state.status}; only activated orders can be fulfilled`);
  if (!isInstant(fact.occurredAt)) return rejected('invalid_date', 'occurredAt', 'occurredAt must be an ISO instant');
  if (fact.lines.length === 0) return rejected('no_lines', 'fulfilment.lines', 'a fulfilment fact needs at least one line');

  const updates: { line: LineFactState; input: FulfilmentFactLineInput; quantity: Decimal }[] = [];
  const seen = new Set<string>();
  for (const [i, input] of fact.lines.entries()) {
    const at = `fulfilment.lines[${i}]`;
    const line = findFactLine(state.lines, input);
    if (!line) {
      const field = input.lineId !== undefined ? `${at}.lineId` : `${at}.position`;
      return rejected('unknown_line', field, `the order has no line ${input.lineId ?? (input.position === undefined ? '(none given)' : `at position ${input.position}`)}`);
    }
    const key = `${line.lineId}/${input.status}`;
    if (seen.has(key)) return rejected('duplicate_line', at, `line ${line.lineId} is ${input.status} twice in one fact`);
    seen.add(key);
    if (input.status !== 'shipped' && input.status !== 'delivered')
      return rejected('invalid_quantity', `${at}.status`, 'status must be shipped or delivered');
    const quantity = Decimal.tryOf(input.quantity);
    if (!quantity || quantity.isNegative()) return rejected('invalid_quantity', `${at}.quantity`, 'quantity must be a decimal ≥ 0');
    if (quantity.gt(line.ordered))
      return rejected('quantity_above_ordered', `${at}.quantity`, `${quantity.toString()} is above the ${line.ordered.toString()} ordered on line ${line.lineId}`);
    if (!isIsoDate(input.date)) return rejected('invalid_date', `${at}.date`, 'date must be an ISO date (YYYY-MM-DD)');
    updates.push({ line, input, quantity });
  }

  const occurred = Date.parse(fact.occurredAt);
  const next = new Map(state.lines.map((l) => [l.lineId, l]));
  let fresh = 0;
  for (const { line, input, quantity } of updates) {
    if (line.lastFactAt !== null && occurred < Date.parse(line.lastFactAt)) continue;
    fresh += 1;
    const current = next.get(line.lineId) ?? line;
    next.set(line.lineId, withQuantity(current, input.status, quantity, input.date as LocalDate, fact.occurredAt));
  }
  if (fresh === 0) return { outcome: 'ignored', reason: 'out_of_order' };

  const lines = state.lines.map((l) => next.get(l.lineId) ?? l);
  const changed = lines.filter((l, i) => !sameFulfilment(l, state.lines[i])).map((l) => l.lineId);
  const completesOrder = state.status === 'activated' && lines.every((l) => l.delivered.gte(l.ordered));
  return { outcome: 'applied', lines, changed, completesOrder };
}

function withQuantity(line: LineFactState, status: 'shipped' | 'delivered', quantity: Decimal, date: LocalDate, at: string): LineFactState {
  const lastFactAt = line.lastFactAt !== null && Date.parse(line.lastFactAt) > Date.parse(at) ? line.lastFactAt : at;
  if (status === 'delivered') {
    // What was delivered was shipped first, even when the ERP never reported the shipment.
    const shipped = Decimal.max(line.shipped, quantity);
    return { ...line, delivered: quantity, deliveredOn: date, shipped, shippedOn: line.shippedOn ?? date, lastFactAt };
  }
  return { ...line, shipped: Decimal.max(quantity, line.delivered), shippedOn: date, lastFactAt };
}

function sameFulfilment(a: LineFactState, b: LineFactState): boolean {
  return a.shipped.eq(b.shipped) && a.delivered.eq(b.delivered) && a.shippedOn === b.shippedOn && a.deliveredOn === b.deliveredOn;
}
