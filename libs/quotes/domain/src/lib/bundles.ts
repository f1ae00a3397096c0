import type { Decimal } from '@signet/shared-kernel';
import type { LineDraft, LineInput } from './model';

/** One component of a bundle product with its quantity per bundle unit. */
export interface BundleComponent {
  readonly componentId: string;
  readonly quantity: Decimal;
}

/** Components by bundle product id, in bundle order; products that are not bundles are absent. */
export type BundleCatalog = ReadonlyMap<string, readonly BundleComponent[]>;

type ExistingLine = Pick<
  LineInput,
  'id' | 'productId' | 'quantity' | 'parentId'
> &
  Partial<LineInput>;

/** Component quantities have 4 decimals (numeric(18,4)). */
const QUANTITY_PLACES = 4;

function componentDraft(
  root: LineDraft,
  component: BundleComponent,
  id: string,
): LineDraft {
  return {
    id,
    productId: component.componentId,
    quantity: component.quantity.mul(root.quantity).round(QUANTITY_PLACES),
    discountPercent: root.discountPercent ?? null,
    parentId: root.id,
    group: root.group,
    startDate: root.startDate,
    termMonths: root.termMonths,
    shipToLocationId: root.shipToLocationId ?? null,
    fields: {},
  };
}

/**
 * Bundles on a quote, applied to a bulk upsert before it is priced:
 * - a new line of a bundle product with no components given (no line of the request or the
 *   quote names it as parent) gets one component line per bundle component, `parentId` = the
 *   root, quantity = component quantity × root quantity, and the root's group, dates, term,
 *   ship-to and discount;
 * - an existing root whose quantity changes rescales its components that the request leaves
 *   alone: a component of the bundle's definition to component quantity × new root quantity,
 *   any other child by the ratio new ÷ old;
 * - removing a root removes its components (`withComponents`, in `editLines`).
 * Returns the upserts with the added and rescaled component lines after them. O(lines).
 */
export function expandBundles(
  current: readonly ExistingLine[],
  upsert: readonly LineDraft[],
  bundles: BundleCatalog,
  newId: () => string,
): LineDraft[] {
  const currentById = new Map(current.map((l) => [l.id, l]));
  const upsertIds = new Set(upsert.map((l) => l.id));
  const childrenOf = new Map<string, ExistingLine[]>();
  const hasChild = new Set<string>();
  for (const line of upsert) if (line.parentId) hasChild.add(line.parentId);
  for (const line of current) {
    if (!line.parentId || upsertIds.has(line.id)) continue;
    hasChild.add(line.parentId);
    const list = childrenOf.get(line.parentId) ?? [];
    list.push(line);
    childrenOf.set(line.parentId, list);
  }
  const added: LineDraft[] = [];
  for (const root of upsert) {
    const components = bundles.get(root.productId);
    const before = currentById.get(root.id);
    if (!before) {
      if (!components || components.length === 0 || hasChild.has(root.id))
        continue;
      for (const component of components)
        added.push(componentDraft(root, component, newId()));
      continue;
    }
    if (before.quantity.eq(root.quantity)) continue;
    const perUnit = new Map(
      (components ?? []).map((c) => [c.componentId, c.quantity]),
    );
    for (const child of childrenOf.get(root.id) ?? []) {
      const unit = perUnit.get(child.productId);
      const quantity = (
        unit
          ? unit.mul(root.quantity)
          : child.quantity.mul(root.quantity).div(before.quantity)
      ).round(QUANTITY_PLACES);
      added.push({
        id: child.id,
        productId: child.productId,
        quantity,
        listUnitPrice: child.listUnitPrice ?? null,
        discountPercent: child.discountPercent ?? null,
        parentId: child.parentId,
        group: child.group ?? null,
        startDate: child.startDate ?? null,
        termMonths: child.termMonths ?? null,
        shipToLocationId: child.shipToLocationId ?? null,
        fields: child.fields ?? {},
      });
    }
  }
  return [...upsert, ...added];
}
