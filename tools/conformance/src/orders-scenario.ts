import {
  amendContract,
  contractOrders,
  entitlementsAsOf,
  sortContracts,
  type Contract,
} from '@signet/contracts-domain';
import {
  QuantityLedger,
  activateOrder,
  cancelOrder,
  draftOrdersFromPlan,
  findOrderByKey,
  fulfilOrderLine,
  planOrders,
  replaceOrders,
  resolveQuote,
  type ActionContext,
  type Catalog,
  type Order,
  type Product,
  type Quote,
  type QuoteLine,
  type ResolvedQuote,
} from '@signet/orders-domain';
import {
  deferredAt,
  revenueReport,
  type RevenueReport,
} from '@signet/revenue-domain';
import { Decimal, parseLocalDate, type LocalDate } from '@signet/shared-kernel';
import {
  scenarioStatus,
  type ScenarioResult,
  type ScenarioRunner,
  type StepOutcome,
} from './scenario-result';

/**
 * Runs `orders/*.json` scenarios (conformance README section 2) through the real orders, contracts
 * and revenue domain libraries. This file only loads JSON, calls the domain and compares results.
 */

type Json = Record<string, unknown>;

interface World {
  readonly catalog: Catalog;
  readonly quote: ResolvedQuote;
  readonly orders: readonly Order[];
  readonly contracts: readonly Contract[];
}

/** What a step produced besides the new world, for expectations that are about the step itself. */
interface Observed {
  amendedContractId?: string;
  entitlements?: ReadonlyMap<string, Decimal>;
  revenue?: RevenueReport;
}

interface StepError {
  code: string;
  message: string;
}

type StepResult =
  | { ok: true; world: World; observed: Observed }
  | { ok: false; error: StepError };

class LoadError extends Error {}

const CTX: ActionContext = { at: '2025-01-01T00:00:00Z', actor: 'conformance' };

// ---------------------------------------------------------------------------------------------
// Loading

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || v === '')
    throw new LoadError(`${what} must be a non-empty string`);
  return v;
}

function optDate(v: unknown, what: string): LocalDate | null {
  if (v === undefined || v === null) return null;
  return date(v, what);
}

function date(v: unknown, what: string): LocalDate {
  try {
    return parseLocalDate(v);
  } catch (e) {
    throw new LoadError(`${what}: ${(e as Error).message}`);
  }
}

function decimal(v: unknown, what: string): Decimal {
  const d =
    typeof v === 'string' || typeof v === 'number'
      ? Decimal.tryOf(v)
      : undefined;
  if (!d) throw new LoadError(`${what} must be a number or decimal string`);
  return d;
}

function optInt(v: unknown, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
    throw new LoadError(`${what} must be a positive whole number`);
  return v;
}

function loadCatalog(raw: unknown): Catalog {
  if (!Array.isArray(raw)) throw new LoadError('catalog must be an array');
  const products = raw.map((p: unknown, i): Product => {
    if (!isObject(p)) throw new LoadError(`catalog[${i}] must be an object`);
    const chargeType = p['chargeType'];
    const revenue = p['revenue'];
    const assetConversion = p['assetConversion'] ?? 'none';
    if (chargeType !== 'one-time' && chargeType !== 'recurring')
      throw new LoadError(`catalog[${i}].chargeType is invalid`);
    if (revenue !== 'point-in-time' && revenue !== 'ratable')
      throw new LoadError(`catalog[${i}].revenue is invalid`);
    if (
      assetConversion !== 'per-unit' &&
      assetConversion !== 'per-line' &&
      assetConversion !== 'none'
    ) {
      throw new LoadError(`catalog[${i}].assetConversion is invalid`);
    }
    return {
      sku: str(p['sku'], `catalog[${i}].sku`),
      chargeType,
      revenue,
      ssp:
        p['ssp'] === undefined || p['ssp'] === null
          ? null
          : decimal(p['ssp'], `catalog[${i}].ssp`),
      termMonths: optInt(p['termMonths'], `catalog[${i}].termMonths`),
      assetConversion,
    };
  });
  return new Map(products.map((p) => [p.sku, p]));
}

