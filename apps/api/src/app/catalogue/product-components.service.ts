import { Injectable } from '@nestjs/common';
import { componentQuantity, validateBundleComponents } from '@signet/quotes-domain';
import type { EntityManager } from 'typeorm';
import { invalidInput } from '../common/app-error';
import type { ProductComponentDto, ProductComponentInputDto } from './dto/product-component.dto';
import { ProductComponentEntity } from './product-component.entity';

interface ComponentRow {
  bundle_id: string;
  component_id: string;
  sku: string;
  name: string;
  quantity: string;
}

/** Bundles: the components of products, read in one query per page and replaced as a whole. */
@Injectable()
export class ProductComponentsService {
  /** Components of each given product, in their order, with sku and name. */
  async of(manager: EntityManager, productIds: readonly string[]): Promise<Map<string, ProductComponentDto[]>> {
    const byBundle = new Map<string, ProductComponentDto[]>();
    if (productIds.length === 0) return byBundle;
    const rows = (await manager.query(
      `SELECT pc.bundle_id, pc.component_id, p.sku, p.name, pc.quantity::text AS quantity
         FROM product_components pc JOIN products p ON p.id = pc.component_id
        WHERE pc.bundle_id = ANY($1::uuid[]) ORDER BY pc.position, p.sku`,
      [productIds],
    )) as ComponentRow[];
    for (const row of rows) {
      const list = byBundle.get(row.bundle_id) ?? [];
      list.push({ productId: row.component_id, sku: row.sku, name: row.name, quantity: componentQuantity(row.quantity) });
      byBundle.set(row.bundle_id, list);
    }
    return byBundle;
  }

  /**
   * Replaces a bundle's components inside the caller's transaction, or throws a 400 naming the
   * entry. Returns whether the list changed. The table lock serialises bundle edits, so two
   * concurrent edits cannot each add one half of a cycle.
   */
  async replace(manager: EntityManager, bundleId: string, components: readonly ProductComponentInputDto[]): Promise<boolean> {
    await manager.query('LOCK TABLE product_components IN SHARE ROW EXCLUSIVE MODE');
    const ids = [...new Set(components.map((c) => c.productId))];
    const existing = new Set(
      ((await manager.query('SELECT id FROM products WHERE id = ANY($1::uuid[])', [ids])) as { id: string }[]).map((r) => r.id),
    );
    const edges = (await manager.query(
      `WITH RECURSIVE reach(bundle_id, component_id) AS (
         SELECT bundle_id, component_id FROM product_components WHERE bundle_id = ANY($1::uuid[])
         UNION
         SELECT pc.bundle_id, pc.component_id FROM product_components pc JOIN reach r ON pc.bundle_id = r.component_id
       ) SELECT bundle_id, component_id FROM reach`,
      [ids],
    )) as { bundle_id: string; component_id: string }[];
    const graph = new Map<string, string[]>();
    for (const edge of edges) graph.set(edge.bundle_id, [...(graph.get(edge.bundle_id) ?? []), edge.component_id]);
    const problems = validateBundleComponents(bundleId, components, existing, graph);
    if (problems.length > 0) throw invalidInput([...problems], `Invalid fields: ${[...new Set(problems.map((p) => p.field))].join(', ')}.`);

    const repo = manager.getRepository(ProductComponentEntity);
    const before = await repo.find({ where: { bundleId }, order: { position: 'ASC' } });
    const next = components.map((c, position) => ({ bundleId, componentId: c.productId, quantity: componentQuantity(c.quantity), position }));
    const same =
      before.length === next.length &&
      before.every((b, i) => b.componentId === next[i].componentId && componentQuantity(b.quantity) === next[i].quantity);
    if (same) return false;
    await repo.delete({ bundleId });
    if (next.length > 0) await repo.insert(next);
    return true;
  }
}
