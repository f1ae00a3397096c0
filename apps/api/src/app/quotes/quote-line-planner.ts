import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  editLines,
  type FieldDefinition,
  groupsForLines,
  type LinesEdited,
  type PricedLine,
  type PricedProduct,
  type QuoteGroup,
  type QuoteHeader,
  quotesError,
  type Violation,
} from '@signet/quotes-domain';
import { Decimal } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';
import { ProductEntity } from '../catalogue/product.entity';
import type { LineInputDto } from './dto/quote-line.dto';
import { draftOf, quotesProblem } from './quote-mapper';
import type { StoredLine } from './quote-lines.repository';
import { QuoteStructureRepository } from './quote-structure.repository';

export interface PlannedLines {
  readonly edited: LinesEdited;
  /** The quote's groups after the change (lines may declare new ones). */
  readonly groups: readonly QuoteGroup[];
  readonly groupsChanged: boolean;
}

export interface PlanOptions {
  /** Where the lines sit in the request: `upsert` (PUT lines) or `lines` (create). */
  readonly at: 'upsert' | 'lines';
  /** A line naming an undeclared group is refused instead of declaring it. */
  readonly strictGroups: boolean;
}

const toPriced = (p: ProductEntity): PricedProduct => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  family: p.family,
  chargeType: p.chargeType,
  listPrice: Decimal.of(p.listPrice),
  termMonths: p.termMonths,
  active: p.active,
});

/**
 * Turns a bulk line change into the domain's edit: resolves skus, bundle components and the
 * account's ship-to locations (a few set-based queries, whatever the line count), checks groups,
 * and runs `editLines`. Nothing is written here.
 */
@Injectable()
export class QuoteLinePlanner {
  constructor(private readonly structure: QuoteStructureRepository) {}

  async plan(
    manager: EntityManager,
    header: QuoteHeader,
    current: readonly StoredLine[],
    body: { upsert: readonly LineInputDto[]; remove: readonly string[] },
    definitions: readonly FieldDefinition[],
    options: PlanOptions,
  ): Promise<PlannedLines> {
    const declared = header.groups ?? [];
    if (body.upsert.length === 0 && body.remove.length === 0)
      return { edited: { lines: current, written: [], removed: [], added: 0, updated: 0 }, groups: declared, groupsChanged: false };
    const upsertIds = new Set(body.upsert.flatMap((l) => (l.id ? [l.id] : [])));
    // Components of roots being rescaled are re-priced too: their products join the catalogue.
    const rescaled = current.filter((l) => l.parentId !== null && upsertIds.has(l.parentId));
    const catalog = await this.catalogFor(manager, rescaled, body.upsert);
    const bySku = new Map([...catalog.values()].map((p) => [p.sku.toLowerCase(), p.id]));
    const problems: Violation[] = [];
    const drafts = body.upsert.map((input, index) => {
      const productId = input.productId ?? (input.sku ? bySku.get(input.sku.toLowerCase()) : undefined);
      if (!productId) problems.push({ field: `${options.at}[${index}].${input.sku ? 'sku' : 'productId'}`, message: input.sku ? `no product with sku ${input.sku}` : 'give productId or sku' });
      return draftOf(input, input.id ?? randomUUID(), productId ?? '');
    });
    problems.push(...(await this.checkShipTo(manager, header.accountId, drafts, options.at)));
    const grouped = groupsForLines(declared, drafts, options.strictGroups, (i) => `${options.at}[${i}]`);
    problems.push(...grouped.problems);
    if (problems.length > 0) throw quotesProblem(quotesError('invalid_lines', problems[0].message, problems.slice(0, 50)));

    const bundles = await this.structure.bundles(manager, drafts.map((d) => d.productId));
    const missing = [...bundles.values()].flat().map((c) => c.componentId).filter((id) => !catalog.has(id));
    if (missing.length > 0) for (const [id, p] of await this.catalogFor(manager, [], missing.map((productId) => ({ productId, quantity: '1' })))) catalog.set(id, p);
    const edited = editLines(current, { upsert: drafts, remove: body.remove }, {
      header: { ...header, groups: grouped.groups },
      catalog,
      fieldDefinitions: definitions,
      bundles,
      newId: randomUUID,
    });
    if (!edited.ok) throw quotesProblem(edited.error);
    return { edited: edited.value, groups: grouped.groups, groupsChanged: grouped.groups.length !== declared.length };
  }

  /** Products named by existing lines (by id) and by line inputs (by id or sku), in one query. */
  async catalogFor(manager: EntityManager, current: readonly PricedLine[], inputs: readonly Pick<LineInputDto, 'productId' | 'sku'>[]): Promise<Map<string, PricedProduct>> {
    const ids = [...new Set([...current.map((l) => l.productId), ...inputs.flatMap((i) => (i.productId ? [i.productId] : []))])];
    const skus = [...new Set(inputs.flatMap((i) => (!i.productId && i.sku ? [i.sku.toLowerCase()] : [])))];
    if (ids.length === 0 && skus.length === 0) return new Map();
    const rows = await manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.id = ANY(CAST(:ids AS uuid[])) OR lower(p.sku) = ANY(CAST(:skus AS text[]))', { ids, skus })
      .getMany();
    return new Map(rows.map((p) => [p.id, toPriced(p)]));
  }

  /** A line's ship-to must be a location of the quote's account. */
  private async checkShipTo(manager: EntityManager, accountId: string, drafts: readonly { shipToLocationId?: string | null }[], at: string): Promise<Violation[]> {
    if (!drafts.some((d) => d.shipToLocationId)) return [];
    const known = new Set((await this.structure.locations(manager, accountId)).map((l) => l.id));
    return drafts.flatMap((d, index) =>
      d.shipToLocationId && !known.has(d.shipToLocationId)
        ? [{ field: `${at}[${index}].shipToLocationId`, message: `location ${d.shipToLocationId} is not a ship-to location of the quote's account` }]
        : [],
    );
  }
}
