import type { QuoteDto } from '@signet/console-data-access';
import { completeLine, type LineDraft, type PricedLine, type PricedProduct, priceLine, type QuoteTotals, quoteTotals } from '@signet/quotes-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';

/** One row of the lines grid as the user edits it (strings as typed). */
export interface EditRow {
  readonly id: string;
  readonly productId: string;
  readonly sku: string;
  readonly productName: string;
  readonly family: string | null;
  readonly chargeType: 'one-time' | 'recurring';
  /** Per unit (recurring: per 12 months). */
  readonly listUnitPrice: string;
  /** The term to fall back on for recurring lines (the product's, or the line's resolved term). */
  readonly productTerm: number | null;
  readonly quantity: string;
  readonly discountPercent: string;
  readonly startDate: string;
  readonly group: string;
  readonly parentId: string | null;
  readonly termMonths: number | null;
  readonly shipToLocationId: string | null;
  readonly fields: Record<string, unknown>;
  readonly isNew: boolean;
}

export type CellErrors = Partial<Record<'quantity' | 'discountPercent' | 'startDate', string>>;

const DECIMAL = /^\d+(\.\d{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function rowOf(line: QuoteDto['lines'][number]): EditRow {
  return {
    id: line.id,
    productId: line.productId,
    sku: line.sku,
    productName: line.productName,
    family: line.family,
    chargeType: line.chargeType,
    listUnitPrice: line.listUnitPrice,
    productTerm: line.term,
    quantity: line.quantity,
    discountPercent: line.discountPercent,
    startDate: line.startDate ?? '',
    group: line.group ?? '',
    parentId: line.parentId,
    termMonths: line.termMonths,
    shipToLocationId: line.shipToLocationId ?? null,
    fields: line.fields,
    isNew: false,
  };
}

/** Messages per cell; an empty object means the row can be saved. */
export function cellErrors(row: EditRow): CellErrors {
  const errors: CellErrors = {};
  if (!DECIMAL.test(row.quantity.trim()) || Number(row.quantity) <= 0) errors.quantity = 'A positive number, up to 4 decimals.';
  const discount = row.discountPercent.trim();
  if (!DECIMAL.test(discount) || Number(discount) > 100) errors.discountPercent = 'From 0 to 100.';
  if (row.startDate && !DATE.test(row.startDate)) errors.startDate = 'A date YYYY-MM-DD.';
  return errors;
}

/**
 * Live totals for preview, computed with the same domain library the server uses. Rows with
 * errors are left out; the server stays the authority once saved.
 */
export function previewTotals(quote: QuoteDto, rows: readonly EditRow[]): QuoteTotals {
  const header = {
    id: quote.id,
    ownerId: quote.ownerId,
    accountId: quote.accountId,
    startDate: quote.startDate as LocalDate,
    termMonths: quote.termMonths,
    fields: {},
    groups: quote.groups.filter((g) => g.group !== null).map((g) => ({ name: g.group as string, startDate: (g.startDate ?? null) as LocalDate | null })),
  };
  const priced: PricedLine[] = [];
  for (const row of rows) {
    if (Object.keys(cellErrors(row)).length > 0) continue;
    const product: PricedProduct = {
      id: row.productId,
      sku: row.sku,
      name: row.productName,
      family: row.family,
      chargeType: row.chargeType,
      listPrice: Decimal.of(row.listUnitPrice),
      termMonths: row.productTerm,
      active: true,
    };
    const draft: LineDraft = {
      id: row.id,
      productId: row.productId,
      quantity: Decimal.of(row.quantity.trim()),
      listUnitPrice: Decimal.of(row.listUnitPrice),
      discountPercent: Decimal.of(row.discountPercent.trim()),
      parentId: row.parentId,
      group: row.group.trim() || null,
      startDate: (row.startDate || null) as LocalDate | null,
      termMonths: row.termMonths,
      fields: {},
    };
    const line = priceLine(completeLine(draft, product), header, product);
    if (line) priced.push(line);
  }
  return quoteTotals(priced);
}
