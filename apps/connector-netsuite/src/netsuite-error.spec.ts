import { normaliseNetsuiteError } from './netsuite-error';

const NOW = new Date('2026-11-28T12:00:00Z');

function body(status: number, code: string, detail: string, path?: string): string {
  return JSON.stringify({
    type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
    title: 'Bad Request',
    status,
    'o:errorDetails': [{ detail, 'o:errorCode': code, ...(path ? { 'o:errorPath': path } : {}) }],
  });
}

describe('normaliseNetsuiteError', () => {
  it.each([
    ['unknown customer', 400, body(400, 'INVALID_KEY_OR_REF', "Invalid entity reference key '12x'.", 'entity'), null, 'unrecoverable', 'erp_validation', "Invalid entity reference key '12x'."],
    ['missing lines', 400, body(400, 'USER_ERROR', 'You must enter at least one line item for this transaction.'), null, 'unrecoverable', 'erp_validation', 'You must enter at least one line item for this transaction.'],
    ['bad credentials', 401, body(401, 'INVALID_LOGIN', 'Invalid login attempt.'), null, 'unrecoverable', 'erp_unauthorized', 'Invalid login attempt.'],
    ['server error', 500, body(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.'), null, 'retryable', 'erp_unavailable', 'An unexpected error occurred.'],
    ['gateway error without a body', 502, '<html>Bad gateway</html>', null, 'retryable', 'erp_unavailable', 'NetSuite answered HTTP 502'],
    ['record changed meanwhile', 409, body(409, 'RCRD_HAS_BEEN_CHANGED', 'Record has been changed.'), null, 'retryable', 'erp_conflict', 'Record has been changed.'],
    ['429 with Retry-After', 429, body(429, 'SSS_REQUEST_LIMIT_EXCEEDED', 'Request limit exceeded.'), '7', 'rate-limited', 'erp_rate_limited', 'Request limit exceeded.'],
    ['concurrency limit as 429', 429, body(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded.'), null, 'rate-limited', 'erp_rate_limited', 'Concurrent request limit exceeded.'],
    ['concurrency limit as 400', 400, body(400, 'WS_CONCUR_SESSION_DISALLWD', 'Only one request may be made against a session at a time.'), null, 'rate-limited', 'erp_rate_limited', 'Only one request may be made against a session at a time.'],
  ])('%s', (_label, status, text, retryAfter, kind, code, message) => {
    const error = normaliseNetsuiteError(status, text, retryAfter, NOW);
    expect({ kind: error.kind, code: error.code, message: error.message }).toEqual({ kind, code, message });
    expect(error.toNormalised().detail).toMatchObject({ httpStatus: status });
  });

  it("keeps NetSuite's own code, path and body in the detail", () => {
    const error = normaliseNetsuiteError(400, body(400, 'INVALID_KEY_OR_REF', 'Invalid entity.', 'entity'), null, NOW);
    expect(error.detail).toEqual({
      httpStatus: 400,
      erpCode: 'INVALID_KEY_OR_REF',
      netsuite: { type: expect.any(String), title: 'Bad Request', status: 400, details: [{ detail: 'Invalid entity.', errorCode: 'INVALID_KEY_OR_REF', errorPath: 'entity' }] },
    });
  });

  it.each([
    ['seconds', '7', 7_000],
    ['an HTTP date', 'Sat, 28 Nov 2026 12:00:30 GMT', 30_000],
    ['absent', null, 1_000],
    ['nonsense', 'soon', 1_000],
    ['far too long', '86400', 900_000],
  ])('waits per Retry-After given as %s', (_label, header, waitMs) => {
    expect(normaliseNetsuiteError(429, '', header, NOW).retryAfterMs).toBe(waitMs);
  });

  it('reads a date in the past as no wait', () => {
    expect(normaliseNetsuiteError(429, '', 'Sat, 28 Nov 2026 11:00:00 GMT', NOW).retryAfterMs).toBe(0);
  });

  it('keeps the concurrency limit apart from the request limit in the detail', () => {
    expect(normaliseNetsuiteError(429, body(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'x'), null, NOW).detail).toMatchObject({ erpCode: 'CONCURRENCY_LIMIT_EXCEEDED' });
  });
});