function loadQuote(raw: unknown): Quote {
  if (!isObject(raw)) throw new LoadError('quote must be an object');
  if (!Array.isArray(raw['lines']))
    throw new LoadError('quote.lines must be an array');
  const lines = raw['lines'].map((l: unknown, i): QuoteLine => {
    if (!isObject(l))
      throw new LoadError(`quote.lines[${i}] must be an object`);
    const what = `quote.lines[${i}]`;
    const fields = l['fields'] ?? {};
    if (!isObject(fields))
      throw new LoadError(`${what}.fields must be an object`);
    return {
      id: str(l['id'], `${what}.id`),
      sku: str(l['sku'], `${what}.sku`),
      quantity: decimal(l['quantity'], `${what}.quantity`),
      netTotal: decimal(l['netTotal'], `${what}.netTotal`),
      parent:
        l['parent'] === undefined || l['parent'] === null
          ? null
          : str(l['parent'], `${what}.parent`),
      startDate: optDate(l['startDate'], `${what}.startDate`),
      endDate: optDate(l['endDate'], `${what}.endDate`),
      termMonths: optInt(l['termMonths'], `${what}.termMonths`),
      group:
        l['group'] === undefined || l['group'] === null
          ? null
          : String(l['group']),
      fields,
    };
  });
  return {
    id: str(raw['id'], 'quote.id'),
    account: str(raw['account'], 'quote.account'),
    startDate: date(raw['startDate'], 'quote.startDate'),
    termMonths: optInt(raw['termMonths'], 'quote.termMonths'),
    lines,
  };
}

function loadWorld(scenario: Json): World {
  const catalog = loadCatalog(scenario['catalog']);
  const quote = resolveQuote(loadQuote(scenario['quote']), catalog);
  if (!quote.ok) throw new LoadError(`quote: ${quote.error.message}`);
  return { catalog, quote: quote.value, orders: [], contracts: [] };
}

// ---------------------------------------------------------------------------------------------
// Steps: each calls the domain and returns the next world, or the domain's error

const fail = (error: { code: string; message: string }): StepResult => ({
  ok: false,
  error: { code: error.code, message: error.message },
});
const done = (world: World, observed: Observed = {}): StepResult => ({
  ok: true,
  world,
  observed,
});

function orderByKey(
  world: World,
  key: unknown,
): { ok: true; order: Order } | { ok: false; result: StepResult } {
  const r = findOrderByKey(world.orders, str(key, 'order'));
  return r.ok
    ? { ok: true, order: r.value }
    : { ok: false, result: fail(r.error) };
}

function stringList(v: unknown, what: string): string[] {
  if (!Array.isArray(v)) throw new LoadError(`${what} must be an array`);
  return v.map((x, i) => str(x, `${what}[${i}]`));
}

function createOrders(world: World, step: Json): StepResult {
  const by =
    step['by'] === undefined
      ? undefined
      : typeof step['by'] === 'string'
        ? step['by']
        : stringList(step['by'], 'by');
  const lines =
    step['lines'] === undefined
      ? undefined
      : stringList(step['lines'], 'lines');
  const quantities = step['quantities'];
  if (quantities !== undefined && !isObject(quantities))
    throw new LoadError('quantities must be an object');
  const ledger = QuantityLedger.fromOrders(world.quote, world.orders);
  const plan = planOrders(world.quote, ledger, {
    by,
    lines,
    quantities: quantities as Record<string, string | number> | undefined,
  });
  if (!plan.ok) return fail(plan.error);
  const first = world.orders.length + 1;
  const drafts = draftOrdersFromPlan(world.quote, plan.value, {
    ...CTX,
    newId: (i) => `O${first + i}`,
    firstSequence: first,
  });
  return done({ ...world, orders: [...world.orders, ...drafts] });
}

function withOrder(
  world: World,
  step: Json,
  change: (order: Order) => ReturnType<typeof cancelOrder>,
): StepResult {
  const found = orderByKey(world, step['order']);
  if (!found.ok) return found.result;
  const r = change(found.order);
  return r.ok
    ? done({ ...world, orders: replaceOrders(world.orders, [r.value]) })
    : fail(r.error);
}

function contract(world: World, step: Json): StepResult {
  const orders: Order[] = [];
  for (const key of stringList(step['orders'], 'orders')) {
    const found = orderByKey(world, key);
    if (!found.ok) return found.result;
    orders.push(found.order);
  }
  const method = step['method'] ?? 'single';
  if (method !== 'single' && method !== 'by-end-date')
    throw new LoadError(`unknown contracting method ${String(method)}`);
  const first = world.contracts.length + 1;
  const r = contractOrders({
    quote: world.quote,
    orders,
    method,
    existing: world.contracts,
    newId: (i) => `C${first + i}`,
    firstSequence: first,
    ctx: CTX,
  });
  return r.ok
    ? done({ ...world, contracts: [...world.contracts, ...r.value] })
    : fail(r.error);
}

