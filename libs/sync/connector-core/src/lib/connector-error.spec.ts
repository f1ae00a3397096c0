import { PayloadError } from '@signet/sync-contracts';
import { classifyHttpStatus, ConnectorError, ErrorCode, toConnectorError } from './connector-error';

describe('classifyHttpStatus', () => {
  it.each([
    [200, null],
    [201, null],
    [204, null],
    [304, null],
    [400, { kind: 'unrecoverable', code: ErrorCode.Validation }],
    [422, { kind: 'unrecoverable', code: ErrorCode.Validation }],
    [401, { kind: 'unrecoverable', code: ErrorCode.Unauthorized }],
    [403, { kind: 'unrecoverable', code: ErrorCode.Unauthorized }],
    [404, { kind: 'unrecoverable', code: ErrorCode.NotFound }],
    [408, { kind: 'retryable', code: ErrorCode.Timeout }],
    [409, { kind: 'retryable', code: ErrorCode.Conflict }],
    [412, { kind: 'retryable', code: ErrorCode.Conflict }],
    [429, { kind: 'rate-limited', code: ErrorCode.RateLimited }],
    [500, { kind: 'retryable', code: ErrorCode.Unavailable }],
    [502, { kind: 'retryable', code: ErrorCode.Unavailable }],
    [503, { kind: 'retryable', code: ErrorCode.Unavailable }],
    [504, { kind: 'retryable', code: ErrorCode.Unavailable }],
  ])('HTTP %i → %j', (status, expected) => {
    expect(classifyHttpStatus(status)).toEqual(expected);
  });
});

describe('toConnectorError', () => {
  it('keeps a ConnectorError as it is', () => {
    const error = new ConnectorError('unrecoverable', 'missing_erp_id', 'no SAP id', { account: 'a1' });
    expect(toConnectorError(error)).toBe(error);
    expect(error.toNormalised()).toEqual({ code: 'missing_erp_id', message: 'no SAP id', detail: { account: 'a1' } });
  });

  it('makes a payload error unrecoverable', () => {
    expect(toConnectorError(new PayloadError('sequence must be a positive integer'))).toMatchObject({ kind: 'unrecoverable', code: ErrorCode.InvalidPayload });
  });

  it('retries anything unexpected', () => {
    expect(toConnectorError(new TypeError('x is undefined'))).toMatchObject({ kind: 'retryable', code: ErrorCode.Internal, message: 'x is undefined' });
    expect(toConnectorError('boom')).toMatchObject({ kind: 'retryable', message: 'boom' });
  });

  it('omits detail when there is none', () => {
    expect(new ConnectorError('retryable', 'erp_timeout', 'late').toNormalised()).toEqual({ code: 'erp_timeout', message: 'late' });
  });
});
