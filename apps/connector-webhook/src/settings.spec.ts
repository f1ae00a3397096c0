import { loadSettings, parseTargets, SettingsError } from './settings';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('parseTargets', () => {
  it('reads url|secret pairs and ignores blanks', () => {
    expect(parseTargets(` http://127.0.0.1:9/a|${SECRET}, ,https://erp.example/h?x=1|${SECRET}`)).toEqual([
      { url: 'http://127.0.0.1:9/a', secret: SECRET },
      { url: 'https://erp.example/h?x=1', secret: SECRET },
    ]);
  });

  it.each([
    ['no separator', 'http://x', "entry 1 must be 'url|secret'"],
    ['bad url', `nota url|${SECRET}`, "'nota url' is not a URL"],
    ['ftp', `ftp://x/y|${SECRET}`, 'only http and https'],
    ['bad secret', 'http://x|hunter2', 'whsec_<base64>'],
  ])('rejects %s', (_label, raw, message) => {
    expect(() => parseTargets(raw)).toThrow(SettingsError);
    expect(() => parseTargets(raw)).toThrow(message);
  });
});

describe('loadSettings', () => {
  it('has working defaults', () => {
    const s = loadSettings({});
    expect(s).toMatchObject({ core: { redisUrl: undefined, queuePrefix: 'signet', concurrency: 4, requestTimeoutMs: 10_000 }, targets: [] });
  });

  it('rejects a bad concurrency', () => {
    expect(() => loadSettings({ WEBHOOK_CONCURRENCY: '0' })).toThrow('WEBHOOK_CONCURRENCY must be a positive integer');
  });
});
