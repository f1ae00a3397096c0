import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { AppError } from '../common/app-error';

export interface SignatureHeaders {
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

const unauthorized = (code: string, detail: string) => new AppError(401, code, 'Unauthorized', detail);

/**
 * Checks a Standard Webhooks signature over the exact bytes received (the library also refuses
 * timestamps more than five minutes away from now). Returns the message id, which the caller
 * records to refuse replays.
 */
export function verifyInboundSignature(secret: string, rawBody: Buffer | undefined, headers: SignatureHeaders): string {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signature = headers['webhook-signature'];
  if (!id || !timestamp || !signature)
    throw unauthorized('missing_signature', 'The webhook-id, webhook-timestamp and webhook-signature headers are required.');
  if (!rawBody) throw unauthorized('invalid_signature', 'The body must be JSON (Content-Type: application/json).');
  try {
    new Webhook(secret).verify(rawBody, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
  } catch (error) {
    if (error instanceof WebhookVerificationError && /timestamp/i.test(error.message))
      throw unauthorized('stale_timestamp', 'The webhook-timestamp is too far from now (more than 5 minutes).');
    throw unauthorized('invalid_signature', 'The signature does not match the body.');
  }
  return id;
}
