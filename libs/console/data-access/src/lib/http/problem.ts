import { HttpErrorResponse } from '@angular/common/http';

export interface FieldProblem {
  field: string;
  message: string;
}

/** What the console shows for a failed call: the API's problem+json, or a network failure. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors: FieldProblem[];
}

export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return { status: 0, code: 'network', title: 'Cannot reach the server', detail: 'Check your connection and that Signet is running.', errors: [] };
    }
    const body = (typeof error.error === 'string' ? safeParse(error.error) : error.error) as Partial<Problem> & { errors?: FieldProblem[] } | null;
    return {
      status: error.status,
      code: body?.code ?? 'http_error',
      title: body?.title ?? error.statusText ?? 'Request failed',
      detail: body?.detail ?? error.message,
      errors: Array.isArray(body?.errors) ? body.errors : [],
    };
  }
  return { status: 0, code: 'unexpected', title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error), errors: [] };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Field errors keyed by field name, for showing next to form controls. */
export function fieldErrors(problem: Problem): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of problem.errors) result[e.field] ??= e.message;
  return result;
}
