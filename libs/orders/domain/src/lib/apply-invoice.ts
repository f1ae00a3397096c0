import { Decimal, type LocalDate } from '@signet/shared-kernel';
import {
  type FactDecision,
  type FactLineRef,
  findFactLine,
  isInstant,
  isIsoDate,
  type OrderFactState,
  rejected,
} from './inbound-fact-model';

export interface InvoiceFactLineInput extends FactLineRef {
  readonly amount: string;
}

export interface InvoiceFactInput {
  readonly factId: string;
  readonly occurredAt: string;
  readonly invoiceNumber: string;
  readonly date: string;
  readonly currency: string;
  readonly total: string;
  readonly lines: readonly InvoiceFactLineInput[];
}

/** An invoice already recorded for the order (the latest version of it). */
export interface RecordedInvoice {
  readonly invoiceNumber: string;
  readonly occurredAt: string;
  /** Billed amount per order line id. */
  readonly amounts: ReadonlyMap<string, Decimal>;
}

export interface InvoiceApplied {
  readonly invoice: {
    readonly invoiceNumber: string;
    readonly date: LocalDate;
    readonly currency: string;
    readonly total: Decimal;
    readonly lines: readonly { readonly lineId: string; readonly amount: Decimal }[];
  };
  /** True when it replaces an earlier version of the same invoice number. */
  readonly replaces: boolean;
  /** Billed so far per order line, all invoices included. */
  readonly billed: ReadonlyMap<string, Decimal>;
}

/**
 * Records one invoice fact. The same invoice number may come again (a corrected invoice): the
 * newer version replaces the older one, an older version is ignored as out of order. An invoice
 * in another currency than the order's, lines that do not add up to the total, or amounts that
 * would bill a line above its net total are rejected and change nothing.
 */
export function applyInvoiceFact(
  state: OrderFactState,
  recorded: readonly RecordedInvoice[],
  fact: InvoiceFactInput,
): FactDecision<InvoiceApplied> {
  if (state.seenFactIds.has(fact.factId)) return { outcome: 'ignored', reason: 'duplicate' };
  if (state.status !== 'activated' && state.status !== 'fulfilled')
    return rejected('order_not_active', 'orderNumber', `the order is ${state.status}; only activated orders can be invoiced`);
  if (!isInstant(fact.occurredAt)) return rejected('invalid_date', 'occurredAt', 'occurredAt must be an ISO instant');
  if (typeof fact.invoiceNumber !== 'string' || fact.invoiceNumber.trim() === '')
    return rejected('invalid_amount', 'invoice.invoiceNumber', 'invoiceNumber must be a non-empty string');
  if (!isIsoDate(fact.date)) return rejected('invalid_date', 'invoice.date', 'date must be an ISO date (YYYY-MM-DD)');
  if (fact.currency !== state.currency)
    return rejected('wrong_currency', 'invoice.currency', `the order is in ${state.currency}, the invoice in ${String(fact.currency)}`);
  const total = Decimal.tryOf(fact.total);
  if (!total || total.isNegative()) return rejected('invalid_amount', 'invoice.total', 'total must be a decimal ≥ 0');
  if (fact.lines.length === 0) return rejected('no_lines', 'invoice.lines', 'an invoice fact needs at least one line');

  const lines: { lineId: string; amount: Decimal }[] = [];
  for (const [i, input] of fact.lines.entries()) {
    const at = `invoice.lines[${i}]`;
    const line = findFactLine(state.lines, input);
    if (!line) return rejected('unknown_line', input.lineId !== undefined ? `${at}.lineId` : `${at}.position`, 'the order has no such line');
    if (lines.some((l) => l.lineId === line.lineId)) return rejected('duplicate_line', at, `line ${line.lineId} is billed twice in one invoice`);
    const amount = Decimal.tryOf(input.amount);
    if (!amount || amount.isNegative()) return rejected('invalid_amount', `${at}.amount`, 'amount must be a decimal ≥ 0');
    lines.push({ lineId: line.lineId, amount });
  }
  const sum = Decimal.sum(lines.map((l) => l.amount));
  if (!sum.eq(total)) return rejected('total_mismatch', 'invoice.total', `the lines add up to ${sum.toFixed2()}, the total says ${total.toFixed2()}`);

  const previous = recorded.find((r) => r.invoiceNumber === fact.invoiceNumber);
  if (previous && Date.parse(fact.occurredAt) < Date.parse(previous.occurredAt)) return { outcome: 'ignored', reason: 'out_of_order' };

  const billed = new Map<string, Decimal>();
  for (const r of recorded) {
    if (r === previous) continue;
    for (const [lineId, amount] of r.amounts) billed.set(lineId, (billed.get(lineId) ?? Decimal.ZERO).add(amount));
  }
  for (const l of lines) billed.set(l.lineId, (billed.get(l.lineId) ?? Decimal.ZERO).add(l.amount));
  for (const [i, l] of lines.entries()) {
    const line = state.lines.find((s) => s.lineId === l.lineId);
    const sofar = billed.get(l.lineId) ?? Decimal.ZERO;
    if (line && sofar.gt(line.netTotal))
      return rejected('amount_above_line', `invoice.lines[${i}].amount`, `line ${l.lineId} would be billed ${sofar.toFixed2()}, above its net total ${line.netTotal.toFixed2()}`);
  }
  return {
    outcome: 'applied',
    invoice: { invoiceNumber: fact.invoiceNumber, date: fact.date as LocalDate, currency: fact.currency, total, lines },
    replaces: previous !== undefined,
    billed,
  };
}
