import { Injectable } from '@nestjs/common';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { ChargeType, FieldValues, PricedLine } from '@signet/quotes-domain';
import type { EntityManager } from 'typeorm';

interface LineRow {
  id: string;
  position: number;
  product_id: string;
  sku: string;
  product_name: string;
  family: string | null;
  charge_type: ChargeType;
  quantity: string;
  list_unit_price: string;
  discount_percent: string;
  parent_id: string | null;
  line_group: string | null;
  start_date: string | null;
  term_months: number | null;
  starts_on: string;
  ends_on: string;
  term: number | null;
  list_total: string;
  net_total: string;
  fields: FieldValues;
  ship_to_location_id: string | null;
}

export interface StoredLine extends PricedLine {
  readonly position: number;
}

function fromRow(r: LineRow): StoredLine {
  return {
    id: r.id,
    position: r.position,
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    family: r.family,
    chargeType: r.charge_type,
    quantity: Decimal.of(r.quantity),
    listUnitPrice: Decimal.of(r.list_unit_price),
    discountPercent: Decimal.of(r.discount_percent),
    parentId: r.parent_id,
    group: r.line_group,
    startDate: r.start_date as LocalDate | null,
    termMonths: r.term_months,
    start: r.starts_on as LocalDate,
    end: r.ends_on as LocalDate,
    term: r.term,
    listTotal: Decimal.of(r.list_total),
    netTotal: Decimal.of(r.net_total),
    fields: r.fields,
    shipToLocationId: r.ship_to_location_id,
  };
}

/**
 * Quote lines are read and written set-based: one SELECT per quote, one INSERT … FROM unnest(…)
 * for any number of changed lines, one DELETE for removals. A 10,000-line change is three
 * statements, not ten thousand.
 */
@Injectable()
export class QuoteLinesRepository {
  async load(manager: EntityManager, quoteId: string): Promise<StoredLine[]> {
    const rows: LineRow[] = await manager.query(
      `SELECT id, position, product_id, sku, product_name, family, charge_type,
              quantity::text AS quantity, list_unit_price::text AS list_unit_price, discount_percent::text AS discount_percent,
              parent_id, line_group, to_char(start_date, 'YYYY-MM-DD') AS start_date, term_months,
              to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, term,
              list_total::text AS list_total, net_total::text AS net_total, fields, ship_to_location_id
         FROM quote_lines WHERE quote_id = $1 ORDER BY position, id`,
      [quoteId],
    );
    return rows.map(fromRow);
  }

  /** Inserts or replaces lines; `positionOf` places each one. */
  async write(manager: EntityManager, quoteId: string, lines: readonly PricedLine[], positionOf: (id: string) => number): Promise<void> {
    if (lines.length === 0) return;
    const col = <T>(pick: (l: PricedLine) => T) => lines.map(pick);
    await manager.query(
      `INSERT INTO quote_lines (quote_id, id, position, product_id, sku, product_name, family, charge_type, quantity, list_unit_price,
                                discount_percent, parent_id, line_group, start_date, term_months, starts_on, ends_on, term,
                                list_total, net_total, fields, ship_to_location_id)
       SELECT $1::uuid, * FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[],
                                      $10::numeric[], $11::numeric[], $12::uuid[], $13::text[], $14::date[], $15::int[], $16::date[],
                                      $17::date[], $18::int[], $19::numeric[], $20::numeric[], $21::jsonb[], $22::uuid[])
       ON CONFLICT (quote_id, id) DO UPDATE SET
         position = EXCLUDED.position, product_id = EXCLUDED.product_id, sku = EXCLUDED.sku, product_name = EXCLUDED.product_name,
         family = EXCLUDED.family, charge_type = EXCLUDED.charge_type, quantity = EXCLUDED.quantity,
         list_unit_price = EXCLUDED.list_unit_price, discount_percent = EXCLUDED.discount_percent, parent_id = EXCLUDED.parent_id,
         line_group = EXCLUDED.line_group, start_date = EXCLUDED.start_date, term_months = EXCLUDED.term_months,
         starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, term = EXCLUDED.term, list_total = EXCLUDED.list_total,
         net_total = EXCLUDED.net_total, fields = EXCLUDED.fields, ship_to_location_id = EXCLUDED.ship_to_location_id`,
      [
        quoteId,
        col((l) => l.id),
        col((l) => positionOf(l.id)),
        col((l) => l.productId),
        col((l) => l.sku),
        col((l) => l.productName),
        col((l) => l.family),
        col((l) => l.chargeType),
        col((l) => l.quantity.toString()),
        col((l) => l.listUnitPrice.toString()),
        col((l) => l.discountPercent.toString()),
        col((l) => l.parentId),
        col((l) => l.group),
        col((l) => l.startDate),
        col((l) => l.termMonths),
        col((l) => l.start),
        col((l) => l.end),
        col((l) => l.term),
        col((l) => l.listTotal.toFixed2()),
        col((l) => l.netTotal.toFixed2()),
        col((l) => JSON.stringify(l.fields)),
        col((l) => l.shipToLocationId ?? null),
      ],
    );
  }

  async remove(manager: EntityManager, quoteId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`DELETE FROM quote_lines WHERE quote_id = $1 AND id = ANY($2::uuid[])`, [quoteId, ids]);
  }
}
