import { Decimal, type LocalDate } from '@signet/shared-kernel';
import { applyFulfilmentFact, type FulfilmentFactLineInput } from './apply-fulfilment';
import type { LineFactState, OrderFactState } from './inbound-fact-model';
import type { OrderStatus } from './model';

const line = (lineId: string, position: number, ordered: number, over: Partial<LineFactState> = {}): LineFactState => ({
  lineId,
  position,
  ordered: Decimal.of(ordered),
  netTotal: Decimal.of(ordered * 100),
  shipped: Decimal.ZERO,
  delivered: Decimal.ZERO,
  shippedOn: null,
  deliveredOn: null,
  lastFactAt: null,
  ...over,
});

const state = (over: Partial<OrderFactState> = {}): OrderFactState => ({
  status: 'activated',
  currency: 'EUR',
  lines: [line('L1', 0, 3), line('L2', 1, 1)],
  seenFactIds: new Set(),
  ...over,
});

const T1 = '2026-01-10T10:00:00Z';
const T2 = '2026-01-11T10:00:00Z';
const fl = (over: Partial<FulfilmentFactLineInput> = {}): FulfilmentFactLineInput => ({ lineId: 'L1', quantity: '1', status: 'shipped', date: '2026-01-10', ...over });

describe('applyFulfilmentFact: applied', () => {
  it.each<[string, OrderFactState, FulfilmentFactLineInput[], Record<string, [string, string, string | null, string | null]>, boolean]>([
    ['first partial shipment', state(), [fl()], { L1: ['1', '0', '2026-01-10', null], L2: ['0', '0', null, null] }, false],
    ['by position', state(), [fl({ lineId: undefined, position: 1, quantity: '1' })], { L1: ['0', '0', null, null], L2: ['1', '0', '2026-01-10', null] }, false],
    ['delivery implies shipment', state(), [fl({ status: 'delivered', quantity: '2', date: '2026-01-12' })], { L1: ['2', '2', '2026-01-12', '2026-01-12'] }, false],
    ['cumulative, not additive', state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(2), shippedOn: '2026-01-09' as LocalDate, lastFactAt: '2026-01-09T00:00:00Z' }), line('L2', 1, 1)] }), [fl({ quantity: '2' })], { L1: ['2', '0', '2026-01-10', null] }, false],
    ['full delivery of all lines completes', state(), [fl({ status: 'delivered', quantity: '3' }), fl({ lineId: 'L2', status: 'delivered', quantity: '1' })], { L1: ['3', '3', '2026-01-10', '2026-01-10'], L2: ['1', '1', '2026-01-10', '2026-01-10'] }, true],
    ['full shipment is not completion', state(), [fl({ quantity: '3' }), fl({ lineId: 'L2', quantity: '1' })], { L1: ['3', '0', '2026-01-10', null] }, false],
    ['last line delivered completes', state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(3), delivered: Decimal.of(3), lastFactAt: T1 }), line('L2', 1, 1)] }), [fl({ lineId: 'L2', status: 'delivered' })], { L2: ['1', '1', '2026-01-10', '2026-01-10'] }, true],
    ['already fulfilled order does not complete again', state({ status: 'fulfilled', lines: [line('L1', 0, 3, { delivered: Decimal.of(3), shipped: Decimal.of(3) }), line('L2', 1, 1, { delivered: Decimal.of(1), shipped: Decimal.of(1) })] }), [fl({ status: 'delivered', quantity: '3', date: '2026-01-20' })], { L1: ['3', '3', '2026-01-20', '2026-01-20'] }, false],
    ['shipment below what was delivered keeps shipped ≥ delivered', state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(2), delivered: Decimal.of(2), lastFactAt: T1 }), line('L2', 1, 1)] }), [fl({ quantity: '1' })], { L1: ['2', '2', '2026-01-10', null] }, false],
  ])('%s', (_name, s, lines, expected, completes) => {
    const r = applyFulfilmentFact(s, { factId: 'F-new', occurredAt: T2, lines });
    expect(r.outcome).toBe('applied');
    if (r.outcome !== 'applied') return;
    for (const [lineId, [shipped, delivered, shippedOn, deliveredOn]] of Object.entries(expected)) {
      const l = r.lines.find((x) => x.lineId === lineId);
      expect([l?.shipped.toString(), l?.delivered.toString(), l?.shippedOn, l?.deliveredOn]).toEqual([shipped, delivered, shippedOn, deliveredOn]);
    }
    expect(r.completesOrder).toBe(completes);
  });

  it('records the fact time on the lines it touched only', () => {
    const r = applyFulfilmentFact(state(), { factId: 'F', occurredAt: T2, lines: [fl()] });
    if (r.outcome !== 'applied') throw new Error(r.outcome);
    expect(r.lines.map((l) => l.lastFactAt)).toEqual([T2, null]);
    expect(r.changed).toEqual(['L1']);
  });

  it('a repeat of the same content under a new id applies with no change', () => {
    const s = state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(1), shippedOn: '2026-01-10' as LocalDate, lastFactAt: T1 }), line('L2', 1, 1)] });
    const r = applyFulfilmentFact(s, { factId: 'F2', occurredAt: T1, lines: [fl()] });
    expect(r.outcome).toBe('applied');
    if (r.outcome === 'applied') expect(r.changed).toEqual([]);
  });
});