function amend(world: World, step: Json): StepResult {
  const index = step['contract'];
  if (typeof index !== 'number' || !Number.isInteger(index))
    throw new LoadError('contract must be an index');
  const target = sortContracts(world.contracts)[index];
  if (!target)
    return fail({
      code: 'unknown_contract',
      message: `no contract at index ${index}`,
    });
  const rawChanges = step['changes'];
  if (!Array.isArray(rawChanges))
    throw new LoadError('changes must be an array');
  const changes = rawChanges.map((c: unknown, i) => {
    if (!isObject(c)) throw new LoadError(`changes[${i}] must be an object`);
    return {
      sku: str(c['sku'], `changes[${i}].sku`),
      quantityDelta: decimal(c['quantityDelta'], `changes[${i}].quantityDelta`),
    };
  });
  const r = amendContract(target, {
    effective: date(step['effective'], 'effective'),
    changes,
    ctx: CTX,
  });
  if (!r.ok) return fail(r.error);
  return done(
    {
      ...world,
      contracts: world.contracts.map((c) =>
        c.id === r.value.id ? r.value : c,
      ),
    },
    { amendedContractId: target.id },
  );
}

function revenue(world: World, step: Json): StepResult {
  const allocation = step['allocation'] ?? 'relative-ssp';
  if (allocation !== 'relative-ssp' && allocation !== 'none')
    throw new LoadError(`unknown allocation ${String(allocation)}`);
  const report = revenueReport({
    quote: world.quote,
    orders: world.orders,
    contracts: world.contracts,
    allocation,
  });
  return done(world, { revenue: report });
}

