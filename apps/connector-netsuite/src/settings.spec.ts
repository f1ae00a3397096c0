import { loadSettings, REQUIRED_SETTINGS, SettingsError } from './settings';

const FULL = {
  NETSUITE_BASE_URL: 'https://tstdrv1234567.suitetalk.api.netsuite.com/',
  NETSUITE_ACCOUNT: 'TSTDRV1234567',
  NETSUITE_CONSUMER_KEY: 'ck',
  NETSUITE_CONSUMER_SECRET: 'cs',
  NETSUITE_TOKEN_ID: 'tk',
  NETSUITE_TOKEN_SECRET: 'ts',
};

describe('loadSettings', () => {
  it('is disabled (null) when no NetSuite setting is present', () => {
    expect(loadSettings({ REDIS_URL: 'redis://x' })).toBeNull();
  });

  it('reads every setting, trims the base URL and defaults the timeout to 30 s', () => {
    expect(loadSettings(FULL)).toMatchObject({
      baseUrl: 'https://tstdrv1234567.suitetalk.api.netsuite.com',
      credentials: { account: 'TSTDRV1234567', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'tk', tokenSecret: 'ts' },
      core: { concurrency: 4, requestTimeoutMs: 30_000, queuePrefix: 'signet' },
    });
  });

  it.each(REQUIRED_SETTINGS.map((key) => [key]))('refuses a configuration without %s', (key) => {
    expect(() => loadSettings({ ...FULL, [key]: '' })).toThrow(new SettingsError(`missing ${key} (set all NetSuite settings or none)`));
  });

  it.each([
    ['not a URL', 'netsuite', 'is not a URL'],
    ['ftp', 'ftp://x.example', 'http or https'],
  ])('refuses a base URL that is %s', (_label, url, message) => {
    expect(() => loadSettings({ ...FULL, NETSUITE_BASE_URL: url })).toThrow(message);
  });

  it('reads NETSUITE_CONCURRENCY and NETSUITE_TIMEOUT_MS', () => {
    expect(loadSettings({ ...FULL, NETSUITE_CONCURRENCY: '2', NETSUITE_TIMEOUT_MS: '500' })?.core).toMatchObject({ concurrency: 2, requestTimeoutMs: 500 });
  });
});
