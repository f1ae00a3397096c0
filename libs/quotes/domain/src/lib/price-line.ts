import {
  addDays,
  addMonths,
  Decimal,
  type LocalDate,
} from '@signet/shared-kernel';
import type {
  LineDraft,
  LineInput,
  PricedLine,
  PricedProduct,
  QuoteHeader,
} from './model';

const HUNDRED = Decimal.of(100);
const TWELVE = Decimal.of(12);

/** Fills a draft's defaults: the product's list price now, no discount. */
export function completeLine(
  draft: LineDraft,
  product: PricedProduct,
): LineInput {
  return {
    ...draft,
    listUnitPrice: draft.listUnitPrice ?? product.listPrice,
    discountPercent: draft.discountPercent ?? Decimal.ZERO,
  };
}

/** Term months resolve line, else quote, else product (as orders do, conformance 2.6). */
export function resolveTerm(
  line: Pick<LineInput, 'termMonths'>,
  header: Pick<QuoteHeader, 'termMonths'>,
  product: Pick<PricedProduct, 'termMonths'>,
): number | null {
  return line.termMonths ?? header.termMonths ?? product.termMonths ?? null;
}

/** A recurring line ends on start + term months − 1 day; a one-time line ends on its start. */
export function lineEnd(start: LocalDate, term: number | null): LocalDate {
  return term === null ? start : addDays(addMonths(start, term), -1);
}

/** The start date of the line's group, when the group is declared with one. */
export function groupStart(
  header: Pick<QuoteHeader, 'groups'>,
  group: string | null,
): LocalDate | null {
  if (group === null || !header.groups) return null;
  return header.groups.find((g) => g.name === group)?.startDate ?? null;
}

/**
 * Prices one line. One-time: list = unit price × quantity. Recurring: the unit price is per 12
 * months, so list = unit price × quantity × term ÷ 12. Net = list × (100 − discount) ÷ 100.
 * Each total is computed exactly and rounded once, half away from zero, to cents.
 * Returns null for a recurring line with no term anywhere (the caller reports it).
 */
export function priceLine(
  line: LineInput,
  header: QuoteHeader,
  product: PricedProduct,
): PricedLine | null {
  const recurring = product.chargeType === 'recurring';
  const term = recurring ? resolveTerm(line, header, product) : null;
  if (recurring && term === null) return null;
  const start =
    line.startDate ?? groupStart(header, line.group) ?? header.startDate;
  const gross = line.listUnitPrice
    .mul(line.quantity)
    .mul(term === null ? Decimal.ONE : Decimal.of(term).div(TWELVE));
  return {
    ...line,
    sku: product.sku,
    productName: product.name,
    family: product.family,
    chargeType: product.chargeType,
    start,
    end: lineEnd(start, term),
    term,
    listTotal: gross.round2(),
    netTotal: gross
      .mul(HUNDRED.sub(line.discountPercent))
      .div(HUNDRED)
      .round2(),
  };
}
