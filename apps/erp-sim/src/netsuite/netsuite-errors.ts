import type { ServerResponse } from 'node:http';

/** An error body in the REST record service's format. */
export interface NetsuiteErrorBody {
  type: string;
  title: string;
  status: number;
  'o:errorDetails': Array<{ detail: string; 'o:errorCode': string; 'o:errorPath'?: string }>;
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };
const SECTIONS: Record<number, string> = { 400: '15.5.1', 401: '15.5.2', 404: '15.5.5', 429: '6', 500: '15.6.1' };

export function netsuiteError(status: number, code: string, detail: string, path?: string): NetsuiteErrorBody {
  return {
    type: status === 429 ? 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4' : `https://www.rfc-editor.org/rfc/rfc9110.html#section-${SECTIONS[status] ?? '15'}`,
    title: TITLES[status] ?? 'Error',
    status,
    'o:errorDetails': [{ detail, 'o:errorCode': code, ...(path ? { 'o:errorPath': path } : {}) }],
  };
}

export function sendError(res: ServerResponse, status: number, code: string, detail: string, options: { path?: string; headers?: Record<string, string> } = {}): void {
  res
    .writeHead(status, { 'content-type': 'application/vnd.oracle.resource+json; type=error', ...options.headers })
    .end(JSON.stringify(netsuiteError(status, code, detail, options.path)));
}

export class ValidationFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
