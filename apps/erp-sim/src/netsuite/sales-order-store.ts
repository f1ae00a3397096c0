import { ValidationFailure } from './netsuite-errors';

export interface StoredLine {
  line: number;
  item: { externalId: string };
  description: string | null;
  quantity: number;
  amount: number;
  rate: number | null;
  isClosed: boolean;
}

export interface StoredSalesOrder {
  id: string;
  externalId: string;
  tranId: string;
  entity: { id: string };
  tranDate: string;
  currency: { refName: string };
  otherRefNum: string | null;
  memo: string | null;
  orderStatus: { id: string };
  status: { id: string; refName: string };
  total: number;
  shippingAddress: Record<string, unknown> | null;
  item: { items: StoredLine[] };
  createdDate: string;
  lastModifiedDate: string;
  /** How many upserts reached this record (more than one = a retry or a change, never a duplicate). */
  writes: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ref(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = body[field];
  if (!isObject(value)) throw new ValidationFailure('INVALID_KEY_OR_REF', `Invalid value for the resource or sub-resource field '${field}'. Provide a valid value.`, field);
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationFailure('INVALID_FLD_VALUE', `You have entered an Invalid Field Value for the field '${path}'.`, path);
  return value;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The simulated account's sales orders, keyed by external id. Customers that exist are those whose
 * internal id is all digits; items exist for any non-empty external id (the demo has no item master).
 */
export class SalesOrderStore {
  private readonly byExternalId = new Map<string, StoredSalesOrder>();
  private nextId = 1000;

  get all(): StoredSalesOrder[] {
    return [...this.byExternalId.values()];
  }

  get(externalId: string): StoredSalesOrder | undefined {
    return this.byExternalId.get(externalId);
  }

  /** Validates everything before it changes anything; returns the stored record and whether it is new. */
  upsert(externalId: string, input: unknown, now: Date): { order: StoredSalesOrder; created: boolean } {
    if (!isObject(input)) throw new ValidationFailure('INVALID_CONTENT', 'The request body must be a JSON object.');
    const entity = ref(input, 'entity');
    if (typeof entity['id'] !== 'string' || !/^\d+$/.test(entity['id'])) {
      throw new ValidationFailure('INVALID_KEY_OR_REF', `Invalid entity reference key ${JSON.stringify(entity['id'] ?? null)}.`, 'entity');
    }
    const currency = ref(input, 'currency');
    if (typeof currency['refName'] !== 'string' || !/^[A-Z]{3}$/.test(currency['refName'])) {
      throw new ValidationFailure('INVALID_KEY_OR_REF', `Invalid currency reference key ${JSON.stringify(currency['refName'] ?? null)}.`, 'currency');
    }
    const tranDate = input['tranDate'];
    if (typeof tranDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(tranDate)) {
      throw new ValidationFailure('INVALID_FLD_VALUE', "You have entered an Invalid Field Value for the field 'tranDate'.", 'tranDate');
    }
    const sublist = isObject(input['item']) ? input['item']['items'] : undefined;
    if (!Array.isArray(sublist) || sublist.length === 0) {
      throw new ValidationFailure('USER_ERROR', 'You must enter at least one line item for this transaction.', 'item');
    }
    const items: StoredLine[] = sublist.map((raw, index) => {
      const path = `item.items[${index}]`;
      if (!isObject(raw)) throw new ValidationFailure('INVALID_CONTENT', `${path} must be an object.`, path);
      const item = isObject(raw['item']) ? raw['item'] : {};
      if (typeof item['externalId'] !== 'string' || item['externalId'].trim() === '') {
        throw new ValidationFailure('INVALID_KEY_OR_REF', `Invalid item reference key ${JSON.stringify(item['externalId'] ?? null)}.`, `${path}.item`);
      }
      return {
        line: index + 1,
        item: { externalId: item['externalId'] },
        description: optionalString(raw['description']),
        quantity: number(raw['quantity'], `${path}.quantity`),
        amount: number(raw['amount'], `${path}.amount`),
        rate: raw['rate'] === undefined ? null : number(raw['rate'], `${path}.rate`),
        isClosed: raw['isClosed'] === true,
      };
    });
    const orderStatus = isObject(input['orderStatus']) && typeof input['orderStatus']['id'] === 'string' ? input['orderStatus']['id'] : 'A';
    if (orderStatus !== 'A' && orderStatus !== 'B') {
      throw new ValidationFailure('INVALID_FLD_VALUE', "orderStatus can only be set to A (Pending Approval) or B (Pending Fulfillment).", 'orderStatus');
    }
    const closed = items.every((l) => l.isClosed);
    const existing = this.byExternalId.get(externalId);
    const id = existing?.id ?? String(this.nextId++);
    const order: StoredSalesOrder = {
      id,
      externalId,
      tranId: existing?.tranId ?? `SO${id}`,
      entity: { id: entity['id'] },
      tranDate,
      currency: { refName: currency['refName'] },
      otherRefNum: optionalString(input['otherRefNum']),
      memo: optionalString(input['memo']),
      orderStatus: { id: orderStatus },
      status: closed ? { id: 'H', refName: 'Closed' } : orderStatus === 'B' ? { id: 'B', refName: 'Pending Fulfillment' } : { id: 'A', refName: 'Pending Approval' },
      total: Math.round(items.reduce((sum, l) => sum + l.amount, 0) * 100) / 100,
      shippingAddress: isObject(input['shippingAddress']) ? input['shippingAddress'] : null,
      item: { items },
      createdDate: existing?.createdDate ?? now.toISOString(),
      lastModifiedDate: now.toISOString(),
      writes: (existing?.writes ?? 0) + 1,
    };
    this.byExternalId.set(externalId, order);
    return { order, created: !existing };
  }
}
