/**
 * An expected failure, rendered as RFC 9457 problem+json by the one exception filter.
 * `code` is stable and machine-readable; `title` is a short human summary.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'not_found', `${what} not found`, `No ${what.toLowerCase()} with id '${id}'.`);

export const conflict = (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
  new AppError(409, code, 'Conflict', detail, extensions);

export const invalidInput = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new AppError(400, 'validation_failed', 'Invalid request', detail, { errors });
