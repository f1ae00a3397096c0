/** Longest wait a `Retry-After` can impose; beyond it the ERP is treated as misbehaving. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 * Missing or unreadable → `fallbackMs`; a date in the past → 0; capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date, fallbackMs: number): number {
  const raw = value?.trim();
  if (!raw) return fallbackMs;
  let ms: number;
  if (/^\d+$/.test(raw)) {
    ms = Number(raw) * 1000;
  } else {
    const at = Date.parse(raw);
    if (Number.isNaN(at) || !/[a-z]/i.test(raw)) return fallbackMs;
    ms = at - now.getTime();
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
