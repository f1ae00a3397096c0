import { Decimal } from '@signet/shared-kernel';
import type { Violation } from './quotes-error';

/** A component of a bundle as the API receives it, before checking. */
export interface ComponentInput {
  readonly productId: string;
  readonly quantity: unknown;
}

/** Component edges already stored: bundle id → its component ids. */
export type ComponentGraph = ReadonlyMap<string, readonly string[]>;

const MAX_QUANTITY = Decimal.of('1e14');
export const MAX_COMPONENTS = 100;

/** Whether `target` can be reached from `start` by following component edges. */
function reaches(graph: ComponentGraph, start: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.get(id) ?? []));
  }
  return false;
}

function quantityProblem(quantity: unknown): string | null {
  const value =
    typeof quantity === 'string' || typeof quantity === 'number'
      ? Decimal.tryOf(quantity)
      : undefined;
  if (!value) return 'must be a decimal number';
  if (!value.isPositive()) return 'must be more than 0';
  if (!value.round(4).eq(value)) return 'must have at most 4 decimals';
  if (value.gte(MAX_QUANTITY)) return 'must be below 10^14';
  return null;
}

/**
 * Checks a bundle's new component list. `bundleId` is null for a product not yet created (it
 * cannot be part of a cycle then). `existing` holds the ids of products that exist; `graph` the
 * stored component edges reachable from the listed components.
 */
export function validateBundleComponents(
  bundleId: string | null,
  components: readonly ComponentInput[],
  existing: ReadonlySet<string>,
  graph: ComponentGraph,
  path = 'components',
): Violation[] {
  const problems: Violation[] = [];
  if (components.length > MAX_COMPONENTS)
    return [{ field: path, message: `a bundle holds at most ${MAX_COMPONENTS} components` }];
  const listed = new Set<string>();
  components.forEach((component, index) => {
    const at = `${path}.${index}`;
    const { productId } = component;
    if (productId === bundleId)
      problems.push({ field: `${at}.productId`, message: 'a bundle cannot contain itself' });
    else if (!existing.has(productId))
      problems.push({ field: `${at}.productId`, message: `no product with id ${productId}` });
    else if (listed.has(productId))
      problems.push({ field: `${at}.productId`, message: 'the product is listed twice' });
    else if (bundleId !== null && reaches(graph, productId, bundleId))
      problems.push({
        field: `${at}.productId`,
        message: 'that product is a bundle that contains this one, directly or through other bundles',
      });
    listed.add(productId);
    const problem = quantityProblem(component.quantity);
    if (problem) problems.push({ field: `${at}.quantity`, message: `quantity ${problem}` });
  });
  return problems;
}

/** The quantity to store: a normalised decimal string. */
export function componentQuantity(quantity: string | number): string {
  return Decimal.of(quantity).toString();
}
