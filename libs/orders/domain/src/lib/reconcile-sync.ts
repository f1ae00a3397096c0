import { Decimal, type LocalDate } from '@signet/shared-kernel';

/** An order activated in the period, as Signet holds it. */
export interface ReconOrder {
  readonly id: string;
  readonly number: string;
  readonly activatedOn: LocalDate;
  readonly netTotal: Decimal;
}

/** The sync ledger's row of one order at one connector. */
export interface ReconLedgerRow {
  readonly connector: string;
  readonly orderId: string;
  /** pending | succeeded | failed | skipped */
  readonly status: string;
  readonly erpId: string | null;
  readonly erpTotal: Decimal | null;
  readonly sentTotal: Decimal | null;
  /** The order number as the ledger recorded it (names orders outside the period). */
  readonly orderNumber?: string | null;
}

/** A fact an ERP sent about an order number Signet does not know. */
export interface ReconUnknownFact {
  readonly connector: string;
  readonly factId: string;
  readonly orderNumber: string;
  readonly receivedOn: LocalDate;
}

export type ReconBreakKind = 'not_synced' | 'dead_letter' | 'total_mismatch' | 'shared_erp_id' | 'unknown_order';

export interface ReconBreak {
  readonly kind: ReconBreakKind;
  readonly day: LocalDate;
  readonly connector: string;
  readonly orderId: string | null;
  readonly orderNumber: string;
  readonly erpId: string | null;
  readonly signetTotal: Decimal | null;
  readonly erpTotal: Decimal | null;
  readonly detail: string;
}

export interface ReconDay {
  readonly day: LocalDate;
  readonly connector: string;
  readonly activatedCount: number;
  readonly activatedTotal: Decimal;
  /** Orders the ledger says were sent (succeeded) and the totals Signet sent. */
  readonly sentCount: number;
  readonly sentTotal: Decimal;
  /** Orders the ERP reported holding (an ERP id) and the totals it reported. */
  readonly erpCount: number;
  readonly erpTotal: Decimal;
  readonly breaks: number;
}

export interface ReconInput {
  readonly connectors: readonly string[];
  readonly orders: readonly ReconOrder[];
  readonly ledger: readonly ReconLedgerRow[];
  readonly unknownFacts: readonly ReconUnknownFact[];
}

export interface Reconciliation {
  readonly days: readonly ReconDay[];
  readonly breaks: readonly ReconBreak[];
}

/**
 * Compares, per day of activation and connector, what Signet activated and sent with what the
 * ERP reported holding, and lists every break. Pure: the caller loads the period's orders,
 * their ledger rows (any date) and the facts about unknown orders.
 */
export function reconcileSync(input: ReconInput): Reconciliation {
  const ledger = new Map(input.ledger.map((r) => [`${r.connector}/${r.orderId}`, r]));
  const ordersById = new Map(input.orders.map((o) => [o.id, o]));
  const breaks: ReconBreak[] = [];
  const days = new Map<string, { day: LocalDate; connector: string; activatedCount: number; activatedTotal: Decimal; sentCount: number; sentTotal: Decimal; erpCount: number; erpTotal: Decimal; breaks: number }>();
  const dayOf = (day: LocalDate, connector: string) => {
    const key = `${day}/${connector}`;
    let d = days.get(key);
    if (!d) {
      d = { day, connector, activatedCount: 0, activatedTotal: Decimal.ZERO, sentCount: 0, sentTotal: Decimal.ZERO, erpCount: 0, erpTotal: Decimal.ZERO, breaks: 0 };
      days.set(key, d);
    }
    return d;
  };
  const add = (b: ReconBreak) => {
    breaks.push(b);
    dayOf(b.day, b.connector).breaks += 1;
  };

  for (const connector of input.connectors) {
    for (const order of input.orders) {
      const d = dayOf(order.activatedOn, connector);
      d.activatedCount += 1;
      d.activatedTotal = d.activatedTotal.add(order.netTotal);
      const row = ledger.get(`${connector}/${order.id}`);
      const base = { day: order.activatedOn, connector, orderId: order.id, orderNumber: order.number, signetTotal: order.netTotal };
      if (!row || row.status === 'pending') {
        add({ ...base, kind: 'not_synced', erpId: row?.erpId ?? null, erpTotal: null, detail: row ? 'sent, no answer from the ERP yet' : 'never sent to the ERP' });
        continue;
      }
      if (row.status === 'failed') {
        add({ ...base, kind: 'dead_letter', erpId: row.erpId, erpTotal: row.erpTotal, detail: 'in the dead letters' });
      }
      if (row.status === 'succeeded') {
        d.sentCount += 1;
        d.sentTotal = d.sentTotal.add(row.sentTotal ?? order.netTotal);
      }
      if (row.erpId !== null) {
        d.erpCount += 1;
        d.erpTotal = d.erpTotal.add(row.erpTotal ?? Decimal.ZERO);
      }
      if (row.erpTotal !== null && !row.erpTotal.eq(order.netTotal)) {
        add({ ...base, kind: 'total_mismatch', erpId: row.erpId, erpTotal: row.erpTotal, detail: `the ERP holds ${row.erpTotal.toFixed2()}, Signet ${order.netTotal.toFixed2()}` });
      }
    }
    const byErpId = new Map<string, ReconLedgerRow[]>();
    for (const row of input.ledger) {
      if (row.connector !== connector || row.erpId === null) continue;
      byErpId.set(row.erpId, [...(byErpId.get(row.erpId) ?? []), row]);
    }
    for (const [erpId, rows] of byErpId) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const order = ordersById.get(row.orderId);
        if (!order) continue;
        const others = rows.filter((r) => r !== row).map((r) => ordersById.get(r.orderId)?.number ?? r.orderNumber ?? r.orderId);
        add({ kind: 'shared_erp_id', day: order.activatedOn, connector, orderId: order.id, orderNumber: order.number, erpId, signetTotal: order.netTotal, erpTotal: row.erpTotal, detail: `ERP document ${erpId} is also recorded for ${others.join(', ')}` });
      }
    }
  }
  for (const fact of input.unknownFacts) {
    if (!input.connectors.includes(fact.connector)) continue;
    add({ kind: 'unknown_order', day: fact.receivedOn, connector: fact.connector, orderId: null, orderNumber: fact.orderNumber, erpId: null, signetTotal: null, erpTotal: null, detail: `fact ${fact.factId} refers to an order Signet does not know` });
  }
  const byDay = (a: { day: string; connector: string }, b: { day: string; connector: string }) =>
    a.day === b.day ? a.connector.localeCompare(b.connector) : a.day.localeCompare(b.day);
  return { days: [...days.values()].sort(byDay), breaks: breaks.sort(byDay) };
}
