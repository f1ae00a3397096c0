import type { AppError } from './app-error';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/** The constraint a PostgreSQL error names, for errors raised by the database's own guards. */
export function violatedConstraint(
  error: unknown,
): { code: string; constraint: string } | undefined {
  const e = error as PgError | null;
  const code = e?.code ?? e?.driverError?.code;
  const constraint = e?.constraint ?? e?.driverError?.constraint;
  return code && constraint ? { code, constraint } : undefined;
}

/**
 * Turns a known constraint violation into the problem a client can act on; anything else is rethrown.
 * These are the database's backstops for races the application's own checks could not see.
 */
export function rethrowConstraint(
  error: unknown,
  known: Record<string, () => AppError>,
): never {
  const violated = violatedConstraint(error);
  const make = violated ? known[violated.constraint] : undefined;
  if (make) throw make();
  throw error;
}
