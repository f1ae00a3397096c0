import type { Decimal, LocalDate } from '@signet/shared-kernel';
import type {
  FieldScalar,
  FieldValue,
  PricedLine,
  QuoteHeader,
  QuoteTotals,
} from './model';

/**
 * The shapes the approvals and orders engines read a quote in. They are structural (no import
 * of those libraries), so a quote feeds `@signet/approvals-domain` and `@signet/orders-domain`
 * without either depending on the other.
 */

export interface ApprovalQuoteView {
  readonly id: string;
  readonly ownerId: string;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly lines: readonly {
    readonly id: string;
    readonly fields: Readonly<Record<string, FieldValue>>;
  }[];
}

/** Approvals compare numbers; amounts of numeric(18,2) stay exact as JS numbers to the cent below 2^53 cents. */
const num = (value: Decimal | null): FieldScalar =>
  value === null ? null : value.toNumber();

/**
 * Standard fields first, then custom ones (a custom name never shadows a standard one: see
 * STANDARD_FIELDS). Line fields carry what approval variables aggregate: `netTotal`,
 * `listTotal`, `family`, `quantity`, `discountPercent`.
 */
export function approvalQuoteView(
  header: QuoteHeader & { readonly accountName?: string | null },
  totals: QuoteTotals,
  lines: readonly PricedLine[],
): ApprovalQuoteView {
  return {
    id: header.id,
    ownerId: header.ownerId,
    fields: {
      ...header.fields,
      accountId: header.accountId,
      accountName: header.accountName ?? null,
      startDate: header.startDate,
      termMonths: header.termMonths,
      lineCount: totals.lineCount,
      listTotal: num(totals.listTotal),
      netTotal: num(totals.netTotal),
      discountAmount: num(totals.discountAmount),
      discountPercent: num(totals.discountPercent),
      oneTimeTotal: num(totals.oneTimeTotal),
      recurringTotal: num(totals.recurringTotal),
    },
    lines: lines.map((line) => ({
      id: line.id,
      fields: {
        ...line.fields,
        productId: line.productId,
        sku: line.sku,
        productName: line.productName,
        family: line.family,
        chargeType: line.chargeType,
        quantity: num(line.quantity),
        listUnitPrice: num(line.listUnitPrice),
        discountPercent: num(line.discountPercent),
        listTotal: num(line.listTotal),
        netTotal: num(line.netTotal),
        group: line.group,
        parentId: line.parentId,
        startDate: line.start,
        endDate: line.end,
        termMonths: line.term,
      },
    })),
  };
}

export interface OrdersQuoteView {
  readonly id: string;
  readonly account: string;
  readonly startDate: LocalDate;
  readonly termMonths: number | null;
  readonly lines: readonly {
    readonly id: string;
    readonly sku: string;
    readonly quantity: Decimal;
    readonly netTotal: Decimal;
    readonly parent: string | null;
    readonly startDate: LocalDate;
    readonly endDate: LocalDate;
    readonly termMonths: number | null;
    readonly group: string | null;
    /** Ship-to location id (split path `shipTo`). */
    readonly shipTo: string | null;
    readonly fields: Readonly<Record<string, FieldValue>>;
  }[];
}

/** The quote as `resolveQuote` of the orders engine takes it, with dates already resolved. */
export function ordersQuoteView(
  header: QuoteHeader,
  lines: readonly PricedLine[],
): OrdersQuoteView {
  return {
    id: header.id,
    account: header.accountId,
    startDate: header.startDate,
    termMonths: header.termMonths,
    lines: lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      netTotal: line.netTotal,
      parent: line.parentId,
      startDate: line.start,
      endDate: line.end,
      termMonths: line.term,
      group: line.group,
      shipTo: line.shipToLocationId ?? null,
      fields: line.fields,
    })),
  };
}
