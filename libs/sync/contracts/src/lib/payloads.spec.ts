import { PayloadError, parsePingPayload, parseSyncResult, pingJobId } from './payloads';

describe('sync payloads', () => {
  const ping = { version: 1, pingId: 'p1', connector: 'webhook', requestedBy: 'u1', requestedAt: '2026-01-01T00:00:00Z' };
  const result = {
    version: 1, connector: 'webhook', objectType: 'ping', objectId: 'p1', jobId: 'j1',
    status: 'succeeded', attempts: 1, finishedAt: '2026-01-01T00:00:01Z',
  };

  it('accepts a valid ping', () => expect(parsePingPayload(ping)).toEqual(ping));

  it.each([
    ['not an object', 'x', 'payload must be an object'],
    ['wrong version', { ...ping, version: 2 }, 'unsupported ping payload version 2'],
    ['unknown connector', { ...ping, connector: 'oracle' }, "unknown connector 'oracle'"],
    ['missing id', { ...ping, pingId: '' }, 'pingId must be a non-empty string'],
  ])('rejects a ping with %s', (_label, input, message) => {
    expect(() => parsePingPayload(input)).toThrow(new PayloadError(message));
  });

  it('accepts a result with an error and keeps optional fields', () => {
    const parsed = parseSyncResult({ ...result, status: 'failed', error: { code: 'erp_validation', message: 'bad' }, erpId: 'E1' });
    expect(parsed.error).toEqual({ code: 'erp_validation', message: 'bad', detail: undefined });
    expect(parsed.erpId).toBe('E1');
  });

  it.each([
    ['unknown status', { ...result, status: 'done' }, "unknown status 'done'"],
    ['zero attempts', { ...result, attempts: 0 }, 'attempts must be a positive integer'],
    ['fractional attempts', { ...result, attempts: 1.5 }, 'attempts must be a positive integer'],
  ])('rejects a result with %s', (_label, input, message) => {
    expect(() => parseSyncResult(input)).toThrow(new PayloadError(message));
  });

  it('derives job ids from business keys', () => {
    expect(pingJobId('webhook', 'abc')).toBe('ping-webhook-abc');
  });
});
