import type { Violation } from './quotes-error';

/**
 * Account details that ERP connectors read: the account's id in each ERP, keyed by connector.
 * The rules follow what each ERP accepts, so a bad id fails here and not at sync time.
 */
export const EXTERNAL_ID_CONNECTORS = ['sap', 'netsuite', 'webhook'] as const;
export type ExternalIdConnector = (typeof EXTERNAL_ID_CONNECTORS)[number];
export type ExternalIds = Partial<Record<ExternalIdConnector, string>>;
/** A change: a string sets the id, null removes it, a missing key leaves it. */
export type ExternalIdsChange = Partial<Record<ExternalIdConnector, string | null>>;

/** SAP customer number (KUNNR, CHAR 10); NetSuite internal id (digits); a free key for webhooks. */
export const EXTERNAL_ID_RULES: Readonly<
  Record<ExternalIdConnector, { pattern: RegExp; message: string }>
> = {
  sap: {
    pattern: /^[A-Za-z0-9]{1,10}$/,
    message: 'must be an SAP customer number of 1 to 10 letters or digits',
  },
  netsuite: {
    pattern: /^[0-9]{1,18}$/,
    message: 'must be a NetSuite internal id (digits only)',
  },
  webhook: {
    pattern: /^\S(.{0,62}\S)?$/,
    message: 'must be a text of 1 to 64 characters without surrounding spaces',
  },
};

export const isExternalIdConnector = (key: string): key is ExternalIdConnector =>
  (EXTERNAL_ID_CONNECTORS as readonly string[]).includes(key);

/** Violations of a change, each naming `<path>.<connector>`. */
export function validateExternalIds(
  change: Record<string, unknown>,
  path = 'externalIds',
): Violation[] {
  const problems: Violation[] = [];
  for (const [key, value] of Object.entries(change)) {
    const field = `${path}.${key}`;
    if (!isExternalIdConnector(key)) {
      problems.push({
        field,
        message: `${key} is not a connector (use ${EXTERNAL_ID_CONNECTORS.join(', ')})`,
      });
    } else if (value !== null) {
      const rule = EXTERNAL_ID_RULES[key];
      if (typeof value !== 'string' || !rule.pattern.test(value))
        problems.push({ field, message: `${field} ${rule.message}` });
    }
  }
  return problems;
}

/** Applies a validated change: null removes a connector's id. */
export function mergeExternalIds(
  current: ExternalIds,
  change: ExternalIdsChange,
): ExternalIds {
  const next: ExternalIds = { ...current };
  for (const key of EXTERNAL_ID_CONNECTORS) {
    if (!(key in change)) continue;
    const value = change[key];
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Whether two id sets hold the same ids, ignoring key order. */
export function sameExternalIds(a: ExternalIds, b: ExternalIds): boolean {
  return EXTERNAL_ID_CONNECTORS.every((k) => a[k] === b[k]);
}
