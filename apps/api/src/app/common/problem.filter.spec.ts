import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { ProblemFilter } from './problem.filter';

function render(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    type(t: string) {
      sent.type = t;
      return response;
    },
    send(body: string) {
      sent.body = body;
      return response;
    },
    setHeader(k: string, v: string) {
      sent.headers[k] = v;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ originalUrl: '/api/x' }) }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return { ...sent, json: JSON.parse(sent.body ?? '{}') as Record<string, unknown> };
}

describe('ProblemFilter', () => {
  it('renders an AppError with its code and extensions', () => {
    const out = render(new AppError(409, 'stale_version', 'Conflict', 'changed', { currentVersion: 3 }));
    expect(out.status).toBe(409);
    expect(out.type).toBe('application/problem+json');
    expect(out.json).toEqual({
      type: 'https://signet.dev/problems/stale-version',
      title: 'Conflict',
      status: 409,
      detail: 'changed',
      code: 'stale_version',
      currentVersion: 3,
      instance: '/api/x',
    });
  });

  it('renders Nest HTTP exceptions with a stable code and title', () => {
    expect(render(new NotFoundException('Cannot GET /api/x')).json).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
  });

  it('recognises malformed JSON bodies', () => {
    const wrapped = new BadRequestException('Unexpected token } in JSON at position 3', { cause: { status: 400, type: 'entity.parse.failed' } });
    expect(render(wrapped).json).toMatchObject({ status: 400, code: 'malformed_body' });
  });

  it('hides unexpected errors behind a 500 without details', () => {
    const out = render(new TypeError('secret internals at line 42'));
    expect(out.status).toBe(500);
    expect(out.body).not.toContain('secret internals');
    expect(out.json).toMatchObject({ code: 'internal_error' });
  });
});
