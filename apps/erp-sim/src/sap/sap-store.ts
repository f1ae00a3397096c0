import Decimal from 'decimal.js';

export type Row = Record<string, unknown>;

export interface StoredItem extends Row {
  SalesOrder: string;
  SalesOrderItem: string;
  to_Partner: Row[];
  to_Text: Row[];
  to_PricingElement: Row[];
}

export interface StoredOrder extends Row {
  SalesOrder: string;
  LastChangeDateTime: number;
  to_Item: StoredItem[];
  to_Partner: Row[];
}

/** Entity tag of a sales order (SAP derives it from LastChangeDateTime, the ConcurrencyMode=Fixed property). */
export function etagOf(order: StoredOrder): string {
  return `W/"datetimeoffset'${encodeURIComponent(new Date(order.LastChangeDateTime).toISOString().replace('Z', '0000Z'))}'"`;
}

function rows(value: unknown): Row[] {
  const results = (value as { results?: unknown } | undefined)?.results;
  return Array.isArray(results) ? (results as Row[]).map((r) => ({ ...r })) : [];
}

/** Net value of an item from its manual price condition: rate per condition quantity × requested quantity. */
function itemNet(item: StoredItem): Decimal {
  const price = item.to_PricingElement.find((p) => p['ConditionRateValue'] !== undefined);
  if (!price || item['RequestedQuantity'] === undefined) return new Decimal(0);
  const per = new Decimal(String(price['ConditionQuantity'] ?? '1'));
  return new Decimal(String(price['ConditionRateValue'])).div(per.isZero() ? 1 : per).mul(String(item['RequestedQuantity']));
}

/** The simulated SAP's sales orders, in memory (one simulator process = one SAP client). */
export class SapOrderStore {
  private readonly orders = new Map<string, StoredOrder>();
  private nextNumber = 1;
  private clock = 0;

  /** Strictly increasing change times, so every write gets a new ETag even within one millisecond. */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }

  create(body: Row): StoredOrder {
    const number = String(this.nextNumber++).padStart(7, '0');
    const salesOrder = `${number}`;
    const now = this.tick();
    const header: Row = { ...body };
    delete header['to_Item'];
    delete header['to_Partner'];
    delete header['__metadata'];
    const items: StoredItem[] = rows(body['to_Item']).map((item, index) => {
      const row: StoredItem = {
        ...item,
        SalesOrder: salesOrder,
        SalesOrderItem: String(item['SalesOrderItem'] ?? (index + 1) * 10),
        TransactionCurrency: body['TransactionCurrency'] ?? 'USD',
        to_Partner: rows(item['to_Partner']),
        to_Text: rows(item['to_Text']),
        to_PricingElement: rows(item['to_PricingElement']),
      };
      row['NetAmount'] = itemNet(row).toFixed(3);
      return row;
    });
    const order: StoredOrder = {
      ...header,
      SalesOrder: salesOrder,
      CreationDate: Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()),
      CreatedByUser: 'SIGNET',
      LastChangeDateTime: now,
      OverallSDProcessStatus: 'A',
      OverallTotalDeliveryStatus: '',
      OverallSDDocumentRejectionSts: 'A',
      to_Item: items,
      to_Partner: rows(body['to_Partner']),
    };
    this.recompute(order);
    this.orders.set(salesOrder, order);
    return order;
  }

  get(salesOrder: string): StoredOrder | undefined {
    return this.orders.get(salesOrder);
  }

  findBy(property: string, value: string): StoredOrder[] {
    return [...this.orders.values()].filter((o) => o[property] === value);
  }

  all(): StoredOrder[] {
    return [...this.orders.values()];
  }

  updateHeader(order: StoredOrder, changes: Row): void {
    for (const [key, value] of Object.entries(changes)) if (key !== '__metadata') order[key] = value;
    order.LastChangeDateTime = this.tick();
  }

  updateItem(order: StoredOrder, item: StoredItem, changes: Row): void {
    for (const [key, value] of Object.entries(changes)) if (key !== '__metadata') item[key] = value;
    item['NetAmount'] = itemNet(item).toFixed(3);
    this.recompute(order);
    order.LastChangeDateTime = this.tick();
  }

  private recompute(order: StoredOrder): void {
    const live = order.to_Item.filter((i) => !i['SalesDocumentRjcnReason']);
    order['TotalNetAmount'] = live.reduce((sum, i) => sum.add(String(i['NetAmount'] ?? '0')), new Decimal(0)).toFixed(3);
    const rejected = order.to_Item.length - live.length;
    order['OverallSDDocumentRejectionSts'] = rejected === 0 ? 'A' : live.length === 0 ? 'C' : 'B';
  }
}
