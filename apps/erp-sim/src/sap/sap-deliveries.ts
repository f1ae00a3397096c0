import type { IncomingMessage, ServerResponse } from 'node:http';
import Decimal from 'decimal.js';
import { json, readBody } from '../http';
import { odataDate, odataDateTimeOffset, parseEqFilter, sendOData, sendODataError } from './odata';
import type { SapOrderStore } from './sap-store';

/** Outbound deliveries, A_OutbDeliveryItem-like (the subset the connector's inbound poll reads). */
export const DELIVERY_SERVICE_PATH = '/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002';

export interface DeliveryItem {
  DeliveryDocument: string;
  DeliveryDocumentItem: string;
  ReferenceSDDocument: string;
  ReferenceSDDocumentItem: string;
  Material: string;
  ActualDeliveryQuantity: string;
  DeliveryQuantityUnit: string;
  GoodsMovementStatus: string;
  ActualGoodsMovementDate: number;
  LastChangeDateTime: number;
}

export class SapDeliveries {
  readonly items: DeliveryItem[] = [];
  private next = 80_000_001;
  private clock = 0;

  constructor(private readonly orders: SapOrderStore) {}

  /** `POST /sap/_simulate/deliver` `{ salesOrder | purchaseOrderByCustomer, items?: [{ item, quantity }], date? }`; all open quantity when items are omitted. */
  deliver(input: { salesOrder?: string; purchaseOrderByCustomer?: string; items?: Array<{ item: string; quantity: string }>; date?: string }): DeliveryItem[] | string {
    const order = input.salesOrder ? this.orders.get(input.salesOrder) : input.purchaseOrderByCustomer ? this.orders.findBy('PurchaseOrderByCustomer', input.purchaseOrderByCustomer)[0] : undefined;
    if (!order) return 'sales order not found';
    const document = String(this.next++);
    this.clock = Math.max(this.clock + 1, Date.now());
    const day = input.date ? Date.parse(`${input.date}T00:00:00Z`) : Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const wanted = input.items ?? order.to_Item.map((i) => ({ item: i.SalesOrderItem, quantity: new Decimal(String(i['RequestedQuantity'])).sub(this.delivered(order.SalesOrder, i.SalesOrderItem)).toFixed() }));
    const created: DeliveryItem[] = [];
    wanted.forEach((w, index) => {
      const item = order.to_Item.find((i) => i.SalesOrderItem === w.item);
      if (!item || new Decimal(w.quantity).lte(0)) return;
      created.push({
        DeliveryDocument: document,
        DeliveryDocumentItem: String((index + 1) * 10).padStart(6, '0'),
        ReferenceSDDocument: order.SalesOrder,
        ReferenceSDDocumentItem: item.SalesOrderItem,
        Material: String(item['Material']),
        ActualDeliveryQuantity: new Decimal(w.quantity).toFixed(3),
        DeliveryQuantityUnit: String(item['RequestedQuantityUnit'] ?? 'EA'),
        GoodsMovementStatus: 'C',
        ActualGoodsMovementDate: day,
        LastChangeDateTime: this.clock,
      });
    });
    this.items.push(...created);
    return created;
  }

  private delivered(salesOrder: string, item: string): Decimal {
    return this.items.filter((d) => d.ReferenceSDDocument === salesOrder && d.ReferenceSDDocumentItem === item).reduce((sum, d) => sum.add(d.ActualDeliveryQuantity), new Decimal(0));
  }

  /** `GET …/A_OutbDeliveryItem?$filter=ReferenceSDDocument eq '…'` or `LastChangeDateTime ge datetimeoffset'…'`. */
  query(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const filter = url.searchParams.get('$filter') ?? '';
    let rows = this.items;
    const since = /^\s*LastChangeDateTime\s+ge\s+datetimeoffset'([^']+)'\s*$/.exec(filter);
    const eq = parseEqFilter(filter);
    if (since) {
      const at = Date.parse(since[1]);
      if (Number.isNaN(at)) return sendODataError(res, 400, '/IWBEP/CM_MGW_RT/001', `Invalid datetimeoffset '${since[1]}'`);
      rows = rows.filter((d) => d.LastChangeDateTime >= at);
    } else if (eq && eq.property === 'ReferenceSDDocument') {
      rows = rows.filter((d) => d.ReferenceSDDocument === eq.value);
    } else if (filter) {
      return sendODataError(res, 400, '/IWBEP/CM_MGW_RT/001', `Filter '${filter}' is not supported by the simulator`);
    }
    sendOData(res, 200, {
      d: { results: rows.map((d) => ({ ...d, ActualGoodsMovementDate: odataDate(d.ActualGoodsMovementDate), LastChangeDateTime: odataDateTimeOffset(d.LastChangeDateTime) })) },
    });
    void req;
  }

  async simulate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let input: Parameters<SapDeliveries['deliver']>[0];
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      return json(res, 400, { error: 'malformed JSON' });
    }
    const created = this.deliver(input);
    if (typeof created === 'string') return json(res, 404, { error: created });
    json(res, 201, { items: created });
  }
}
