import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppError } from './app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  [extension: string]: unknown;
}

const TITLES_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Service unavailable',
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

function problemType(code: string): string {
  return `https://signet.dev/problems/${code.replace(/_/g, '-')}`;
}

/** Renders every error as RFC 9457 problem+json; nothing else ever leaves the server. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl ?? request.url;
    if (problem.status >= 500) {
      this.logger.error({ err: exception, path: problem.instance }, 'Unhandled error');
    }
    if (exception instanceof ThrottlerException || problem.status === 429) {
      response.setHeader('Retry-After', '60');
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDocument {
    const parserError = bodyParserError(exception);
    if (parserError) {
      return {
        type: problemType('malformed_body'),
        title: 'Malformed request body',
        status: parserError.status,
        detail: parserError.type === 'entity.too.large' ? 'The request body is too large.' : 'The request body is not valid JSON.',
        code: parserError.type === 'entity.too.large' ? 'payload_too_large' : 'malformed_body',
      };
    }
    if (exception instanceof AppError) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const code = CODES_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'http_error');
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
      const extra = status === 503 && typeof body === 'object' ? { checks: body } : {};
      return { type: problemType(code), title: TITLES_BY_STATUS[status] ?? 'Error', status, detail, code, ...extra };
    }
    return {
      type: problemType('internal_error'),
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. The error has been logged.',
      code: 'internal_error',
    };
  }
}

/** body-parser's own errors (bad JSON, too large), whether raw or wrapped by Nest. */
function bodyParserError(e: unknown): { status: number; type: string } | null {
  if (isBodyParserError(e)) return e;
  if (e instanceof HttpException && isBodyParserError(e.cause)) return e.cause;
  if (e instanceof HttpException && e.getStatus() === 400 && /JSON/.test(e.message)) return { status: 400, type: 'entity.parse.failed' };
  return null;
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e && typeof (e as { status: unknown }).status === 'number' && (e as { status: number }).status < 500;
}
