import { Injectable } from '@nestjs/common';
import { type PricedLine, quoteTotals } from '@signet/quotes-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { totalsColumns } from '../quotes/quote-mapper';
import { QuoteLinesRepository } from '../quotes/quote-lines.repository';

/** A line of a quote that contracts generate (amendment deltas, renewals), priced by the contracts domain. */
export interface GeneratedLine {
  readonly sku: string;
  readonly quantity: Decimal;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Term of the line when it runs whole months (renewals); null for co-terminated deltas. */
  readonly termMonths: number | null;
  readonly netTotal: Decimal;
  readonly group: string | null;
}

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  family: string | null;
  charge_type: 'one-time' | 'recurring';
  list_price: string;
}

const HUNDRED = Decimal.of(100);

/**
 * Writes draft quotes generated from contracts into the quotes tables, through the quotes module's
 * own line store, so they are ordinary quotes from then on (approvals, orders). Amounts come from
 * the contracts domain (proration, renewal pricing) and are stored as computed, not repriced.
 */
@Injectable()
export class QuoteDrafts {
  constructor(private readonly lines: QuoteLinesRepository) {}

  async create(
    manager: EntityManager,
    input: {
      name: string;
      accountId: string;
      ownerId: string;
      startDate: LocalDate;
      termMonths: number | null;
      lines: readonly GeneratedLine[];
      source: Record<string, unknown>;
    },
  ): Promise<{ id: string; number: string }> {
    if (input.lines.length === 0)
      throw new AppError(
        409,
        'invalid_state',
        'Conflict',
        'Nothing to quote: no line would be generated.',
      );
    const products: ProductRow[] = await manager.query(
      `SELECT id, sku, name, family, charge_type, list_price::text AS list_price FROM products WHERE sku = ANY($1::text[])`,
      [[...new Set(input.lines.map((l) => l.sku))]],
    );
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const priced: PricedLine[] = input.lines.map((l) => {
      const product = bySku.get(l.sku);
      if (!product)
        throw new AppError(
          409,
          'invalid_state',
          'Conflict',
          `Product ${l.sku} no longer exists.`,
        );
      const listUnitPrice = Decimal.of(product.list_price);
      const months =
        l.termMonths === null ? Decimal.ONE : Decimal.of(l.termMonths).div(12);
      const listTotal =
        l.termMonths === null
          ? l.netTotal
          : listUnitPrice.mul(l.quantity).mul(months).round2();
      const discount = listTotal.isPositive()
        ? Decimal.min(
            HUNDRED,
            Decimal.max(
              Decimal.ZERO,
              Decimal.ONE.sub(l.netTotal.div(listTotal)).mul(HUNDRED),
            ),
          ).round(4)
        : Decimal.ZERO;
      return {
        id: randomUUID(),
        productId: product.id,
        quantity: l.quantity,
        listUnitPrice,
        discountPercent: discount,
        parentId: null,
        group: l.group,
        startDate: l.start,
        termMonths: l.termMonths,
        fields: {},
        sku: product.sku,
        productName: product.name,
        family: product.family,
        chargeType: product.charge_type,
        start: l.start,
        end: l.end,
        term: l.termMonths,
        listTotal,
        netTotal: l.netTotal,
      };
    });
    const id = randomUUID();
    const totals = totalsColumns(quoteTotals(priced));
    const rows: { number: string }[] = await manager.query(
      `INSERT INTO quotes (id, name, account_id, owner_id, status, start_date, term_months, fields, line_count, list_total, net_total,
                           discount_amount, discount_percent, one_time_total, recurring_total)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, '{}'::jsonb, $7, $8, $9, $10, $11, $12, $13) RETURNING number`,
      [
        id,
        input.name,
        input.accountId,
        input.ownerId,
        input.startDate,
        input.termMonths,
        totals.lineCount,
        totals.listTotal,
        totals.netTotal,
        totals.discountAmount,
        totals.discountPercent,
        totals.oneTimeTotal,
        totals.recurringTotal,
      ],
    );
    await this.lines.write(manager, id, priced, (lineId) =>
      priced.findIndex((p) => p.id === lineId),
    );
    await manager.query(
      `INSERT INTO quote_history (quote_id, actor_id, action, from_status, to_status, detail) VALUES ($1, $2, 'created', NULL, 'draft', $3)`,
      [
        id,
        input.ownerId,
        JSON.stringify({ lineCount: priced.length, ...input.source }),
      ],
    );
    return { id, number: rows[0].number };
  }
}
