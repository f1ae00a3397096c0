import { SettingsError } from '@signet/connector-core';
import { loadSettings } from './settings';

const sap = {
  SAP_BASE_URL: 'https://s4.example.com/sap/opu/odata/sap/API_SALES_ORDER_SRV/',
  SAP_SALES_ORGANIZATION: '1710',
  SAP_DISTRIBUTION_CHANNEL: '10',
  SAP_DIVISION: '00',
  SAP_ORDER_TYPE: 'OR',
};

describe('SAP connector settings', () => {
  it('is disabled without SAP_BASE_URL', () => {
    expect(loadSettings({}).sap).toBeNull();
  });

  it('reads Basic auth settings and trims the trailing slash of the service root', () => {
    expect(loadSettings({ ...sap, SAP_USERNAME: 'SIGNET', SAP_PASSWORD: 'pw' }).sap).toEqual({
      baseUrl: 'https://s4.example.com/sap/opu/odata/sap/API_SALES_ORDER_SRV',
      auth: { kind: 'basic', username: 'SIGNET', password: 'pw' },
      salesOrganization: '1710',
      distributionChannel: '10',
      division: '00',
      orderType: 'OR',
      pollIntervalMs: 60_000,
    });
  });

  it('prefers OAuth client credentials when they are given', () => {
    const s = loadSettings({ ...sap, SAP_TOKEN_URL: 'https://auth.example.com/oauth/token', SAP_CLIENT_ID: 'c', SAP_CLIENT_SECRET: 's' });
    expect(s.sap?.auth).toEqual({ kind: 'oauth', tokenUrl: 'https://auth.example.com/oauth/token', clientId: 'c', clientSecret: 's' });
  });

  it.each([
    ['no credentials', { ...sap }, 'SAP_USERNAME, SAP_PASSWORD are missing'],
    ['no sales area', { SAP_BASE_URL: sap.SAP_BASE_URL, SAP_USERNAME: 'u', SAP_PASSWORD: 'p' }, 'SAP_SALES_ORGANIZATION, SAP_DISTRIBUTION_CHANNEL, SAP_DIVISION, SAP_ORDER_TYPE are missing'],
    ['half an OAuth setup', { ...sap, SAP_CLIENT_ID: 'c' }, 'SAP_TOKEN_URL, SAP_CLIENT_SECRET are missing'],
    ['a bad URL', { ...sap, SAP_BASE_URL: 'not a url', SAP_USERNAME: 'u', SAP_PASSWORD: 'p' }, 'SAP_BASE_URL must be a URL'],
    ['a negative poll interval', { ...sap, SAP_USERNAME: 'u', SAP_PASSWORD: 'p', SAP_POLL_INTERVAL_MS: '-1' }, 'SAP_POLL_INTERVAL_MS must be a non-negative integer'],
    ['a bad timeout', { ...sap, SAP_USERNAME: 'u', SAP_PASSWORD: 'p', SAP_TIMEOUT_MS: '0' }, 'SAP_TIMEOUT_MS must be a positive integer'],
  ])('refuses %s, naming what is wrong', (_label, env, message) => {
    expect(() => loadSettings(env)).toThrow(SettingsError);
    expect(() => loadSettings(env)).toThrow(message);
  });

  it('reads the common connector settings', () => {
    expect(loadSettings({ SAP_CONCURRENCY: '2', SAP_TIMEOUT_MS: '5000', METRICS_PORT: '9464' }).core).toMatchObject({ concurrency: 2, requestTimeoutMs: 5000, metricsPort: 9464 });
  });
});
