import { type CoreSettings, loadCoreSettings, SettingsError } from '@signet/connector-core';

export { SettingsError } from '@signet/connector-core';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface ConnectorSettings {
  core: CoreSettings;
  targets: WebhookTarget[];
}

/**
 * WEBHOOK_TARGETS is a comma-separated list of `url|secret` pairs; secrets use the Standard
 * Webhooks form `whsec_<base64>`.
 */
export function parseTargets(raw: string): WebhookTarget[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry, index) => {
      const separator = entry.lastIndexOf('|');
      if (separator < 0) throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1} must be 'url|secret'`);
      const url = entry.slice(0, separator).trim();
      const secret = entry.slice(separator + 1).trim();
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: '${url}' is not a URL`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: only http and https URLs are supported`);
      }
      if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret)) {
        throw new SettingsError(`WEBHOOK_TARGETS entry ${index + 1}: the secret must look like whsec_<base64>`);
      }
      return { url, secret };
    });
}

export function loadSettings(env: NodeJS.ProcessEnv): ConnectorSettings {
  return {
    core: loadCoreSettings(env, 'WEBHOOK', { concurrency: 4, requestTimeoutMs: 10_000 }),
    targets: parseTargets(env['WEBHOOK_TARGETS'] ?? ''),
  };
}
