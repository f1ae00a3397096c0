import { type FieldValues, type LineDraft, type QuoteGroup, type QuoteHeader, type QuotesError, type QuoteTotals, quoteTotals } from '@signet/quotes-domain';
import { parseLocalDate } from '@signet/shared-kernel';
import { AppError } from '../common/app-error';
import { money2, toDecimal } from '../common/value-validators';
import type { LineInputDto, QuoteLineDto } from './dto/quote-line.dto';
import type { QuoteDto, QuoteSummaryDto } from './dto/quote.dto';
import type { QuoteEntity } from './quote.entity';
import type { StoredLine } from './quote-lines.repository';

export interface QuoteNames {
  accountName: string;
  ownerName: string;
}

export function headerOf(quote: QuoteEntity, groups: readonly QuoteGroup[] = []): QuoteHeader {
  return {
    groups,
    id: quote.id,
    ownerId: quote.ownerId,
    accountId: quote.accountId,
    startDate: parseLocalDate(quote.startDate),
    termMonths: quote.termMonths,
    fields: quote.fields,
  };
}

/** A line from the API in the domain's terms; `id` and `productId` are already resolved. */
export function draftOf(input: LineInputDto, id: string, productId: string): LineDraft {
  return {
    id,
    productId,
    quantity: toDecimal(input.quantity),
    listUnitPrice: toDecimal(input.listUnitPrice),
    discountPercent: toDecimal(input.discountPercent),
    parentId: input.parentId ?? null,
    group: input.group?.trim() ?? null,
    startDate: input.startDate ? parseLocalDate(input.startDate) : null,
    termMonths: input.termMonths ?? null,
    fields: (input.fields ?? {}) as FieldValues,
    shipToLocationId: input.shipToLocationId ?? null,
  };
}

/** The totals kept on the quote row. */
export function totalsColumns(totals: QuoteTotals): Pick<QuoteEntity, 'lineCount' | 'listTotal' | 'netTotal' | 'discountAmount' | 'discountPercent' | 'oneTimeTotal' | 'recurringTotal'> {
  return {
    lineCount: totals.lineCount,
    listTotal: totals.listTotal.toFixed2(),
    netTotal: totals.netTotal.toFixed2(),
    discountAmount: totals.discountAmount.toFixed2(),
    discountPercent: totals.discountPercent?.toFixed2() ?? null,
    oneTimeTotal: totals.oneTimeTotal.toFixed2(),
    recurringTotal: totals.recurringTotal.toFixed2(),
  };
}

export function toSummaryDto(q: QuoteEntity, names: QuoteNames): QuoteSummaryDto {
  return {
    id: q.id,
    number: q.number,
    name: q.name,
    status: q.status,
    accountId: q.accountId,
    accountName: names.accountName,
    ownerId: q.ownerId,
    ownerName: names.ownerName,
    currency: q.currency,
    startDate: q.startDate,
    termMonths: q.termMonths,
    validUntil: q.validUntil,
    lineCount: q.lineCount,
    listTotal: money2(q.listTotal) as string,
    netTotal: money2(q.netTotal) as string,
    discountPercent: money2(q.discountPercent),
    version: q.version,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

export function toLineDto(l: StoredLine): QuoteLineDto {
  return {
    id: l.id,
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    productName: l.productName,
    family: l.family,
    chargeType: l.chargeType,
    quantity: l.quantity.toString(),
    listUnitPrice: l.listUnitPrice.toFixed2(),
    discountPercent: l.discountPercent.toString(),
    parentId: l.parentId,
    group: l.group,
    startDate: l.startDate,
    termMonths: l.termMonths,
    startsOn: l.start,
    endsOn: l.end,
    term: l.term,
    listTotal: l.listTotal.toFixed2(),
    netTotal: l.netTotal.toFixed2(),
    fields: { ...l.fields },
    shipToLocationId: l.shipToLocationId ?? null,
  };
}

/** Group totals in order of each group's first line, each with its start date; declared groups without lines last. */
function groupDtos(declared: readonly QuoteGroup[], totals: QuoteTotals): QuoteDto['groups'] {
  const startOf = new Map(declared.map((g) => [g.name, g.startDate]));
  const withLines = new Set(totals.groups.map((g) => g.group));
  return [
    ...totals.groups.map((g) => ({ group: g.group, startDate: g.group === null ? null : (startOf.get(g.group) ?? null), lineCount: g.lineCount, listTotal: g.listTotal.toFixed2(), netTotal: g.netTotal.toFixed2() })),
    ...declared.filter((g) => !withLines.has(g.name)).map((g) => ({ group: g.name, startDate: g.startDate, lineCount: 0, listTotal: '0.00', netTotal: '0.00' })),
  ];
}

export function toQuoteDto(q: QuoteEntity, names: QuoteNames, lines: readonly StoredLine[], declared: readonly QuoteGroup[] = []): QuoteDto {
  const totals = quoteTotals(lines);
  return {
    ...toSummaryDto(q, names),
    orderBy: [...(q.orderBy ?? [])],
    externalId: q.externalId,
    fields: { ...q.fields },
    discountAmount: money2(q.discountAmount) as string,
    oneTimeTotal: money2(q.oneTimeTotal) as string,
    recurringTotal: money2(q.recurringTotal) as string,
    groups: groupDtos(declared, totals),
    lines: lines.map(toLineDto),
  };
}

const STATUS_BY_CODE: Record<QuotesError['code'], number> = {
  invalid_lines: 400,
  invalid_fields: 400,
  too_many_lines: 400,
  quote_locked: 409,
  invalid_state: 409,
};

/** A domain refusal as problem+json: violations become the `errors` list the console shows by field. */
export function quotesProblem(error: QuotesError): AppError {
  const status = STATUS_BY_CODE[error.code];
  return new AppError(status, error.code, status === 409 ? 'Conflict' : 'Invalid request', error.message, error.violations.length > 0 ? { errors: error.violations } : {});
}
