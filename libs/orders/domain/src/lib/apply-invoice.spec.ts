import { Decimal } from '@signet/shared-kernel';
import { applyInvoiceFact, type InvoiceFactInput, type RecordedInvoice } from './apply-invoice';
import type { LineFactState, OrderFactState } from './inbound-fact-model';

const line = (lineId: string, position: number, netTotal: string): LineFactState => ({
  lineId,
  position,
  ordered: Decimal.of(1),
  netTotal: Decimal.of(netTotal),
  shipped: Decimal.ZERO,
  delivered: Decimal.ZERO,
  shippedOn: null,
  deliveredOn: null,
  lastFactAt: null,
});
const state = (over: Partial<OrderFactState> = {}): OrderFactState => ({
  status: 'activated',
  currency: 'EUR',
  lines: [line('L1', 0, '300.00'), line('L2', 1, '100.00')],
  seenFactIds: new Set(),
  ...over,
});
const T1 = '2026-01-10T10:00:00Z';
const T2 = '2026-01-11T10:00:00Z';
const invoice = (over: Partial<InvoiceFactInput> = {}): InvoiceFactInput => ({
  factId: 'I-F1',
  occurredAt: T2,
  invoiceNumber: 'INV-1',
  date: '2026-01-11',
  currency: 'EUR',
  total: '400.00',
  lines: [
    { lineId: 'L1', amount: '300.00' },
    { lineId: 'L2', amount: '100.00' },
  ],
  ...over,
});
const recorded = (invoiceNumber: string, occurredAt: string, amounts: [string, string][]): RecordedInvoice => ({
  invoiceNumber,
  occurredAt,
  amounts: new Map(amounts.map(([k, v]) => [k, Decimal.of(v)])),
});

describe('applyInvoiceFact', () => {
  it.each<[string, RecordedInvoice[], Partial<InvoiceFactInput>, boolean, Record<string, string>]>([
    ['first invoice bills both lines', [], {}, false, { L1: '300', L2: '100' }],
    ['by position', [], { total: '100', lines: [{ position: 1, amount: '100' }] }, false, { L2: '100' }],
    ['second invoice adds to the first', [recorded('INV-0', T1, [['L1', '100']])], { invoiceNumber: 'INV-1', total: '200', lines: [{ lineId: 'L1', amount: '200' }] }, false, { L1: '300' }],
    ['newer version replaces the older one', [recorded('INV-1', T1, [['L1', '300']])], { total: '250', lines: [{ lineId: 'L1', amount: '250' }] }, true, { L1: '250' }],
    ['zero invoice is fine', [], { total: '0', lines: [{ lineId: 'L1', amount: '0' }] }, false, { L1: '0' }],
  ])('applied: %s', (_name, rec, over, replaces, billed) => {
    const r = applyInvoiceFact(state(), rec, invoice(over));
    expect(r.outcome).toBe('applied');
    if (r.outcome !== 'applied') return;
    expect(r.replaces).toBe(replaces);
    for (const [lineId, amount] of Object.entries(billed)) expect(r.billed.get(lineId)?.toString()).toBe(amount);
  });

  it.each<[string, Partial<OrderFactState>, RecordedInvoice[], Partial<InvoiceFactInput>, string]>([
    ['same fact id', { seenFactIds: new Set(['I-F1']) }, [], {}, 'duplicate'],
    ['older version of a recorded invoice', {}, [recorded('INV-1', T2, [['L1', '300']])], { occurredAt: T1 }, 'out_of_order'],
  ])('ignored: %s', (_name, s, rec, over, reason) => {
    expect(applyInvoiceFact(state(s), rec, invoice(over))).toEqual({ outcome: 'ignored', reason });
  });

  it.each<[string, Partial<OrderFactState>, RecordedInvoice[], Partial<InvoiceFactInput>, string, string]>([
    ['wrong currency', {}, [], { currency: 'USD' }, 'wrong_currency', 'invoice.currency'],
    ['draft order', { status: 'draft' }, [], {}, 'order_not_active', 'orderNumber'],
    ['unknown line', {}, [], { total: '1', lines: [{ lineId: 'L9', amount: '1' }] }, 'unknown_line', 'invoice.lines[0].lineId'],
    ['line twice', {}, [], { total: '2', lines: [{ lineId: 'L1', amount: '1' }, { lineId: 'L1', amount: '1' }] }, 'duplicate_line', 'invoice.lines[1]'],
    ['lines do not add up', {}, [], { total: '399.99' }, 'total_mismatch', 'invoice.total'],
    ['negative amount', {}, [], { total: '-1', lines: [{ lineId: 'L1', amount: '-1' }] }, 'invalid_amount', 'invoice.total'],
    ['negative line amount', {}, [], { total: '0', lines: [{ lineId: 'L1', amount: '-1' }, { lineId: 'L2', amount: '1' }] }, 'invalid_amount', 'invoice.lines[0].amount'],
    ['above the line net total', {}, [], { total: '300.01', lines: [{ lineId: 'L1', amount: '300.01' }] }, 'amount_above_line', 'invoice.lines[0].amount'],
    ['above with an earlier invoice', {}, [recorded('INV-0', T1, [['L2', '60']])], { total: '50', lines: [{ lineId: 'L2', amount: '50' }] }, 'amount_above_line', 'invoice.lines[0].amount'],
    ['bad invoice date', {}, [], { date: '11/01/2026' }, 'invalid_date', 'invoice.date'],
    ['no lines', {}, [], { total: '0', lines: [] }, 'no_lines', 'invoice.lines'],
  ])('rejected: %s', (_name, s, rec, over, code, field) => {
    const r = applyInvoiceFact(state(s), rec, invoice(over));
    expect(r.outcome).toBe('rejected');
    if (r.outcome === 'rejected') expect([r.rejection.code, r.rejection.field]).toEqual([code, field]);
  });
});
