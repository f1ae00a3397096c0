import { Decimal, type LocalDate } from '@signet/shared-kernel';
import { type ReconLedgerRow, type ReconOrder, reconcileSync } from './reconcile-sync';

const order = (id: string, day: string, total: string): ReconOrder => ({ id, number: `O-${id}`, activatedOn: day as LocalDate, netTotal: Decimal.of(total) });
const row = (orderId: string, status: string, erpId: string | null, erpTotal: string | null, connector = 'sap'): ReconLedgerRow => ({
  connector,
  orderId,
  status,
  erpId,
  erpTotal: erpTotal === null ? null : Decimal.of(erpTotal),
  sentTotal: status === 'pending' ? null : Decimal.of('100'),
});

describe('reconcileSync', () => {
  it.each<[string, ReconLedgerRow[], string[]]>([
    ['synced and matching', [row('1', 'succeeded', 'E1', '100')], []],
    ['never sent', [], ['not_synced']],
    ['sent, no answer yet', [row('1', 'pending', null, null)], ['not_synced']],
    ['dead letter', [row('1', 'failed', null, null)], ['dead_letter']],
    ['ERP total differs', [row('1', 'succeeded', 'E1', '99.99')], ['total_mismatch']],
    ['ERP answered without a total', [row('1', 'succeeded', 'E1', null)], []],
    ['another connector does not count', [row('1', 'succeeded', 'E1', '100', 'netsuite')], ['not_synced']],
  ])('one order: %s', (_name, ledger, kinds) => {
    const r = reconcileSync({ connectors: ['sap'], orders: [order('1', '2026-01-10', '100')], ledger, unknownFacts: [] });
    expect(r.breaks.map((b) => b.kind)).toEqual(kinds);
    expect(r.days).toHaveLength(1);
    expect(r.days[0].breaks).toBe(kinds.length);
  });

  it('adds up per day and connector', () => {
    const r = reconcileSync({
      connectors: ['netsuite', 'sap'],
      orders: [order('1', '2026-01-10', '100'), order('2', '2026-01-10', '50'), order('3', '2026-01-11', '10')],
      ledger: [row('1', 'succeeded', 'E1', '100'), row('2', 'succeeded', 'E2', '40'), row('3', 'failed', null, null), row('1', 'succeeded', 'N1', '100', 'netsuite')],
      unknownFacts: [],
    });
    expect(r.days.map((d) => [d.day, d.connector, d.activatedCount, d.activatedTotal.toFixed2(), d.sentCount, d.sentTotal.toFixed2(), d.erpCount, d.erpTotal.toFixed2(), d.breaks])).toEqual([
      ['2026-01-10', 'netsuite', 2, '150.00', 1, '100.00', 1, '100.00', 1],
      ['2026-01-10', 'sap', 2, '150.00', 2, '200.00', 2, '140.00', 1],
      ['2026-01-11', 'netsuite', 1, '10.00', 0, '0.00', 0, '0.00', 1],
      ['2026-01-11', 'sap', 1, '10.00', 0, '0.00', 0, '0.00', 1],
    ]);
    expect(r.breaks.map((b) => `${b.day} ${b.connector} ${b.kind} ${b.orderNumber}`)).toEqual([
      '2026-01-10 netsuite not_synced O-2',
      '2026-01-10 sap total_mismatch O-2',
      '2026-01-11 netsuite not_synced O-3',
      '2026-01-11 sap dead_letter O-3',
    ]);
  });

  it('an ERP id shared by two orders is a break on each', () => {
    const r = reconcileSync({
      connectors: ['sap'],
      orders: [order('1', '2026-01-10', '100'), order('2', '2026-01-10', '100')],
      ledger: [row('1', 'succeeded', 'E1', '100'), row('2', 'succeeded', 'E1', '100')],
      unknownFacts: [],
    });
    expect(r.breaks.map((b) => [b.kind, b.orderNumber, b.detail])).toEqual([
      ['shared_erp_id', 'O-1', 'ERP document E1 is also recorded for O-2'],
      ['shared_erp_id', 'O-2', 'ERP document E1 is also recorded for O-1'],
    ]);
  });

  it('facts about unknown orders are breaks on the day they arrived, for the connectors asked for', () => {
    const r = reconcileSync({
      connectors: ['sap'],
      orders: [],
      ledger: [],
      unknownFacts: [
        { connector: 'sap', factId: 'F1', orderNumber: 'O-999', receivedOn: '2026-01-12' as LocalDate },
        { connector: 'netsuite', factId: 'F2', orderNumber: 'O-998', receivedOn: '2026-01-12' as LocalDate },
      ],
    });
    expect(r.breaks.map((b) => [b.kind, b.orderNumber, b.connector])).toEqual([['unknown_order', 'O-999', 'sap']]);
    expect(r.days.map((d) => [d.day, d.activatedCount, d.breaks])).toEqual([['2026-01-12', 0, 1]]);
  });

  it('no connectors, nothing to compare', () => {
    expect(reconcileSync({ connectors: [], orders: [order('1', '2026-01-10', '1')], ledger: [], unknownFacts: [] })).toEqual({ days: [], breaks: [] });
  });
});
