import type { FieldValue, FieldValues, PricedLine } from './model';

function sameValue(
  a: FieldValue | undefined,
  b: FieldValue | undefined,
): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

export function sameFields(a: FieldValues, b: FieldValues): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => sameValue(a[k], b[k]))
  );
}

/** True when nothing stored about the line differs, so it need not be written. */
export function sameLine(a: PricedLine, b: PricedLine): boolean {
  return (
    a.id === b.id &&
    a.productId === b.productId &&
    a.sku === b.sku &&
    a.productName === b.productName &&
    a.family === b.family &&
    a.chargeType === b.chargeType &&
    a.quantity.eq(b.quantity) &&
    a.listUnitPrice.eq(b.listUnitPrice) &&
    a.discountPercent.eq(b.discountPercent) &&
    a.parentId === b.parentId &&
    a.group === b.group &&
    (a.shipToLocationId ?? null) === (b.shipToLocationId ?? null) &&
    a.startDate === b.startDate &&
    a.termMonths === b.termMonths &&
    a.start === b.start &&
    a.end === b.end &&
    a.term === b.term &&
    a.listTotal.eq(b.listTotal) &&
    a.netTotal.eq(b.netTotal) &&
    sameFields(a.fields, b.fields)
  );
}
