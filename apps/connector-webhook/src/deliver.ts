import { Webhook } from 'standardwebhooks';
import type { CloudEvent } from './cloud-event';
import type { WebhookTarget } from './settings';

export interface DeliveryOutcome {
  url: string;
  ok: boolean;
  status: number | null;
  /** Whether trying again could help (network errors, timeouts, 429 and 5xx). */
  retryable: boolean;
  error?: string;
}

/**
 * Posts one signed event to one target. The `webhook-id` is the event id on every attempt, so a
 * receiver that saw it before (a timeout after it committed) drops the repeat.
 */
export async function deliver(target: WebhookTarget, event: CloudEvent<unknown>, now: Date, timeoutMs: number): Promise<DeliveryOutcome> {
  const body = JSON.stringify(event);
  const signature = new Webhook(target.secret).sign(event.id, now, body);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json',
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      url: target.url,
      ok,
      status: response.status,
      retryable: !ok && (response.status === 429 || response.status >= 500),
      ...(ok ? {} : { error: `HTTP ${response.status}` }),
    };
  } catch (error) {
    return { url: target.url, ok: false, status: null, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}
