import { Injectable } from '@nestjs/common';
import {
  type Catalog,
  type Product,
  type ResolvedQuote,
  resolveQuote,
} from '@signet/orders-domain';
import {
  type FieldDefinition,
  ordersQuoteView,
  type QuoteStatus,
} from '@signet/quotes-domain';
import { Decimal, parseLocalDate } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { QuoteLinesRepository } from '../quotes/quote-lines.repository';
import { ordersProblem } from './orders-problem';

export interface QuoteForOrders {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly accountId: string;
  readonly ownerId: string;
  readonly status: QuoteStatus;
  /** The quote's default split (`orderBy`), when it has one. */
  readonly orderBy: readonly string[] | null;
  readonly resolved: ResolvedQuote;
  readonly catalog: Catalog;
  /** Product names by line id, for order line snapshots. */
  readonly productNames: ReadonlyMap<string, string>;
  /** Service level per line (`fields.serviceLevel`), when given. */
  readonly serviceLevels: ReadonlyMap<string, string>;
  /** Set when this quote amends a contract: it is ordered whole. */
  readonly amendmentId: string | null;
}

interface QuoteRow {
  id: string;
  number: string;
  name: string;
  account_id: string;
  owner_id: string;
  status: QuoteStatus;
  start_date: string;
  term_months: number | null;
  header: Record<string, unknown>;
  amendment_id: string | null;
}

interface ProductRow {
  sku: string;
  charge_type: Product['chargeType'];
  revenue_method: Product['revenue'];
  ssp: string | null;
  term_months: number | null;
  asset_conversion: NonNullable<Product['assetConversion']>;
}

/** Standard line properties a split may group by; custom line fields are `fields.<name>`. */
export const STANDARD_SPLIT_PATHS = [
  'group',
  'sku',
  'startDate',
  'endDate',
  'termMonths',
  'shipTo',
] as const;

/** The quote's default split: a column `order_by` when the quotes module has one, else the `orderBy` quote field. */
function orderByOf(header: Record<string, unknown>): readonly string[] | null {
  const fields = (header['fields'] ?? {}) as Record<string, unknown>;
  const raw =
    header['order_by'] ?? header['orderBy'] ?? fields['orderBy'] ?? null;
  if (raw === null || raw === undefined || raw === '') return null;
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  const paths = list.map((p) => String(p).trim()).filter(Boolean);
  return paths.length > 0 ? paths : null;
}

/**
 * Reads a quote as the orders engine needs it: lines with resolved dates (one query), the products
 * they name (one query), resolved and validated by `resolveQuote`. O(lines).
 */
@Injectable()
export class QuoteSource {
  constructor(private readonly lines: QuoteLinesRepository) {}

  async load(
    manager: EntityManager,
    quoteId: string,
    options: { lock?: boolean } = {},
  ): Promise<QuoteForOrders> {
    // Locking the quote row serialises every order write of one quote (and keeps the quote from
    // being edited while its orders are written); the ledger's CHECK constraint is the backstop.
    const rows: QuoteRow[] = await manager.query(
      `SELECT q.id, q.number, q.name, q.account_id, q.owner_id, q.status, to_char(q.start_date, 'YYYY-MM-DD') AS start_date,
              q.term_months, to_jsonb(q) AS header, a.id AS amendment_id
         FROM quotes q LEFT JOIN contract_amendments a ON a.quote_id = q.id
        WHERE q.id = $1 ${options.lock ? 'FOR UPDATE OF q' : ''}`,
      [quoteId],
    );
    const row = rows[0];
    if (!row) throw notFound('Quote', quoteId);
    const lines = await this.lines.load(manager, quoteId);
    const skus = [...new Set(lines.map((l) => l.sku))];
    const products: ProductRow[] = skus.length
      ? await manager.query(
          `SELECT sku, charge_type, revenue_method, ssp::text AS ssp, term_months, asset_conversion FROM products WHERE sku = ANY($1::text[])`,
          [skus],
        )
      : [];
    const catalog = new Map<string, Product>(
      products.map((p) => [
        p.sku,
        {
          sku: p.sku,
          chargeType: p.charge_type,
          revenue: p.revenue_method,
          ssp: p.ssp === null ? null : Decimal.of(p.ssp),
          termMonths: p.term_months,
          assetConversion: p.asset_conversion,
        },
      ]),
    );
    const view = ordersQuoteView(
      {
        id: row.id,
        ownerId: row.owner_id,
        accountId: row.account_id,
        startDate: parseLocalDate(row.start_date),
        termMonths: row.term_months,
        fields: {},
      },
      lines,
    );
    const resolved = resolveQuote(view, catalog);
    if (!resolved.ok) throw ordersProblem(resolved.error);
    const serviceLevels = new Map<string, string>();
    for (const l of lines) {
      const level = l.fields['serviceLevel'];
      if (typeof level === 'string' && level.trim())
        serviceLevels.set(l.id, level.trim());
    }
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      accountId: row.account_id,
      ownerId: row.owner_id,
      status: row.status,
      orderBy: orderByOf(row.header),
      resolved: resolved.value,
      catalog,
      productNames: new Map(lines.map((l) => [l.id, l.productName])),
      serviceLevels,
      amendmentId: row.amendment_id,
    };
  }

  /** Refuses split paths that name nothing a line has: standard properties and defined line fields only. */
  static checkSplitPaths(
    paths: readonly string[],
    definitions: readonly FieldDefinition[],
  ): void {
    const lineFields = new Set(
      definitions.filter((d) => d.object === 'line').map((d) => d.name),
    );
    const errors = paths.flatMap((path, index) => {
      if ((STANDARD_SPLIT_PATHS as readonly string[]).includes(path)) return [];
      const m = /^fields\.([A-Za-z][A-Za-z0-9_]*)$/.exec(path);
      if (m && lineFields.has(m[1])) return [];
      return [
        {
          field: `by[${index}]`,
          message: `unknown split field '${path}': use ${STANDARD_SPLIT_PATHS.join(', ')} or fields.<line field>${lineFields.size ? ` (${[...lineFields].map((f) => `fields.${f}`).join(', ')})` : ''}`,
        },
      ];
    });
    if (errors.length > 0)
      throw new AppError(
        400,
        'unknown_split_field',
        'Invalid request',
        errors.map((e) => e.message).join('; '),
        { errors },
      );
  }
}