function runStep(world: World, step: Json): StepResult {
  switch (step['action']) {
    case 'createOrders':
      return createOrders(world, step);
    case 'activate':
      return withOrder(world, step, (o) =>
        activateOrder(o, date(step['on'], 'on'), CTX),
      );
    case 'fulfill':
      return withOrder(world, step, (o) =>
        fulfilOrderLine(
          o,
          {
            lineId: str(step['line'], 'line'),
            quantity: decimal(step['quantity'], 'quantity'),
            on: date(step['on'], 'on'),
          },
          CTX,
        ),
      );
    case 'cancel':
      return withOrder(world, step, (o) => cancelOrder(o, CTX));
    case 'contract':
      return contract(world, step);
    case 'amend':
      return amend(world, step);
    case 'entitlements':
      return done(world, {
        entitlements: entitlementsAsOf(
          world.contracts,
          date(step['asOf'], 'asOf'),
        ),
      });
    case 'revenue':
      return revenue(world, step);
    default:
      throw new LoadError(`unknown action ${JSON.stringify(step['action'])}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Expectations: partial keys, arrays compared as sets, amounts to the cent

type Kind = 'text' | 'quantity' | 'amount' | 'quantities' | { set: Schema };
interface Schema {
  readonly [field: string]: Kind;
}
type View = Readonly<Record<string, unknown>>;

const ORDER: Schema = {
  key: 'text',
  lines: 'quantities',
  effectiveDate: 'text',
  status: 'text',
  activatedOn: 'text',
};
const SUBSCRIPTION: Schema = {
  sku: 'text',
  quantity: 'quantity',
  start: 'text',
  end: 'text',
  netTotal: 'amount',
};
const ASSET: Schema = { sku: 'text', quantity: 'quantity', count: 'quantity' };
const DELTA: Schema = {
  sku: 'text',
  quantity: 'quantity',
  start: 'text',
  end: 'text',
  netTotal: 'amount',
};
const CONTRACT: Schema = {
  start: 'text',
  end: 'text',
  subscriptions: { set: SUBSCRIPTION },
  assets: { set: ASSET },
  deltas: { set: DELTA },
};

const show = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x instanceof Map ? Object.fromEntries(x) : x,
  );

function orderView(o: Order): View {
  return {
    key: o.key,
    status: o.status,
    effectiveDate: o.effectiveDate,
    activatedOn: o.activatedOn,
    lines: Object.fromEntries(o.lines.map((l) => [l.lineId, l.quantity])),
  };
}

function contractView(c: Contract): View {
  const assets = new Map<
    string,
    { sku: string; quantity: Decimal; count: number }
  >();
  for (const a of c.assets) {
    const k = `${a.sku}\u0000${a.quantity.toString()}`;
    const entry = assets.get(k) ?? {
      sku: a.sku,
      quantity: a.quantity,
      count: 0,
    };
    entry.count += 1;
    assets.set(k, entry);
  }
  return {
    start: c.start,
    end: c.end,
    subscriptions: c.subscriptions.map((s) => ({
      sku: s.sku,
      quantity: s.quantity,
      start: s.start,
      end: s.end,
      netTotal: s.netTotal,
    })),
    assets: [...assets.values()].map((a) => ({
      ...a,
      count: Decimal.of(a.count),
    })),
    deltas: c.deltas.map((d) => ({
      sku: d.sku,
      quantity: d.quantity,
      start: d.start,
      end: d.end,
      netTotal: d.netTotal,
    })),
  };
}

function diffValue(
  expected: unknown,
  actual: unknown,
  kind: Kind,
): string | undefined {
  if (typeof kind === 'object')
    return diffSet(expected, actual as View[], kind.set);
  if (kind === 'text')
    return expected === (actual ?? null)
      ? undefined
      : `expected ${show(expected)}, got ${show(actual)}`;
  if (kind === 'quantities') {
    if (!isObject(expected))
      return `expected an object of quantities, got ${show(expected)}`;
    const got = actual as Record<string, Decimal>;
    const same =
      Object.keys(expected).length === Object.keys(got).length &&
      Object.entries(expected).every(
        ([k, v]) =>
          got[k] !== undefined && Decimal.tryOf(v)?.eq(got[k]) === true,
      );
    return same ? undefined : `expected ${show(expected)}, got ${show(got)}`;
  }
  const want = Decimal.tryOf(expected);
  const got = actual instanceof Decimal ? actual : undefined;
  if (!want || !got) return `expected ${show(expected)}, got ${show(actual)}`;
  const equal =
    kind === 'amount' ? want.round2().eq(got.round2()) : want.eq(got);
  return equal ? undefined : `expected ${show(expected)}, got ${show(got)}`;
}

function diffEntity(
  expected: unknown,
  actual: View,
  schema: Schema,
): string | undefined {
  if (!isObject(expected)) return `expected an object, got ${show(expected)}`;
  for (const [field, want] of Object.entries(expected)) {
    const kind = schema[field];
    if (kind === undefined) return `unknown expectation field "${field}"`;
    const d = diffValue(want, actual[field], kind);
    if (d) return `${field}: ${d}`;
  }
  return undefined;
}

/** One-to-one matching of expected to actual entries (Kuhn's augmenting paths; sizes are small). */
function diffSet(
  expected: unknown,
  actual: readonly View[],
  schema: Schema,
): string | undefined {
  if (!Array.isArray(expected))
    return `expected an array, got ${show(expected)}`;
  if (expected.length !== actual.length)
    return `expected ${expected.length} entries, got ${actual.length}: ${show(actual)}`;
  const fits = expected.map((e) =>
    actual.map((a) => diffEntity(e, a, schema) === undefined),
  );
  const owner: number[] = actual.map(() => -1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < actual.length; j += 1) {
      if (!fits[i][j] || seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i += 1) {
    if (
      !tryAssign(
        i,
        actual.map(() => false),
      )
    ) {
      const nearest = actual
        .map((a) => diffEntity(expected[i], a, schema))
        .find((d) => d !== undefined);
      return `no match for ${show(expected[i])}${nearest ? ` (e.g. ${nearest})` : ''}; actual ${show(actual)}`;
    }
  }
  return undefined;
}

/** Amounts per key, to the cent; with `exactKeys` the key sets must be equal too. */
function diffAmounts(
  expected: unknown,
  actual: (key: string) => Decimal | undefined,
  actualKeys: readonly string[] | null,
): string | undefined {
  if (!isObject(expected)) return `expected an object, got ${show(expected)}`;
  if (actualKeys) {
    const missing = Object.keys(expected).filter(
      (k) => !actualKeys.includes(k),
    );
    const extra = actualKeys.filter((k) => !(k in expected));
    if (missing.length || extra.length) {
      return `keys differ: missing ${show(missing)}, unexpected ${show(extra)}`;
    }
  }
  const wrong = Object.entries(expected)
    .map(([k, v]) => ({ k, d: diffValue(v, actual(k), 'amount') }))
    .filter((x) => x.d !== undefined);
  return wrong.length
    ? wrong.map((w) => `${w.k} ${w.d}`).join(', ')
    : undefined;
}

function diffRevenue(
  key: string,
  want: unknown,
  report: RevenueReport,
): string | undefined {
  switch (key) {
    case 'allocated': {
      const byLine = new Map(report.lines.map((l) => [l.lineId, l.allocated]));
      return diffAmounts(want, (k) => byLine.get(k), [...byLine.keys()]);
    }
    case 'byPeriod':
      return diffAmounts(want, (k) => report.byPeriod.get(k), [
        ...report.byPeriod.keys(),
      ]);
    case 'total':
      return diffValue(want, report.total, 'amount');
    case 'deferredAt':
      return diffAmounts(
        want,
        (k) => deferredAt(report, date(k, 'deferredAt')),
        null,
      );
    default:
      return `unknown expectation "${key}"`;
  }
}

function checkExpectations(
  expect: unknown,
  world: World,
  observed: Observed,
): string[] {
  if (!isObject(expect)) return ['expect must be an object'];
  const problems: string[] = [];
  for (const [key, want] of Object.entries(expect)) {
    let d: string | undefined;
    if (key === 'orders') {
      d = diffSet(
        want,
        world.orders.filter((o) => o.status !== 'cancelled').map(orderView),
        ORDER,
      );
    } else if (key === 'contracts') {
      d = diffSet(
        want,
        sortContracts(world.contracts).map(contractView),
        CONTRACT,
      );
    } else if (key === 'deltas') {
      const amended = world.contracts.find(
        (c) => c.id === observed.amendedContractId,
      );
      d = amended
        ? diffSet(want, contractView(amended)['deltas'] as View[], DELTA)
        : 'deltas are only checked after amend';
    } else if (observed.revenue) {
      d = diffRevenue(key, want, observed.revenue);
    } else if (observed.entitlements) {
      d = diffValue(
        want,
        observed.entitlements.get(key) ?? Decimal.ZERO,
        'quantity',
      );
    } else {
      d = `unknown expectation "${key}"`;
    }
    if (d) problems.push(`${key}: ${d}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The runner

/** A canonical snapshot of the world, to prove a failed step changed nothing. */
const snapshot = (world: World): string =>
  show({ orders: world.orders, contracts: world.contracts });

function runOne(
  world: World,
  step: Json,
): { world: World; outcome: Omit<StepOutcome, 'index' | 'action'> } {
  const before = snapshot(world);
  const result = runStep(world, step);
  const expectError = step['expectError'];
  if (expectError !== undefined) {
    if (result.ok)
      return {
        world: result.world,
        outcome: {
          status: 'failed',
          message: `expected error ${String(expectError)}, but the step succeeded`,
        },
      };
    if (result.error.code !== expectError) {
      return {
        world,
        outcome: {
          status: 'failed',
          message: `expected error ${String(expectError)}, got ${result.error.code}: ${result.error.message}`,
        },
      };
    }
    if (snapshot(world) !== before)
      return {
        world,
        outcome: {
          status: 'failed',
          message: 'the failed step changed the state',
        },
      };
    const problems =
      step['expect'] === undefined
        ? []
        : checkExpectations(step['expect'], world, {});
    return {
      world,
      outcome: problems.length
        ? { status: 'failed', message: problems.join('; ') }
        : { status: 'passed' },
    };
  }
  if (!result.ok)
    return {
      world,
      outcome: {
        status: 'failed',
        message: `unexpected error ${result.error.code}: ${result.error.message}`,
      },
    };
  const problems =
    step['expect'] === undefined
      ? []
      : checkExpectations(step['expect'], result.world, result.observed);
  return {
    world: result.world,
    outcome: problems.length
      ? { status: 'failed', message: problems.join('; ') }
      : { status: 'passed' },
  };
}

export const runOrdersScenario: ScenarioRunner = (
  scenario: unknown,
  file: string,
): ScenarioResult => {
  const name =
    isObject(scenario) && typeof scenario['name'] === 'string'
      ? scenario['name']
      : file;
  const steps: StepOutcome[] = [];
  let world: World;
  try {
    if (!isObject(scenario))
      throw new LoadError('a scenario must be an object');
    if (!Array.isArray(scenario['steps']))
      throw new LoadError('steps must be an array');
    world = loadWorld(scenario);
  } catch (e) {
    const error =
      e instanceof LoadError
        ? e.message
        : `load failed: ${(e as Error).message}`;
    return { file, name, status: 'failed', steps, error };
  }
  for (const [index, raw] of (scenario['steps'] as unknown[]).entries()) {
    const action =
      isObject(raw) && typeof raw['action'] === 'string'
        ? raw['action']
        : 'unknown';
    try {
      if (!isObject(raw)) throw new LoadError('a step must be an object');
      const r = runOne(world, raw);
      world = r.world;
      steps.push({ index, action, ...r.outcome });
    } catch (e) {
      const message =
        e instanceof LoadError
          ? `bad step: ${e.message}`
          : `crashed: ${(e as Error).stack ?? String(e)}`;
      steps.push({ index, action, status: 'failed', message });
    }
  }
  return { file, name, status: scenarioStatus(steps), steps };
};
