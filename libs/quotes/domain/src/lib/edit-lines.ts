import { err, ok, type Result } from '@signet/shared-kernel';
import { type BundleCatalog, expandBundles } from './bundles';
import {
  definitionsOf,
  validateFieldValues,
  type FieldDefinition,
} from './custom-fields';
import {
  validateBundles,
  validateLineValues,
  withComponents,
} from './line-rules';
import {
  MAX_QUOTE_LINES,
  type LineDraft,
  type PricedLine,
  type PricedProduct,
  type QuoteHeader,
} from './model';
import { completeLine, priceLine } from './price-line';
import {
  MAX_REPORTED_VIOLATIONS,
  quotesError,
  type QuotesError,
  type Violation,
} from './quotes-error';
import { sameLine } from './same-line';

export interface LineChanges {
  /** Each replaces the whole line with its id, or adds a line. */
  readonly upsert: readonly LineDraft[];
  /** Ids to remove with their bundle components; unknown ids are ignored, so a retry is safe. */
  readonly remove: readonly string[];
}

export interface LineContext {
  readonly header: QuoteHeader;
  /** Products by id: at least every product the upserted lines name. */
  readonly catalog: ReadonlyMap<string, PricedProduct>;
  readonly fieldDefinitions: readonly FieldDefinition[];
  /** Bundle definitions: new bundle lines without components are expanded (see expandBundles). */
  readonly bundles?: BundleCatalog;
  /** Ids for component lines the expansion adds. */
  readonly newId?: () => string;
}

export interface LinesEdited {
  /** Every line of the quote after the change, in quote order. */
  readonly lines: readonly PricedLine[];
  /** Lines added or changed: the only ones to write. */
  readonly written: readonly PricedLine[];
  /** Ids removed, bundle components included. */
  readonly removed: readonly string[];
  readonly added: number;
  readonly updated: number;
}

function invalid(problems: Violation[]): QuotesError {
  return quotesError(
    'invalid_lines',
    `${problems.length} problem(s) with the lines: ${problems[0]?.message ?? ''}`,
    problems.slice(0, MAX_REPORTED_VIOLATIONS),
  );
}

/** Checks the upserted lines' values, fields and products, and prices them. */
function priceUpserts(
  current: ReadonlyMap<string, PricedLine>,
  changes: LineChanges,
  context: LineContext,
): Result<PricedLine[], Violation[]> {
  const lineFields = definitionsOf(context.fieldDefinitions, 'line');
  const removing = new Set(changes.remove);
  const problems: Violation[] = [];
  const priced: PricedLine[] = [];
  const seen = new Set<string>();
  for (const [index, draft] of changes.upsert.entries()) {
    const path = `upsert[${index}]`;
    problems.push(
      ...validateLineValues(draft, path),
      ...validateFieldValues(
        draft.fields,
        lineFields,
        'line',
        `${path}.fields`,
      ),
    );
    if (seen.has(draft.id))
      problems.push({
        field: `${path}.id`,
        message: `line id ${draft.id} appears twice`,
      });
    seen.add(draft.id);
    if (removing.has(draft.id))
      problems.push({
        field: `${path}.id`,
        message: `line ${draft.id} is both upserted and removed`,
      });
    const product = context.catalog.get(draft.productId);
    const keepsProduct = current.get(draft.id)?.productId === draft.productId;
    if (!product) {
      problems.push({
        field: `${path}.productId`,
        message: `no product ${draft.productId}`,
      });
      continue;
    }
    if (!product.active && !keepsProduct)
      problems.push({
        field: `${path}.productId`,
        message: `product ${product.sku} is no longer sold`,
      });
    const line = priceLine(
      completeLine(draft, product),
      context.header,
      product,
    );
    if (line) priced.push(line);
    else
      problems.push({
        field: `${path}.termMonths`,
        message: `recurring product ${product.sku} needs a term: on the line, the quote or the product`,
      });
    if (problems.length >= MAX_REPORTED_VIOLATIONS) break;
  }
  return problems.length > 0 ? err(problems) : ok(priced);
}

/**
 * Applies a bulk line change to a quote: validates, merges (upserts keep their place, new lines
 * go last), removes bundles whole, checks bundle structure over the result and prices what was
 * written. O(n) in the quote's lines, so a 10,000-line change is one pass.
 */
export function editLines(
  current: readonly PricedLine[],
  requested: LineChanges,
  context: LineContext,
): Result<LinesEdited, QuotesError> {
  const byId = new Map(current.map((line) => [line.id, line]));
  const changes: LineChanges =
    context.bundles && context.newId
      ? {
          ...requested,
          upsert: expandBundles(
            current,
            requested.upsert,
            context.bundles,
            context.newId,
          ),
        }
      : requested;
  const priced = priceUpserts(byId, changes, context);
  if (!priced.ok) return err(invalid(priced.error));

  const merged = new Map(byId);
  for (const line of priced.value) merged.set(line.id, line);
  const present = [...merged.values()];
  const removed = withComponents(
    present,
    new Set(changes.remove.filter((id) => merged.has(id))),
  );
  const lines = present.filter((line) => !removed.has(line.id));
  if (lines.length > MAX_QUOTE_LINES)
    return err(
      quotesError(
        'too_many_lines',
        `a quote holds at most ${MAX_QUOTE_LINES} lines; this change would leave ${lines.length}`,
      ),
    );

  const upsertIndex = new Map(changes.upsert.map((l, i) => [l.id, i]));
  const bundleProblems = validateBundles(lines, (id) =>
    upsertIndex.has(id) ? `upsert[${upsertIndex.get(id)}]` : `lines.${id}`,
  );
  if (bundleProblems.length > 0) return err(invalid(bundleProblems));

  const written = priced.value.filter((line) => {
    if (removed.has(line.id)) return false;
    const before = byId.get(line.id);
    return !before || !sameLine(before, line);
  });
  const added = written.filter((line) => !byId.has(line.id)).length;
  return ok({
    lines,
    written,
    removed: [...removed].filter((id) => byId.has(id)),
    added,
    updated: written.length - added,
  });
}

/**
 * Prices every line again under a changed header (start date or term), e.g. after PATCH.
 * Returns the lines whose prices or dates moved.
 */
export function repriceLines(
  current: readonly PricedLine[],
  header: QuoteHeader,
  catalog: ReadonlyMap<string, PricedProduct>,
): Result<{ lines: PricedLine[]; written: PricedLine[] }, QuotesError> {
  const lines: PricedLine[] = [];
  const written: PricedLine[] = [];
  const problems: Violation[] = [];
  for (const line of current) {
    const product = catalog.get(line.productId);
    const next = product ? priceLine(line, header, product) : null;
    if (!next) {
      problems.push({
        field: 'termMonths',
        message: `line ${line.id} (${line.sku}) is recurring and would have no term`,
      });
      if (problems.length >= MAX_REPORTED_VIOLATIONS) break;
      continue;
    }
    lines.push(next);
    if (!sameLine(line, next)) written.push(next);
  }
  if (problems.length > 0)
    return err(
      quotesError(
        'invalid_lines',
        'the change leaves lines that cannot be priced',
        problems,
      ),
    );
  return ok({ lines, written });
}
