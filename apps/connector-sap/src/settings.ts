import { type CoreSettings, loadCoreSettings, SettingsError } from '@signet/connector-core';

export type SapAuth = { kind: 'basic'; username: string; password: string } | { kind: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string };

export interface SapSettings {
  /** The service root, ending in `/API_SALES_ORDER_SRV` (no trailing slash). */
  baseUrl: string;
  auth: SapAuth;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  orderType: string;
  /** Every how many ms the inbound poll reads deliveries (0: never). */
  pollIntervalMs: number;
}

export interface ConnectorSettings {
  core: CoreSettings;
  /** null: the connector is disabled (no SAP_BASE_URL). */
  sap: SapSettings | null;
}

function url(env: NodeJS.ProcessEnv, key: string): string {
  const value = (env[key] ?? '').trim();
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new SettingsError(`${key} must be a URL (got '${value}')`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SettingsError(`${key} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

function pollInterval(env: NodeJS.ProcessEnv): number {
  const raw = env['SAP_POLL_INTERVAL_MS'];
  if (raw === undefined || raw === '') return 60_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new SettingsError('SAP_POLL_INTERVAL_MS must be a non-negative integer');
  return value;
}

/** Reads DESIGN.md §4's SAP settings: absent SAP_BASE_URL disables the connector; a partial set is an error naming what is missing. */
export function loadSettings(env: NodeJS.ProcessEnv): ConnectorSettings {
  const core = loadCoreSettings(env, 'SAP');
  if (!env['SAP_BASE_URL']) return { core, sap: null };
  const baseUrl = url(env, 'SAP_BASE_URL');
  const required = ['SAP_SALES_ORGANIZATION', 'SAP_DISTRIBUTION_CHANNEL', 'SAP_DIVISION', 'SAP_ORDER_TYPE'];
  const oauth = Boolean(env['SAP_TOKEN_URL'] || env['SAP_CLIENT_ID'] || env['SAP_CLIENT_SECRET']);
  required.push(...(oauth ? ['SAP_TOKEN_URL', 'SAP_CLIENT_ID', 'SAP_CLIENT_SECRET'] : ['SAP_USERNAME', 'SAP_PASSWORD']));
  const missing = required.filter((key) => !env[key]);
  if (missing.length) throw new SettingsError(`SAP_BASE_URL is set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
  const value = (key: string) => (env[key] ?? '').trim();
  return {
    core,
    sap: {
      baseUrl,
      auth: oauth
        ? { kind: 'oauth', tokenUrl: url(env, 'SAP_TOKEN_URL'), clientId: value('SAP_CLIENT_ID'), clientSecret: env['SAP_CLIENT_SECRET'] ?? '' }
        : { kind: 'basic', username: value('SAP_USERNAME'), password: env['SAP_PASSWORD'] ?? '' },
      salesOrganization: value('SAP_SALES_ORGANIZATION'),
      distributionChannel: value('SAP_DISTRIBUTION_CHANNEL'),
      division: value('SAP_DIVISION'),
      orderType: value('SAP_ORDER_TYPE'),
      pollIntervalMs: pollInterval(env),
    },
  };
}
