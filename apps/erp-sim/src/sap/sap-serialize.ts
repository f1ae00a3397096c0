import { odataDate, odataDateTimeOffset } from './odata';
import { ENTITY_TYPES } from './sap-entity-model';
import { etagOf, type Row, type StoredItem, type StoredOrder } from './sap-store';

function plain(typeName: string, row: Row, uri: string): Row {
  const type = ENTITY_TYPES[typeName];
  const out: Row = { __metadata: { id: uri, uri, type: `API_SALES_ORDER_SRV.${typeName}` } };
  for (const [name, prop] of Object.entries(type.properties)) {
    const value = row[name];
    if (value === undefined) {
      out[name] = prop.type === 'Edm.Boolean' ? false : prop.type === 'Edm.String' ? '' : null;
    } else if (typeof value === 'number' && prop.type === 'Edm.DateTime') {
      out[name] = odataDate(value);
    } else if (typeof value === 'number' && prop.type === 'Edm.DateTimeOffset') {
      out[name] = odataDateTimeOffset(value);
    } else {
      out[name] = value;
    }
  }
  return out;
}

function itemUri(root: string, item: StoredItem): string {
  return `${root}/A_SalesOrderItem(SalesOrder='${item.SalesOrder}',SalesOrderItem='${item.SalesOrderItem}')`;
}

/** An item as OData v2 JSON; navigation properties deferred. */
export function serializeItem(root: string, item: StoredItem): Row {
  const uri = itemUri(root, item);
  return { ...plain('A_SalesOrderItemType', item, uri), to_Partner: { __deferred: { uri: `${uri}/to_Partner` } }, to_Text: { __deferred: { uri: `${uri}/to_Text` } } };
}

/** A sales order as OData v2 JSON, with its ETag in `__metadata`; `expand` lists navigation properties to inline. */
export function serializeOrder(root: string, order: StoredOrder, expand: readonly string[] = []): Row {
  const uri = `${root}/A_SalesOrder('${order.SalesOrder}')`;
  const out = plain('A_SalesOrderType', order, uri);
  (out['__metadata'] as Row)['etag'] = etagOf(order);
  out['to_Item'] = expand.includes('to_Item') ? { results: order.to_Item.map((i) => serializeItem(root, i)) } : { __deferred: { uri: `${uri}/to_Item` } };
  out['to_Partner'] = expand.includes('to_Partner')
    ? { results: order.to_Partner.map((p) => plain('A_SalesOrderHeaderPartnerType', { ...p, SalesOrder: order.SalesOrder }, `${root}/A_SalesOrderHeaderPartner(SalesOrder='${order.SalesOrder}',PartnerFunction='${String(p['PartnerFunction'])}')`)) }
    : { __deferred: { uri: `${uri}/to_Partner` } };
  return out;
}