describe('applyFulfilmentFact: ignored', () => {
  it.each<[string, OrderFactState, string, string]>([
    ['same fact id again', state({ seenFactIds: new Set(['F1']) }), T2, 'duplicate'],
    ['duplicate wins over any validation', state({ status: 'cancelled', seenFactIds: new Set(['F1']) }), T2, 'duplicate'],
    ['older than the latest applied to the line', state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(2), lastFactAt: T2 }), line('L2', 1, 1)] }), T1, 'out_of_order'],
  ])('%s', (_name, s, occurredAt, reason) => {
    const r = applyFulfilmentFact(s, { factId: 'F1', occurredAt, lines: [fl()] });
    expect(r).toEqual({ outcome: 'ignored', reason });
  });

  it('a fact older for one line but new for another applies to the new one only', () => {
    const s = state({ lines: [line('L1', 0, 3, { shipped: Decimal.of(2), lastFactAt: T2 }), line('L2', 1, 1)] });
    const r = applyFulfilmentFact(s, { factId: 'F', occurredAt: T1, lines: [fl({ quantity: '1' }), fl({ lineId: 'L2' })] });
    if (r.outcome !== 'applied') throw new Error(r.outcome);
    expect(r.lines.map((l) => l.shipped.toString())).toEqual(['2', '1']);
    expect(r.changed).toEqual(['L2']);
  });
});

describe('applyFulfilmentFact: rejected', () => {
  it.each<[string, OrderStatus, string, FulfilmentFactLineInput[], string, string]>([
    ['draft order', 'draft', T2, [fl()], 'order_not_active', 'orderNumber'],
    ['cancelled order', 'cancelled', T2, [fl()], 'order_not_active', 'orderNumber'],
    ['bad occurredAt', 'activated', 'yesterday', [fl()], 'invalid_date', 'occurredAt'],
    ['no lines', 'activated', T2, [], 'no_lines', 'fulfilment.lines'],
    ['unknown line id', 'activated', T2, [fl({ lineId: 'L9' })], 'unknown_line', 'fulfilment.lines[0].lineId'],
    ['unknown position', 'activated', T2, [fl({ lineId: undefined, position: 7 })], 'unknown_line', 'fulfilment.lines[0].position'],
    ['neither id nor position', 'activated', T2, [fl({ lineId: undefined })], 'unknown_line', 'fulfilment.lines[0].position'],
    ['same line twice', 'activated', T2, [fl(), fl({ quantity: '2' })], 'duplicate_line', 'fulfilment.lines[1]'],
    ['quantity above ordered', 'activated', T2, [fl({ quantity: '3.0001' })], 'quantity_above_ordered', 'fulfilment.lines[0].quantity'],
    ['negative quantity', 'activated', T2, [fl({ quantity: '-1' })], 'invalid_quantity', 'fulfilment.lines[0].quantity'],
    ['not a number', 'activated', T2, [fl({ quantity: 'lots' })], 'invalid_quantity', 'fulfilment.lines[0].quantity'],
    ['bad status', 'activated', T2, [fl({ status: 'lost' as 'shipped' })], 'invalid_quantity', 'fulfilment.lines[0].status'],
    ['bad date', 'activated', T2, [fl({ date: '2026-02-30' })], 'invalid_date', 'fulfilment.lines[0].date'],
    ['a bad second line rejects the first too', 'activated', T2, [fl(), fl({ lineId: 'L2', quantity: '5' })], 'quantity_above_ordered', 'fulfilment.lines[1].quantity'],
  ])('%s', (_name, status, occurredAt, lines, code, field) => {
    const r = applyFulfilmentFact(state({ status }), { factId: 'F', occurredAt, lines });
    expect(r.outcome).toBe('rejected');
    if (r.outcome === 'rejected') expect([r.rejection.code, r.rejection.field]).toEqual([code, field]);
  });
});
