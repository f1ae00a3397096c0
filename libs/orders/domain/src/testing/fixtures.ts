import { dec, parseLocalDate, unwrap } from '@signet/shared-kernel';
import type {
  ActionContext,
  Catalog,
  Product,
  Quote,
  QuoteLine,
  ResolvedQuote,
} from '../lib/model';
import { resolveQuote } from '../lib/resolve-quote';

/** Test data builders shared by this library's specs. */

export const ctx: ActionContext = {
  at: '2025-01-15T09:00:00Z',
  actor: 'tester',
};

export const products: Product[] = [
  {
    sku: 'HW',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('1000'),
    assetConversion: 'per-unit',
  },
  {
    sku: 'ACC',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('100'),
    assetConversion: 'per-line',
  },
  {
    sku: 'SVC',
    chargeType: 'one-time',
    revenue: 'point-in-time',
    ssp: dec('200'),
    assetConversion: 'none',
  },
  {
    sku: 'SUB',
    chargeType: 'recurring',
    revenue: 'ratable',
    ssp: dec('1200'),
    termMonths: 12,
  },
  {
    sku: 'SUP',
    chargeType: 'recurring',
    revenue: 'ratable',
    ssp: dec('600'),
    termMonths: 24,
  },
];

export const catalog: Catalog = new Map(products.map((p) => [p.sku, p]));

export interface LineSpec {
  id: string;
  sku?: string;
  quantity?: number;
  netTotal?: string;
  parent?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  termMonths?: number | null;
  group?: string | null;
  fields?: Record<string, unknown>;
}

export function line(spec: LineSpec): QuoteLine {
  return {
    id: spec.id,
    sku: spec.sku ?? 'HW',
    quantity: dec(spec.quantity ?? 1),
    netTotal: dec(spec.netTotal ?? '100.00'),
    parent: spec.parent ?? null,
    startDate: spec.startDate ? parseLocalDate(spec.startDate) : null,
    endDate: spec.endDate ? parseLocalDate(spec.endDate) : null,
    termMonths: spec.termMonths ?? null,
    group: spec.group ?? null,
    fields: spec.fields ?? {},
  };
}

export function quote(
  lines: LineSpec[],
  options: { startDate?: string; termMonths?: number | null; id?: string } = {},
): Quote {
  return {
    id: options.id ?? 'Q1',
    account: 'ACME',
    startDate: parseLocalDate(options.startDate ?? '2025-01-15'),
    termMonths: options.termMonths === undefined ? 12 : options.termMonths,
    lines: lines.map(line),
  };
}

export function resolved(
  lines: LineSpec[],
  options?: Parameters<typeof quote>[1],
): ResolvedQuote {
  return unwrap(resolveQuote(quote(lines, options), catalog));
}
