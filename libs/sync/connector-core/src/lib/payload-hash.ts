import { createHash } from 'node:crypto';

/** sha256 (hex) of exactly the bytes sent to the ERP, so the ledger shows what was sent. */
export function payloadHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
