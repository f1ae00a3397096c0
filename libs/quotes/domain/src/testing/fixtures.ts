import { Decimal, parseLocalDate } from '@signet/shared-kernel';
import type { LineDraft, PricedProduct, QuoteHeader } from '../lib/model';

export const d = (value: string | number) => Decimal.of(value);
export const date = parseLocalDate;

export const HW: PricedProduct = {
  id: 'p-hw',
  sku: 'HW',
  name: 'Appliance',
  family: 'Hardware',
  chargeType: 'one-time',
  listPrice: d('1000.00'),
  termMonths: null,
  active: true,
};
export const SUB: PricedProduct = {
  id: 'p-sub',
  sku: 'SUB',
  name: 'Platform subscription',
  family: 'License',
  chargeType: 'recurring',
  listPrice: d('1200.00'),
  termMonths: 12,
  active: true,
};
export const NOTERM: PricedProduct = {
  ...SUB,
  id: 'p-noterm',
  sku: 'NOTERM',
  termMonths: null,
};
export const OLD: PricedProduct = {
  ...HW,
  id: 'p-old',
  sku: 'OLD',
  active: false,
};

export const CATALOG = new Map(
  [HW, SUB, NOTERM, OLD].map((p) => [p.id, p] as const),
);

export const HEADER: QuoteHeader = {
  id: 'q1',
  ownerId: 'rep',
  accountId: 'acme',
  startDate: date('2026-01-31'),
  termMonths: null,
  fields: {},
};

export function draft(id: string, over: Partial<LineDraft> = {}): LineDraft {
  return {
    id,
    productId: HW.id,
    quantity: d(1),
    parentId: null,
    group: null,
    startDate: null,
    termMonths: null,
    fields: {},
    ...over,
  };
}
