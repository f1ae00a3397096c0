import { Injectable } from '@nestjs/common';
import type { BundleCatalog, QuoteGroup } from '@signet/quotes-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';

export interface AccountLocation {
  readonly id: string;
  readonly name: string;
}

/**
 * What a quote's structure reads besides its lines, each set-based: its groups, the bundle
 * components of the products it names (`product_components`) and its account's ship-to
 * locations (`account_locations`).
 */
@Injectable()
export class QuoteStructureRepository {
  async groups(manager: EntityManager, quoteId: string): Promise<QuoteGroup[]> {
    const rows: { name: string; start_date: string | null }[] = await manager.query(
      `SELECT name, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM quote_groups WHERE quote_id = $1 ORDER BY position, name`,
      [quoteId],
    );
    return rows.map((r) => ({ name: r.name, startDate: r.start_date as LocalDate | null }));
  }

  /** Replaces the quote's groups with `groups`, in that order. */
  async saveGroups(manager: EntityManager, quoteId: string, groups: readonly QuoteGroup[]): Promise<void> {
    await manager.query(`DELETE FROM quote_groups WHERE quote_id = $1`, [quoteId]);
    if (groups.length === 0) return;
    await manager.query(
      `INSERT INTO quote_groups (quote_id, name, start_date, position)
       SELECT $1::uuid, g.name, g.start_date, g.position FROM unnest($2::text[], $3::date[], $4::int[]) AS g(name, start_date, position)`,
      [quoteId, groups.map((g) => g.name), groups.map((g) => g.startDate), groups.map((_, i) => i)],
    );
  }

  /** Components of those of `productIds` that are bundles, in bundle order. */
  async bundles(manager: EntityManager, productIds: readonly string[]): Promise<BundleCatalog> {
    if (productIds.length === 0) return new Map();
    const rows: { bundle_id: string; component_id: string; quantity: string }[] = await manager.query(
      `SELECT bundle_id, component_id, quantity::text AS quantity FROM product_components
        WHERE bundle_id = ANY($1::uuid[]) ORDER BY bundle_id, position, component_id`,
      [[...new Set(productIds)]],
    );
    const catalog = new Map<string, { componentId: string; quantity: Decimal }[]>();
    for (const r of rows) {
      const list = catalog.get(r.bundle_id) ?? [];
      list.push({ componentId: r.component_id, quantity: Decimal.of(r.quantity) });
      catalog.set(r.bundle_id, list);
    }
    return catalog;
  }

  async locations(manager: EntityManager, accountId: string): Promise<AccountLocation[]> {
    return manager.query(`SELECT id, name FROM account_locations WHERE account_id = $1 ORDER BY position, name`, [accountId]);
  }
}
